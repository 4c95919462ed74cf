// The editor against the real server jar: copy/paste, versions (save, publish, diff), export and re-import, the run
// form generated from the inputs schema, and a core flow with the keyboard alone.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { launch } from './browser.mjs';
import { startServer } from './server.mjs';
import { executionIdOf, openPage, shot, tabTo, waitAllCompleted, waitCount } from './ui.helpers.mjs';

/** Two linked steps with saved positions. */
const pair = (id) => ({
  id,
  steps: [
    { id: 'first', type: 'transform', expression: '1 + 1', ui: { x: 0, y: 0 } },
    { id: 'second', type: 'transform', expression: '2 + 2', dependsOn: ['first'], ui: { x: 300, y: 0 } },
  ],
});

describe('editor against the server', { concurrency: false }, () => {
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

  async function openEditor(id) {
    await page.goto(`${server.base}/#/workflows/${id}`);
    await page.waitForSelector('[data-testid=palette-transform]');
    await page.waitForSelector('[data-testid=node-first]');
  }

  test('copies two linked steps and pastes them with fresh ids and their link; undo takes the paste back', async () => {
    await server.api('/workflows', { method: 'POST', body: JSON.stringify(pair('e2e-clip')) });
    await openEditor('e2e-clip');
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+a');
    await waitCount(page, '.react-flow__node.selected', 2);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await waitCount(page, '.react-flow__node', 4);
    await waitCount(page, '.react-flow__edge', 2);
    await page.waitForSelector('[data-testid=node-first-copy]');
    await page.waitForSelector('[data-testid=node-second-copy]');
    // the pasted pair is linked to itself, not to the originals
    const pasted = await page.locator('.react-flow__edge[data-testid*="first-copy"]').count();
    assert.equal(pasted, 1, 'one link from first-copy');
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+z');
    await waitCount(page, '.react-flow__node', 2);
  });

  test('saves a new version, publishes it and shows the diff between two versions', async () => {
    await server.api('/workflows', { method: 'POST', body: JSON.stringify(pair('e2e-versions')) });
    await openEditor('e2e-versions');
    await page.locator('[data-testid=node-second]').click();
    await page.fill('#prop-second-expression', '40 + 2');
    await page.locator('#prop-second-expression').blur();
    await page.click('[data-testid=save]');
    await page.waitForSelector('[data-testid=editor-message]:has-text("Saved as version 2")');
    await page.click('button:has-text("Publish")');
    await page.waitForSelector('[data-testid=editor-message]:has-text("Version 2 published")');
    assert.equal(String(await publishedOf('e2e-versions')), '2');
    await page.click('button:has-text("Versions")');
    await waitCount(page, '[data-testid=versions] tr', 2);
    assert.match(await page.locator('[data-testid=versions]').innerText(), /v2\s+published/);
    await page.selectOption('dialog select[aria-label=from]', '1');
    await page.selectOption('dialog select[aria-label=to]', '2');
    await page.click('dialog button:has-text("Compare")');
    await page.waitForSelector('[data-testid=diff]');
    const removed = await page.locator('[data-testid=diff] .diff-del').allInnerTexts();
    const added = await page.locator('[data-testid=diff] .diff-add').allInnerTexts();
    assert.ok(removed.includes('-     expression: 2 + 2'), removed.join('\n'));
    assert.ok(added.includes('+     expression: 40 + 2'), added.join('\n'));
    await shot(page, 'editor-versions-diff');
    await page.keyboard.press('Escape');
  });

  async function publishedOf(id) {
    const list = await server.api('/workflows');
    return (list.items ?? list).find((w) => w.id === id)?.publishedVersion;
  }

  test('exports YAML and imports it back: the same steps, links and positions', async () => {
    await server.api('/workflows', { method: 'POST', body: JSON.stringify(pair('e2e-export')) });
    await openEditor('e2e-export');
    // move a step so the layout is not the one the server was given; first let the view settle
    // (fitting the view moves the nodes on screen just after they appear)
    const box = await settledBox(page.locator('[data-testid=node-second]'));
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 90, { steps: 8 });
    await page.mouse.up();
    const exported = await download(() => page.click('button:has-text("Export YAML")'));
    assert.match(exported, /id: e2e-export/);
    const [, x, y] = exported.match(/- id: second[\s\S]*?ui:\s+x: (\d+)\s+y: (\d+)/) ?? [];
    assert.ok(Number(x) > 300 && Number(y) > 0, `the moved position is exported:\n${exported}`);

    await page.goto(`${server.base}/#/workflows/new`);
    await page.waitForSelector('[data-testid=palette-transform]');
    const file = `${process.env.TMPDIR ?? '/tmp'}/e2e-export-${process.pid}.yaml`;
    await import('node:fs/promises').then((fs) => fs.writeFile(file, exported));
    await page.setInputFiles('[data-testid=import-file]', file);
    await page.waitForSelector('[data-testid=node-second]');
    await waitCount(page, '.react-flow__edge', 1);
    const again = await download(() => page.click('button:has-text("Export YAML")'));
    assert.equal(again, exported);
  });

  /** The element's box once it has stopped moving on screen (bounded polling). */
  async function settledBox(locator) {
    let last = await locator.boundingBox();
    for (let i = 0; i < 40; i++) {
      await page.waitForTimeout(50);
      const now = await locator.boundingBox();
      if (now && last && now.x === last.x && now.y === last.y && now.width === last.width) return now;
      last = now;
    }
    return last;
  }

  async function download(click) {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    return readFile(await file.path(), 'utf8');
  }

  test('asks for the inputs in a form from the inputs schema: a missing required one is refused', async () => {
    await server.api('/workflows', {
      method: 'POST',
      body: JSON.stringify({
        id: 'e2e-inputs',
        inputs: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', description: 'who to greet' }, times: { type: 'integer', default: 2 } },
        },
        steps: [{ id: 'greet', type: 'transform', expression: '"hello " + inputs.name', ui: { x: 0, y: 0 } }],
      }),
    });
    await page.goto(`${server.base}/#/workflows/e2e-inputs`);
    await page.waitForSelector('[data-testid=node-greet]');
    await page.click('[data-testid=run]');
    await page.waitForSelector('dialog #run-name');
    assert.equal(await page.inputValue('dialog #run-times'), '2', 'the default is filled in');
    assert.equal(await page.locator('dialog button[type=submit]').isDisabled(), true, 'refused without the required name');
    await page.fill('dialog #run-name', 'Ada');
    await shot(page, 'run-input-form');
    await page.click('dialog button[type=submit]');
    await page.waitForURL(/#\/executions\//);
    await waitAllCompleted(page, ['greet']);
    const run = await server.api(`/executions/${executionIdOf(page)}`);
    assert.deepEqual(run.inputs, { name: 'Ada', times: 2 });
    assert.equal(run.steps.find((s) => s.path === 'greet').output, 'hello Ada');
  });

  test('builds, saves and runs a workflow with the keyboard alone', async () => {
    await page.goto(`${server.base}/#/workflows/new`);
    await page.waitForSelector('[data-testid=palette-transform]');
    await tabTo(page, '#wf-id');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('e2e-keyboard');
    await tabTo(page, '[data-testid=palette-transform]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=node-transform]');
    // the step just added is selected: its fields are in the panel
    await tabTo(page, '#prop-transform-expression');
    await page.keyboard.type('6 * 7');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('[data-testid=editor-message]:has-text("Saved as version 1")');
    await tabTo(page, '[data-testid=run]');
    await page.keyboard.press('Enter');
    await tabTo(page, 'dialog button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/executions\//);
    await waitAllCompleted(page, ['transform']);
    const run = await server.api(`/executions/${executionIdOf(page)}`);
    assert.equal(run.workflowId, 'e2e-keyboard');
    assert.equal(run.steps.find((s) => s.path === 'transform').output, 42);
  });

  test('no script error happened on any page', () => {
    assert.deepEqual(page.errors, []);
  });
});
