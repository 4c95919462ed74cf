// The editor without a server: edits survive a reload while the API is down (kept in the browser).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch } from './browser.mjs';
import { serveStatic } from './static.mjs';
import { connect, dropStep, openPage, selectNode, shot, waitCount } from './ui.helpers.mjs';

let web;
let browser;

before(async () => {
  web = await serveStatic();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await web?.stop();
});

test('unsaved edits survive a reload during a server outage, and undo works', async () => {
  const page = await openPage(browser.context, web.base, 'no-server');
  await page.goto(`${web.base}/#/workflows/new`);
  await page.waitForSelector('[data-testid=palette-tool]');
  await dropStep(page, 'tool', 160, 150);
  await dropStep(page, 'transform', 460, 150);
  await connect(page, 'tool', 'transform');
  await page.waitForSelector('[data-testid=validation-summary][data-state=offline]');
  await page.reload();
  await page.waitForSelector('[data-testid=draft-restored]');
  await shot(page, 'editor-outage-restored');
  await waitCount(page, '.react-flow__node', 2);
  await waitCount(page, '.react-flow__edge', 1);
  await selectNode(page, 'transform');
  await page.keyboard.press('Delete');
  await waitCount(page, '.react-flow__node', 1);
  await waitCount(page, '.react-flow__edge', 0);
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await waitCount(page, '.react-flow__node', 2);
  await waitCount(page, '.react-flow__edge', 1);
  assert.deepEqual(page.errors, []);
});
