// W8 (shared BENCHMARKS.md): the editor opens a 500-node workflow (open_ms) and drags a node for 3 s (fps),
// measured in the browser; the run view follows a 1,000-branch map (shown_ms, lag behind the run end, fps; and a finished run opened again).
//
//   node src/test/browser/bench-w8.mjs            # against the server jar (baton-server/target)
//   node src/test/browser/bench-w8.mjs --static   # editor only, UI served without a server (draft in the browser)
//   node src/test/browser/bench-w8.mjs --run-view # run view only (server jar)
//   BATON_UI_DIST=/other/baton-ui/dist node src/test/browser/bench-w8.mjs --static   # another build, to compare
import { existsSync } from 'node:fs';
import { launch } from './browser.mjs';
import { serverJar, startServer } from './server.mjs';
import { serveStatic } from './static.mjs';
import { bigWorkflow } from './bench-w8-lib.mjs';

const NODES = 500;
const BRANCHES = 1000;
const CHAINS = 25;
const staticOnly = process.argv.includes('--static') || !hasJar();
const runViewOnly = process.argv.includes('--run-view');

function hasJar() {
  try {
    return existsSync(serverJar());
  } catch {
    return false;
  }
}

/** Records, in the page, the time of every frame (rAF) until stopped. */
const recordFrames = () => {
  window.__frames = [];
  const tick = (t) => {
    window.__frames.push(t);
    window.__raf = requestAnimationFrame(tick);
  };
  window.__raf = requestAnimationFrame(tick);
};

/** Frames per second and the 95th percentile and longest frame intervals, in ms. */
const stopFrames = () => {
  cancelAnimationFrame(window.__raf);
  const f = window.__frames;
  const gaps = f.slice(1).map((t, i) => t - f[i]).sort((a, b) => a - b);
  const seconds = (f.at(-1) - f[0]) / 1000;
  return {
    fps: +((f.length - 1) / seconds).toFixed(1),
    p95_frame_ms: +(gaps[Math.floor(gaps.length * 0.95)] ?? 0).toFixed(1),
    max_frame_ms: +(gaps.at(-1) ?? 0).toFixed(1),
  };
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The CPU time the page's main thread has used so far, in ms (Chromium's TaskDuration counted in thread ticks):
 * what the page costs, nearly independent of what else the machine runs (the wall-clock figures are not).
 */
async function busyMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Math.round(metrics.find((m) => m.name === 'TaskDuration').value * 1000);
}

/** From the navigation's start to the first frame with every node shown (fitted) and every link drawn. */
async function measureOpen(context, open) {
  const page = await context.newPage();
  page.cdp = await context.newCDPSession(page);
  await page.cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await open(page);
  const openMs = await page
    .waitForFunction(
      ([nodes, links]) => {
        const first = document.querySelector('.react-flow__node');
        return (
          document.querySelectorAll('.react-flow__node').length === nodes &&
          document.querySelectorAll('.react-flow__edge').length === links &&
          getComputedStyle(first).visibility === 'visible' &&
          performance.now()
        );
      },
      [NODES, NODES - CHAINS],
      { timeout: 30_000, polling: 'raf' },
    )
    .then((h) => h.jsonValue());
  return { page, openMs: Math.round(openMs), openBusyMs: await busyMs(page.cdp) };
}

/** Drags the first node for 3 s; counts the frames and the moves the page drew. */
async function measureDrag(page) {
  const node = page.locator('.react-flow__node').first();
  const box = await node.boundingBox();
  await page.evaluate(() => {
    const el = document.querySelector('.react-flow__node');
    window.__moves = 0;
    new MutationObserver(() => window.__moves++).observe(el, { attributes: true, attributeFilter: ['style'] });
  });
  await page.evaluate(recordFrames);
  const busyBefore = await busyMs(page.cdp);
  const start = Date.now();
  let x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  let sent = 0;
  while (Date.now() - start < 3000) {
    x += sent % 200 < 100 ? 2 : -2;
    await page.mouse.move(x, y + (sent % 20));
    sent++;
  }
  await page.mouse.up();
  const frames = await page.evaluate(stopFrames);
  const drawn = await page.evaluate(() => window.__moves);
  const busyPerMove = (busyMs(page.cdp).then((b) => b - busyBefore));
  const perMove = (await busyPerMove) / Math.max(1, drawn);
  // the frame rate the page could hold if each frame moved the node: 1000 / main-thread CPU ms per move
  return { ...frames, moves_sent: sent, moves_drawn: drawn, cpu_ms_per_move: +perMove.toFixed(1), fps_capacity: +(1000 / perMove).toFixed(1) };
}

async function measureEditor(context, open, rounds = 3) {
  const opens = [];
  const busy = [];
  let drag;
  for (let i = 0; i < rounds; i++) {
    const { page, openMs, openBusyMs } = await measureOpen(context, open);
    opens.push(openMs);
    busy.push(openBusyMs);
    if (i === rounds - 1) drag = await measureDrag(page);
    await page.close();
  }
  return { open_ms: median(opens), open_ms_runs: opens, open_cpu_ms: median(busy), open_cpu_ms_runs: busy, drag };
}

