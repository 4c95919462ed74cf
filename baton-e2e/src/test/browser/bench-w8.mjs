// W8 (shared BENCHMARKS.md): the editor opens a 500-node workflow (open_ms) and drags a node for 3 s (fps),
// measured in the browser; the run view follows a 1,000-branch map (catchup_ms, fps).
//
//   node src/test/browser/bench-w8.mjs            # against the server jar (baton-server/target)
//   node src/test/browser/bench-w8.mjs --static   # editor only, UI served without a server (draft in the browser)
import { existsSync } from 'node:fs';
import { launch } from './browser.mjs';
import { serverJar, startServer } from './server.mjs';
import { serveStatic } from './static.mjs';
import { bigWorkflow } from './bench-w8-lib.mjs';

const NODES = 500;
const BRANCHES = 1000;
const staticOnly = process.argv.includes('--static') || !hasJar();

function hasJar() {
  try {
    return existsSync(serverJar());
  } catch {
    return false;
  }
}

const countFrames = () => {
  window.__frames = 0;
  const tick = () => {
    window.__frames++;
    window.__raf = requestAnimationFrame(tick);
  };
  window.__raf = requestAnimationFrame(tick);
};

async function measureEditor(context, base, open) {
  const page = await context.newPage();
  await open(page);
  const openMs = await page
    .waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0 && performance.now(), null, { timeout: 30_000, polling: 'raf' })
    .then((h) => h.jsonValue());
  const node = page.locator('.react-flow__node').first();
  const box = await node.boundingBox();
  await page.evaluate(countFrames);
  const start = Date.now();
  let x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  let moves = 0;
  while (Date.now() - start < 3000) {
    x += moves % 200 < 100 ? 2 : -2;
    await page.mouse.move(x, y + (moves % 20));
    moves++;
  }
  await page.mouse.up();
  const seconds = (Date.now() - start) / 1000;
  const frames = await page.evaluate(() => (cancelAnimationFrame(window.__raf), window.__frames));
  const rendered = await page.locator('.react-flow__node').count();
  await page.close();
  return { open_ms: Math.round(openMs), fps: +(frames / seconds).toFixed(1), moves, rendered_nodes: rendered };
}

async function measureRunView(context, server) {
  await server.api('/workflows', {
    method: 'POST',
    body: JSON.stringify({
      id: 'w8-map',
      inputs: { type: 'object', properties: { items: { type: 'array' } } },
      steps: [{ id: 'fan', type: 'map', items: '${inputs.items}', steps: [{ id: 'square', type: 'transform', expression: 'item * item' }] }],
    }),
  });
  const items = Array.from({ length: BRANCHES }, (_, i) => i);
  const page = await context.newPage();
  const exec = await server.api('/workflows/w8-map/execute', { method: 'POST', body: JSON.stringify({ inputs: { items } }) });
  const t0 = Date.now();
  await page.goto(`${server.base}/#/executions/${exec.id}`);
  await page.waitForSelector('[data-testid=node-fan]');
  await page.evaluate(countFrames);
  await page.waitForFunction(
    (n) => {
      const done = document.querySelector('[data-testid=node-fan] .count.badge-COMPLETED');
      return done && Number(done.textContent) >= n;
    },
    BRANCHES,
    { timeout: 120_000, polling: 'raf' },
  );
  const catchup = Date.now() - t0;
  const frames = await page.evaluate(() => (cancelAnimationFrame(window.__raf), window.__frames));
  await page.close();
  return { branches: BRANCHES, catchup_ms: catchup, fps: +((frames * 1000) / catchup).toFixed(1) };
}

const browser = await launch({ viewport: { width: 1600, height: 1000 } });
const results = { workload: 'W8', mode: staticOnly ? 'static (no server)' : 'server jar', nodes: NODES };
try {
  if (staticOnly) {
    const web = await serveStatic();
    const def = bigWorkflow();
    await browser.context.addInitScript((d) => {
      localStorage.setItem('baton.apiKey', 'bench');
      localStorage.setItem('baton.draft._new', JSON.stringify({ definition: d, baseVersion: null, savedAt: 0 }));
    }, def);
    results.editor = await measureEditor(browser.context, web.base, (page) => page.goto(`${web.base}/#/workflows/new`));
    results.run_view = 'not measured: needs the server jar';
    await web.stop();
  } else {
    const server = await startServer();
    try {
      await browser.context.addInitScript((k) => localStorage.setItem('baton.apiKey', k), server.key);
      await server.api('/workflows', { method: 'POST', body: JSON.stringify(bigWorkflow()) });
      results.editor = await measureEditor(browser.context, server.base, (page) => page.goto(`${server.base}/#/workflows/w8-editor`));
      results.run_view = await measureRunView(browser.context, server);
    } finally {
      await server.stop();
    }
  }
} finally {
  await browser.close();
}
results.targets = { open_ms: '<= 1000', fps: '>= 50' };
console.log(JSON.stringify(results, null, 2));
