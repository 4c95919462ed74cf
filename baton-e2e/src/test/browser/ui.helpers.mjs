// Page actions shared by the browser tests: drop a palette item, connect two nodes, wait for a status.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.mjs';

export const IMAGES = join(ROOT, 'docs', 'images');
mkdirSync(IMAGES, { recursive: true });

export const shot = (page, name) => page.screenshot({ path: join(IMAGES, `${name}.png`) });

/** A page signed in with the key, in English unless told otherwise. */
export async function openPage(context, base, key, lang = 'en') {
  await context.addInitScript(
    ([k, l]) => {
      if (!localStorage.getItem('baton.apiKey')) localStorage.setItem('baton.apiKey', k);
      if (!localStorage.getItem('baton.lang')) localStorage.setItem('baton.lang', l);
      if (!localStorage.getItem('baton.theme')) localStorage.setItem('baton.theme', 'light');
    },
    [key, lang],
  );
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.errors = errors;
  await page.goto(base + '/');
  return page;
}

export async function dropStep(page, type, x, y) {
  await page.dragAndDrop(`[data-testid=palette-${type}]`, '[data-testid=canvas]', { targetPosition: { x, y } });
  await page.waitForSelector(`[data-testid=node-${type}]`);
}

export async function connect(page, from, to, handle = 'out') {
  const s = await page.locator(`[data-testid=node-${from}] .react-flow__handle.source[data-handleid=${handle}]`).boundingBox();
  const t = await page.locator(`[data-testid=node-${to}] .react-flow__handle.target`).boundingBox();
  await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
  await page.mouse.down();
  await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 10 });
  await page.mouse.up();
}

export const nodeWithStatus = (id, status) => `[data-testid=node-${id}][data-status=${status}]`;

export async function waitAllCompleted(page, ids, timeout = 30_000) {
  for (const id of ids) await page.waitForSelector(nodeWithStatus(id, 'COMPLETED'), { timeout });
}

/** The execution id of the run page shown. */
export const executionIdOf = (page) => decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');

/** Waits until exactly `n` elements match (React renders after the event that changed them). */
export async function waitCount(page, selector, n, timeout = 15_000) {
  await page.waitForFunction(([s, k]) => document.querySelectorAll(s).length === k, [selector, n], { timeout });
}

/** Clicks a node and waits until it is selected. */
export async function selectNode(page, id) {
  await page.locator(`[data-testid=node-${id}]`).click();
  await page.waitForSelector(`.react-flow__node.selected [data-testid=node-${id}]`);
}

/** Presses Tab until the element matching `selector` has the focus (the way a keyboard user gets there). */
export async function tabTo(page, selector, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} not reached with ${max} presses of Tab`);
}