const MAP_WORKFLOW = {
  id: 'w8-map',
  inputs: { type: 'object', properties: { items: { type: 'array' } } },
  steps: [{ id: 'fan', type: 'map', items: '${inputs.items}', steps: [{ id: 'square', type: 'transform', expression: 'item * item' }] }],
};

/** Opens the run page and waits until the map's node counts every branch completed. */
async function openRun(context, server, id) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.addInitScript(recordFrames);
  const t0 = Date.now();
  await page.goto(`${server.base}/#/executions/${id}`);
  await page.waitForFunction(
    (n) => {
      const done = document.querySelector('[data-testid=node-fan] .count.badge-COMPLETED');
      return done && Number(done.textContent) >= n;
    },
    BRANCHES,
    { timeout: 120_000, polling: 'raf' },
  );
  const shownAt = Date.now();
  const cpuMs = await busyMs(cdp);
  const frames = await page.evaluate(stopFrames);
  await page.close();
  return { t0, shownAt, frames, cpuMs };
}

/**
 * A map over 1,000 items: the run page opened right after `execute` (it follows the run live), and opened again
 * after the run ended (it shows the history). Median of `rounds` runs each, after one round that warms the server's
 * JIT up (its first runs are several times slower, and that is not what the page costs).
 */
async function measureRunView(context, server, rounds = 5) {
  await server.api('/workflows', { method: 'POST', body: JSON.stringify(MAP_WORKFLOW) });
  const items = Array.from({ length: BRANCHES }, (_, i) => i);
  const live = [];
  const ended = [];
  for (let i = -1; i < rounds; i++) {
    const exec = await server.api('/workflows/w8-map/execute', { method: 'POST', body: JSON.stringify({ inputs: { items } }) });
    const { t0, shownAt, frames, cpuMs } = await openRun(context, server, exec.id);
    const run = await server.api(`/executions/${exec.id}`);
    const runEnded = Date.parse(run.endedAt);
    const again = await openRun(context, server, exec.id);
    if (i < 0) continue;
    live.push({ run_ms: runEnded - Date.parse(run.startedAt), shown_ms: shownAt - t0, lag_behind_run_end_ms: Math.max(0, shownAt - runEnded), cpu_ms: cpuMs, ...frames });
    ended.push({ shown_ms: again.shownAt - again.t0, cpu_ms: again.cpuMs });
  }
  const pick = (k) => median(live.map((r) => r[k]));
  return {
    branches: BRANCHES,
    run_ms: pick('run_ms'),
    shown_ms: pick('shown_ms'),
    lag_behind_run_end_ms: pick('lag_behind_run_end_ms'),
    lag_runs: live.map((r) => r.lag_behind_run_end_ms),
    fps: pick('fps'),
    p95_frame_ms: pick('p95_frame_ms'),
    page_cpu_ms: pick('cpu_ms'),
    ended_run_shown_ms: median(ended.map((e) => e.shown_ms)),
    ended_run_shown_ms_runs: ended.map((e) => e.shown_ms),
    ended_run_page_cpu_ms: median(ended.map((e) => e.cpu_ms)),
  };
}

const browser = await launch({ viewport: { width: 1600, height: 1000 } });
const results = { workload: 'W8', mode: staticOnly ? 'static (no server)' : 'server jar', nodes: NODES };
try {
  if (staticOnly) {
    const web = await serveStatic(process.env.BATON_UI_DIST || undefined); // another build to compare with, if given
    const def = bigWorkflow();
    await browser.context.addInitScript((d) => {
      localStorage.setItem('baton.apiKey', 'bench');
      localStorage.setItem('baton.draft._new', JSON.stringify({ definition: d, baseVersion: null, savedAt: 0 }));
    }, def);
    results.editor = await measureEditor(browser.context, (page) => page.goto(`${web.base}/#/workflows/new`));
    results.run_view = 'not measured: needs the server jar';
    await web.stop();
  } else {
    const server = await startServer({ jvm: [] });
    try {
      await browser.context.addInitScript((k) => localStorage.setItem('baton.apiKey', k), server.key);
      await server.api('/workflows', { method: 'POST', body: JSON.stringify(bigWorkflow()) });
      if (!runViewOnly) results.editor = await measureEditor(browser.context, (page) => page.goto(`${server.base}/#/workflows/w8-editor`));
      results.run_view = await measureRunView(browser.context, server);
    } finally {
      await server.stop();
    }
  }
} finally {
  await browser.close();
}
results.targets = { open_ms: '<= 1000', fps: '>= 50' };
results.load_average = (await import('node:os')).loadavg().map((l) => +l.toFixed(1));
console.log(JSON.stringify(results, null, 2));
