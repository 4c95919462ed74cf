// Degradation level 4 (maintenance) against the real server jar: the banner in the three languages, the API's
// problem naming the level, editing that goes on with its draft kept in the browser, and the banner gone once lifted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch } from './browser.mjs';
import { startServer } from './server.mjs';
import { dropStep, openPage, shot, waitCount } from './ui.helpers.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const banner = '[data-testid=maintenance-banner]';

test('level 4 shows a maintenance banner in English, Chinese and Japanese while editing goes on', async () => {
  await server.api('/workflows', {
    method: 'POST',
    body: JSON.stringify({ id: 'kept', steps: [{ id: 'greet', type: 'tool', tool: 'echo', input: { text: 'hi' } }] }),
  });
  const page = await openPage(browser.context, server.base, server.key);
  await page.goto(`${server.base}/#/workflows/kept`);
  await waitCount(page, '.react-flow__node', 1);
  await dropStep(page, 'transform', 460, 150);
  await waitCount(page, '.react-flow__node', 2);

  await server.api('/degradation', {
    method: 'PUT',
    body: JSON.stringify({ level: 4, reason: 'database upgrade', expectedRecovery: '2030-01-01T02:00:00Z' }),
  });
  const refused = await fetch(`${server.base}/api/v1/workflows`, { headers: { 'X-API-Key': server.key } });
  assert.equal(refused.status, 503);
  const problem = await refused.json();
  assert.equal(problem.level, 4);
  assert.equal(problem.levelTitle, 'maintenance');
  assert.match(problem.detail, /degradation level 4 \(maintenance\)/);

  // the unsaved edit survives a reload during maintenance, and editing goes on
  await page.reload();
  await page.waitForSelector(banner);
  await page.waitForSelector('[data-testid=draft-restored]');
  await waitCount(page, '.react-flow__node', 2);
  // a second step of a type on the canvas already gets a fresh id: count the nodes instead
  await page.dragAndDrop('[data-testid=palette-transform]', '[data-testid=canvas]', { targetPosition: { x: 640, y: 420 } });
  await waitCount(page, '.react-flow__node', 3);
  const english = await page.locator(banner).innerText();
  assert.match(english, /Maintenance/);
  assert.match(english, /unsaved edits are kept/);
  assert.match(english, /database upgrade/);
  assert.match(english, /2030/);
  await shot(page, 'maintenance-banner');

  await page.selectOption('[data-testid=language]', 'zh');
  await page.waitForSelector(`${banner}:has-text("维护中")`);
  assert.match(await page.locator(banner).innerText(), /未保存的修改/);
  await page.selectOption('[data-testid=language]', 'ja');
  await page.waitForSelector(`${banner}:has-text("メンテナンス中")`);
  assert.match(await page.locator(banner).innerText(), /未保存の変更/);
  await page.selectOption('[data-testid=language]', 'en');

  await server.api('/degradation', { method: 'DELETE' });
  await page.reload();
  await page.waitForSelector('[data-testid=draft-restored]');
  await waitCount(page, '.react-flow__node', 3);
  await waitCount(page, banner, 0);
  assert.deepEqual(page.errors, []);
});
