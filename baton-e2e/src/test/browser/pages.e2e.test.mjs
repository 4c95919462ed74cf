// The pages beside the editor, against the real server jar: agents (form, YAML, chat), MCP servers (a real one from
// npm), tools (try one against a loopback HTTP server), secrets, and health with metrics, alert rules and an alert
// raised by a rule, resolved by hand and then by itself.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch } from './browser.mjs';
import { QUICK_START, ROOT, startServer } from './server.mjs';
import { openPage, shot, tabTo } from './ui.helpers.mjs';

/** The reference MCP server from npm, installed (pinned) by scripts/ensure-mcp-servers.sh. */
function everythingServer() {
  const dir = execFileSync('bash', [join(ROOT, 'scripts', 'ensure-mcp-servers.sh')], { encoding: 'utf8' }).trim().split('\n').at(-1);
  return join(dir, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');
}

describe('other pages against the server', { concurrency: false }, () => {
  let server;
  let browser;
  let page;

  before(async () => {
    // rules evaluated every second, so an alert is raised and resolved within a test
    server = await startServer({ jvm: [...QUICK_START, '-Dbaton.alerts.evaluation-interval=1s'] });
    browser = await launch();
    page = await openPage(browser.context, server.base, server.key);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('creates an agent in its form, sees it as YAML, chats with it, saves a new version, deletes it', async () => {
    await page.goto(`${server.base}/#/agents`);
    await page.click('[data-testid=resource-create]');
    await page.fill('#resource-name', 'e2e-writer');
    await page.fill('#resource-role', 'Reporter');
    await page.selectOption('#resource-type', 'chat');
    await page.fill('#resource-capabilities', 'writing, summaries');
    assert.match(await page.locator('[data-field=tools] .field-help').innerText(), /comma-separated/);
    await shot(page, 'agents-form');
    await page.click('[data-testid=resource-editor] button:has-text("Save")');
    await page.click('[data-testid=resource-e2e-writer]');
    const stored = (await server.api('/agents/e2e-writer')).definition;
    assert.equal(stored.role, 'Reporter');
    assert.deepEqual(stored.capabilities, ['writing', 'summaries']);
    // editing an agent registers its next version
    assert.equal(await page.inputValue('#resource-version'), '2');
    await page.click('[data-testid=resource-view-yaml]');
    assert.match(await page.inputValue('#resource-yaml'), /name: e2e-writer[\s\S]*version: "2"/);
    await page.fill('[aria-label=Message]', 'Write about the weather');
    await page.click('button:has-text("Send")');
    await page.waitForSelector('.chat:has-text("[offline model]")');
    await page.fill('#resource-yaml', (await page.inputValue('#resource-yaml')).replace('role: Reporter', 'role: Editor'));
    await page.locator('#resource-yaml').blur();
    await page.click('[data-testid=resource-editor] button:has-text("Save")');
    await page.waitForSelector('[data-testid=resource-e2e-writer]:has-text("v2")');
    assert.equal((await server.api('/agents/e2e-writer')).definition.role, 'Editor');
    await page.click('[data-testid=resource-e2e-writer]');
    await page.click('[data-testid=resource-editor] button:has-text("Delete")');
    await page.waitForSelector('[data-testid=resource-e2e-writer]', { state: 'detached' });
  });

  test('shows the form field descriptions in Chinese and Japanese', async () => {
    await page.goto(`${server.base}/#/agents`);
    await page.selectOption('[data-testid=language]', 'zh');
    await page.click('[data-testid=resource-create]');
    await page.click('[data-testid=resource-view-form]');
    assert.match(await page.locator('[data-field=tools] .field-help').innerText(), /逗号分隔/);
    await shot(page, 'agents-form-zh');
    await page.selectOption('[data-testid=language]', 'ja');
    assert.match(await page.locator('[data-field=tools] .field-help').innerText(), /カンマ区切り/);
    await page.selectOption('[data-testid=language]', 'en');
  });

  test('connects a real MCP server (stdio) from its form and lists its tools', async () => {
    const script = everythingServer();
    await page.goto(`${server.base}/#/mcp`);
    await page.click('[data-testid=resource-create]');
    await page.click('[data-testid=resource-view-form]');
    await page.fill('#resource-name', 'everything');
    await page.selectOption('#resource-transport', 'stdio');
    await page.fill('#resource-command', JSON.stringify(['node', script, 'stdio']));
    await page.locator('#resource-command').blur();
    await page.click('[data-testid=resource-editor] button:has-text("Save")');
    await page.waitForSelector('[data-testid=resource-everything]:has-text("connected")', { timeout: 60_000 });
    await page.click('[data-testid=resource-everything]');
    await page.waitForSelector('[data-testid=mcp-tools]:has-text("everything_echo")', { timeout: 30_000 });
    await shot(page, 'mcp-server');
  });

  test('tries a tool from the form of its parameters: the MCP echo, and http_request on a loopback server', async () => {
    await page.goto(`${server.base}/#/tools`);
    await page.click('.card:has-text("everything_echo")');
    await page.fill('#tool-message', 'hello from the browser');
    await page.click('.side-panel button[type=submit]');
    await page.waitForSelector('.side-panel:has-text("Echo: hello from the browser")');

    const http = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ path: req.url })));
    await new Promise((ok) => http.listen(0, '127.0.0.1', ok));
    try {
      await page.click('.card:has-text("http_request")');
      await page.fill('#tool-url', `http://127.0.0.1:${http.address().port}/from-the-ui`);
      await page.click('.side-panel button[type=submit]');
      await page.waitForSelector('.side-panel:has-text("/from-the-ui")');
      assert.match(await page.locator('.side-panel').innerText(), /200/);
    } finally {
      http.close();
    }
  });

  test('removes the MCP server', async () => {
    await page.goto(`${server.base}/#/mcp`);
    await page.click('[data-testid=resource-everything]');
    await page.click('[data-testid=resource-editor] button:has-text("Delete")');
    await page.waitForSelector('[data-testid=resource-everything]', { state: 'detached' });
    assert.deepEqual(await server.api('/mcp-servers'), []);
  });

  test('stores a secret by name; its value is never shown again', async () => {
    await page.goto(`${server.base}/#/secrets`);
    await page.fill('[aria-label=Name]', 'e2e-token');
    await page.fill('[aria-label=Value]', 's3cr3t-value');
    await page.click('button[type=submit]:has-text("Save")');
    await page.waitForSelector('.cards code:has-text("e2e-token")');
    assert.doesNotMatch(await page.content(), /s3cr3t-value/);
    assert.deepEqual((await server.api('/secrets')).map((s) => s.name), ['e2e-token']);
    await page.click('.cards li:has-text("e2e-token") button:has-text("Delete")');
    await page.waitForSelector('.cards code:has-text("e2e-token")', { state: 'detached' });
  });

  test('shows health, charts the metrics summary and lists the alert rules', async () => {
    await page.goto(`${server.base}/#/health`);
    const health = await server.api('/health');
    await page.waitForSelector(`[data-testid=health-status]:has-text("${health.status}")`);
    await page.waitForSelector('.sparks figure');
    const summary = await server.api('/metrics/summary');
    const first = Object.keys(summary)[0];
    assert.ok(first, 'the summary has figures');
    await page.waitForSelector(`.sparks figcaption:has-text("${first}")`);
    const rules = (await server.api('/alerts')).rules;
    for (const r of rules) await page.waitForSelector(`[data-testid=alert-rules] td:has-text("${r.id}")`);
    await page.waitForSelector('text=No active alerts.');
    await shot(page, 'health');
  });

  test('shows an alert a rule raises, resolves it by hand, and the next one resolves by itself', async () => {
    await page.goto(`${server.base}/#/health`);
    await page.waitForSelector('text=No active alerts.');
    const rule = {
      id: 'e2e-heap',
      severity: 'P3',
      measure: 'MEMORY_USAGE',
      condition: 'ABOVE',
      threshold: 0, // any heap in use: breached at the next evaluation
      sustained: 'PT0S',
      description: 'e2e: heap in use',
    };
    await server.api('/alerts/rules', { method: 'POST', body: JSON.stringify(rule) });
    // the page reads the alerts again while it is open
    const raised = page.locator('[data-testid=alerts] li[data-rule=e2e-heap]');
    await raised.waitFor({ timeout: 30_000 });
    const first = await raised.getAttribute('data-alert-id');
    assert.match(await raised.innerText(), /P3[\s\S]*e2e: heap in use \(now 0\.\d+\)/);
    // a severity has its colour (P3: the light theme's blue, #2f6fde), not the neutral grey of a badge
    assert.equal(await raised.locator('.badge').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(47, 111, 222)');
    // the metrics chart beside it has drawn its samples
    assert.ok(await page.locator('.sparks figure svg path[d^=M]').count() > 0, 'a metric charted');
    await shot(page, 'health-alert');

    await page.click(`[data-alert-id="${first}"] button:has-text("Resolve")`);
    await page.waitForSelector(`[data-alert-id="${first}"]`, { state: 'detached' });
    const byHand = (await server.api('/alerts')).alerts.find((a) => a.alertId === first);
    assert.equal(byHand.status, 'resolved');
    assert.notEqual(byHand.resolvedBy, 'auto', 'resolved by the signed-in key, not by the rule');

    // the heap is still in use: the rule raises a new alert, which resolves by itself once the rule no longer holds
    const again = page.locator(`[data-testid=alerts] li[data-rule=e2e-heap]:not([data-alert-id="${first}"])`);
    await again.waitFor({ timeout: 30_000 });
    const second = await again.getAttribute('data-alert-id');
    await server.api('/alerts/rules/e2e-heap', { method: 'PUT', body: JSON.stringify({ ...rule, threshold: 2 }) });
    await page.waitForSelector('text=No active alerts.', { timeout: 30_000 });
    const auto = (await server.api('/alerts')).alerts.find((a) => a.alertId === second);
    assert.equal(auto.status, 'resolved');
    assert.equal(auto.resolvedBy, 'auto');
    await server.api('/alerts/rules/e2e-heap', { method: 'DELETE' });
  });

  test('switches to the dark theme from the keyboard, and the choice is remembered', async () => {
    await page.goto(`${server.base}/#/health`);
    await page.waitForSelector('[data-testid=health-status]');
    /** The relative luminance (0 black – 1 white) of an element's computed background colour. */
    const luminance = (selector) =>
      page.locator(selector).first().evaluate((el) => {
        const [r, g, b] = getComputedStyle(el).backgroundColor.match(/\d+/g).map((v) => Number(v) / 255);
        const lin = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      });
    assert.ok((await luminance('body')) > 0.8, 'light to begin with');
    await tabTo(page, '[data-testid=theme]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('html[data-theme=dark]');
    for (const part of ['body', '.app-header', '.table']) assert.ok((await luminance(part)) < 0.05, `${part} is dark`);
    await shot(page, 'health-dark');
    await page.reload();
    await page.waitForSelector('[data-testid=health-status]');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', 'remembered after a reload');
    assert.ok((await luminance('body')) < 0.05);
    await page.click('[data-testid=theme]');
    await page.waitForSelector('html[data-theme=light]');
  });

  test('no script error happened on any page', () => {
    assert.deepEqual(page.errors, []);
  });
});
