// The web UI against the real server jar: build, validate, save, run, answer, pause/resume, import, languages.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch } from './browser.mjs';
import { ROOT, startServer } from './server.mjs';
import { connect, dropStep, executionIdOf, openPage, selectNode, shot, waitAllCompleted, waitCount } from './ui.helpers.mjs';

const FIXTURES = join(ROOT, 'baton-e2e', 'src', 'test', 'resources', 'fixtures');

describe('web UI against the server', { concurrency: false }, () => {
  let server;
  let browser;
  let page;

  before(async () => {
    server = await startServer();
    browser = await launch();
    page = await openPage(browser.context, server.base, server.key);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('builds a workflow by dragging four node types from the palette and connecting them', async () => {
    await page.goto(`${server.base}/#/workflows/new`);
    await page.waitForSelector('[data-testid=palette-transform]');
    await dropStep(page, 'start', 150, 150);
    await dropStep(page, 'transform', 420, 150);
    await dropStep(page, 'human', 420, 330);
    await dropStep(page, 'end', 690, 330);
    await connect(page, 'start', 'transform');
    await connect(page, 'transform', 'human');
    await connect(page, 'human', 'end');
    await waitCount(page, '.react-flow__node', 4);
    await waitCount(page, '.react-flow__edge', 3);
    // Each step stays where it was dropped (the view does not move under the first one).
    const [s, t, h, e] = await Promise.all(['start', 'transform', 'human', 'end'].map((id) => page.locator(`[data-testid=node-${id}]`).boundingBox()));
    assert.ok(Math.abs(s.y - t.y) < 2 && Math.abs(t.x - s.x - 270) < 2, `start and transform side by side: ${JSON.stringify([s, t])}`);
    assert.ok(Math.abs(h.x - t.x) < 2 && Math.abs(h.y - t.y - 180) < 2, `human under transform: ${JSON.stringify([t, h])}`);
    assert.ok(Math.abs(e.y - h.y) < 2 && Math.abs(e.x - h.x - 270) < 2, `end beside human: ${JSON.stringify([h, e])}`);
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.fill('#wf-id', 'e2e-approval');
    await page.locator('#wf-id').blur();
    await shot(page, 'editor-built');
  });

  test('shows a validation error on the node and the field, and clears it when fixed', async () => {
    // A human step without its prompt is invalid.
    await page.waitForSelector('[data-testid=validation-summary][data-errors]:not([data-errors="0"])', { timeout: 10_000 });
    await page.waitForSelector('[data-testid=node-human] .node-diag.diag-error');
    await selectNode(page, 'human');
    await page.waitForSelector('[data-testid=property-panel] [data-field=prompt] .field-errors, [data-testid=step-diagnostics]');
    await shot(page, 'editor-validation');
    await page.fill('#prop-human-prompt', 'Approve ${steps.');
    await page.waitForSelector('.completion li');
    await page.keyboard.press('Enter');
    assert.equal(await page.inputValue('#prop-human-prompt'), 'Approve ${steps.transform.output}');
    await page.fill('#prop-human-form', '{type: object, properties: {approved: {type: boolean}}, required: [approved]}');
    await page.locator('#prop-human-form').blur();
    await selectNode(page, 'transform');
    await page.fill('#prop-transform-expression', '"ready"');
    await page.locator('#prop-transform-expression').blur();
    await page.waitForSelector('[data-testid=validation-summary][data-errors="0"]', { timeout: 10_000 });
    assert.equal(await page.locator('[data-testid=node-human] .node-diag.diag-error').count(), 0);
  });

  test('saves the workflow, runs it, answers the human step and sees every node completed', async () => {
    await page.click('[data-testid=save]');
    await page.waitForSelector('[data-testid=editor-message]:has-text("Saved as version")');
    const saved = await server.api('/workflows/e2e-approval');
    assert.equal(saved.definition.steps.length, 4);
    assert.ok(saved.definition.steps.every((s) => typeof s.ui?.x === 'number'), 'layout kept in ui metadata');
    await page.click('[data-testid=run]');
    await page.click('dialog button[type=submit]');
    await page.waitForURL(/#\/executions\//);
    await page.waitForSelector('[data-testid=human-human]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid=connection][data-state=open]');
    await page.waitForSelector('[data-testid=node-human][data-status=WAITING]');
    await shot(page, 'run-human-input');
    await page.check('[data-testid=human-human] input[type=checkbox]');
    await page.click('[data-testid=human-human] button[type=submit]');
    await waitAllCompleted(page, ['start', 'transform', 'human', 'end']);
    await shot(page, 'run-completed');
    const run = await server.api(`/executions/${executionIdOf(page)}`);
    assert.equal(run.status, 'COMPLETED');
  });

  test('pauses and resumes a run from the monitor', async () => {
    await server.api('/workflows', {
      method: 'POST',
      body: JSON.stringify({
        id: 'e2e-slow',
        steps: [
          { id: 'nap', type: 'wait', duration: '3s' },
          { id: 'after', type: 'transform', expression: '1 + 1', dependsOn: ['nap'] },
        ],
      }),
    });
    const exec = await server.api('/workflows/e2e-slow/execute', { method: 'POST', body: JSON.stringify({ inputs: {} }) });
    await page.goto(`${server.base}/#/executions/${exec.id}`);
    await page.click('[data-testid=control-pause]');
    await page.waitForSelector('.badge[data-status=PAUSED]');
    await shot(page, 'run-paused');
    await page.click('[data-testid=control-resume]');
    await waitAllCompleted(page, ['nap', 'after']);
    assert.equal((await server.api(`/executions/${exec.id}`)).status, 'COMPLETED');
  });

  test('imports a seed fixture (MPLP WorkflowDefinition) and runs it', async () => {
    await page.goto(`${server.base}/#/workflows/new`);
    await page.waitForSelector('[data-testid=palette-transform]');
    await page.setInputFiles('[data-testid=import-file]', join(FIXTURES, 'mplp-sequential.json'));
    await page.waitForURL(/#\/workflows\/seq-001/);
    await page.waitForSelector('[data-testid=node-execution]');
    await shot(page, 'editor-imported-seed');
    await page.click('[data-testid=run]');
    await page.click('dialog button[type=submit]');
    await page.waitForURL(/#\/executions\//);
    await waitAllCompleted(page, ['context-setup', 'plan-creation', 'role-assignment', 'execution']);
  });

  test('switches the language to Chinese and remembers it', async () => {
    await page.goto(`${server.base}/#/workflows`);
    await page.selectOption('[data-testid=language]', 'zh');
    await page.waitForSelector('nav a:has-text("工作流")');
    await page.reload();
    await page.waitForSelector('nav a:has-text("执行记录")');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    // The palette shows the server catalogue's Chinese labels.
    const transform = (await server.api('/node-types')).find((n) => n.type === 'transform');
    await page.goto(`${server.base}/#/workflows/e2e-approval`);
    await page.waitForSelector(`[data-testid=palette-transform]:has-text("${transform.label.zh}")`);
    await page.waitForSelector('[data-testid=node-human]');
    await shot(page, 'editor-zh');
    await page.selectOption('[data-testid=language]', 'en');
  });

  test('no script error happened on any page', () => {
    assert.deepEqual(page.errors, []);
  });
});
