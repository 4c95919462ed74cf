// W8 (shared BENCHMARKS.md): the editor opens a 500-node workflow (open_ms) and drags a node for 3 s (fps),
// measured in the browser; the run view follows a 1,000-branch map (shown_ms, lag behind the run end, fps; a finished
// run opened again; and a page already open when the map starts, `following`).
//
//   node src/test/browser/bench-w8.mjs            # against the server jar (baton-server/target)
//   node src/test/browser/bench-w8.mjs --static   # editor only, UI served without a server (draft in the browser)
//   node src/test/browser/bench-w8.mjs --run-view # run view only (server jar)
//   node src/test/browser/bench-w8.mjs --following # run view, only the page following a map live (server jar)
//   BATON_UI_DIST=/other/baton-ui/dist node src/test/browser/bench-w8.mjs --static   # another build, to compare
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { launch } from './browser.mjs';
import { serverJar, startServer } from './server.mjs';
import { serveStatic } from './static.mjs';
import { bigWorkflow } from './bench-w8-lib.mjs';

const NODES = 500;
const BRANCHES = 1000;
const CHAINS = 25;
const staticOnly = process.argv.includes('--static') || !hasJar();
const followingOnly = process.argv.includes('--following');
const runViewOnly = followingOnly || process.argv.includes('--run-view');

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

/** Waits until the map's node counts every branch completed (checked on every frame). */
const allBranchesShown = (page) =>
  page.waitForFunction(
    (n) => {
      const done = document.querySelector('[data-testid=node-fan] .count.badge-COMPLETED');
      return done && Number(done.textContent) >= n;
    },
    BRANCHES,
    { timeout: 120_000, polling: 'raf' },
  );

/** Opens the run page and waits until the map's node counts every branch completed. */
async function openRun(context, server, id) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.addInitScript(recordFrames);
  const t0 = Date.now();
  await page.goto(`${server.base}/#/executions/${id}`);
  await allBranchesShown(page);
  const shownAt = Date.now();
  const cpuMs = await busyMs(cdp);
  const frames = await page.evaluate(stopFrames);
  await page.close();
  return { t0, shownAt, frames, cpuMs };
}

/** The same map behind a human gate: the run page is open and following before the map starts. */
const GATED_WORKFLOW = {
  ...MAP_WORKFLOW,
  id: 'w8-gated',
  steps: [{ id: 'gate', type: 'human', prompt: 'Start the map?', form: { type: 'object' } }, { ...MAP_WORKFLOW.steps[0], dependsOn: ['gate'] }],
};

/**
 * Opens the page of a run waiting at its gate, answers the gate once the page follows the stream, and waits until
 * the map's node counts every branch completed: how far the page trails a run it watches live, at what frame rate.
 */
async function followRun(context, server, id) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  // when the frames reached the page: the lag splits into the server's part (until the last message arrives) and the
  // page's (from there until it is drawn)
  let lastFrameAt = 0;
  let completedFrameAt = 0;
  let socketFrames = 0;
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      lastFrameAt = Date.now();
      socketFrames++;
      if (!completedFrameAt && String(payload).includes('"execution_completed"')) completedFrameAt = lastFrameAt;
    }),
  );
  await page.goto(`${server.base}/#/executions/${id}`);
  await page.waitForSelector('[data-testid=connection][data-state=open]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid=human-gate]', { timeout: 60_000 });
  const { waitId } = (await server.api(`/executions/${id}`)).pendingInputs[0];
  await page.evaluate(recordFrames);
  const busyBefore = await busyMs(cdp);
  const serverCpuBefore = serverCpuMs(server);
  const browserCpuBefore = browserCpuMs(server);
  const driverCpuBefore = process.cpuUsage();
  const framesBefore = socketFrames;
  const answeredAt = Date.now();
  await server.api(`/inputs/${waitId}`, { method: 'POST', body: JSON.stringify({ value: {} }) });
  await allBranchesShown(page);
  const shownAt = Date.now();
  // the server's CPU from the answer to the page showing the end: running the map and streaming it to this page
  const serverCpu = serverCpuMs(server) - serverCpuBefore;
  // and what the browser's processes and this driver (Playwright, which gets every frame's payload) used meanwhile
  const browserCpu = browserCpuMs(server) - browserCpuBefore;
  const driverCpu = process.cpuUsage(driverCpuBefore);
  const cpuMs = (await busyMs(cdp)) - busyBefore;
  const frames = await page.evaluate(stopFrames);
  await page.close();
  const run = await server.api(`/executions/${id}`);
  return {
    answeredAt,
    shownAt,
    runEnded: Date.parse(run.endedAt),
    frames,
    cpuMs,
    serverCpu,
    browserCpu,
    driverCpu: Math.round((driverCpu.user + driverCpu.system) / 1000),
    socketFrames: socketFrames - framesBefore,
    lastFrameAt,
    completedFrameAt,
  };
}

/** The CPU time process `pid` has used so far, in ms (user + system, from /proc: Linux only). */
function cpuMsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
}

/** The CPU time the server's process has used so far, in ms. */
const serverCpuMs = (server) => cpuMsOf(server.pid);

/**
 * The CPU time the browser's processes (every process descended from this one but the server: Chromium's browser,
 * network, renderer and GPU processes) have used so far, in ms; processes that ended in between are not counted.
 */
function browserCpuMs(server) {
  const parents = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      parents.set(pid, readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
    } catch {
      // ended meanwhile
    }
  }
  const descends = (pid) => {
    if (pid === String(server.pid)) return false;
    for (let p = parents.get(pid); p && p !== '1'; p = parents.get(p)) {
      if (p === String(server.pid)) return false;
      if (p === String(process.pid)) return true;
    }
    return false;
  };
  let total = 0;
  for (const pid of parents.keys()) {
    try {
      if (descends(pid)) total += cpuMsOf(pid);
    } catch {
      // ended meanwhile
    }
  }
  return total;
}

/**
 * `n` GETs of a run's detail from here, without the page: the median time of one, and the server's CPU time per GET
 * (nearly independent of the machine's load; 10 ms ticks, so averaged over the `n`).
 */
async function detailCost(server, id, n = 10) {
  const times = [];
  const cpuBefore = serverCpuMs(server);
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await server.api(`/executions/${id}`);
    times.push(performance.now() - t);
  }
  return { ms: Math.round(median(times)), cpuMs: Math.round((serverCpuMs(server) - cpuBefore) / n) };
}

/**
 * A map over 1,000 items: the run page opened right after `execute` (it follows the run live), opened again after
 * the run ended (it shows the history), and open before the map starts (behind a gate). Median of `rounds` runs
 * each, after one round that warms the server's JIT up (its first runs are several times slower, and that is not
 * what the page costs).
 */
async function measureRunView(context, server, rounds = 5) {
  await server.api('/workflows', { method: 'POST', body: JSON.stringify(MAP_WORKFLOW) });
  await server.api('/workflows', { method: 'POST', body: JSON.stringify(GATED_WORKFLOW) });
  const items = Array.from({ length: BRANCHES }, (_, i) => i);
  const live = [];
  const ended = [];
  const follow = [];
  for (let i = -1; i < rounds; i++) {
    if (!followingOnly) {
      const exec = await server.api('/workflows/w8-map/execute', { method: 'POST', body: JSON.stringify({ inputs: { items } }) });
      const { t0, shownAt, frames, cpuMs } = await openRun(context, server, exec.id);
      const run = await server.api(`/executions/${exec.id}`);
      const runEnded = Date.parse(run.endedAt);
      const again = await openRun(context, server, exec.id);
      const detail = await detailCost(server, exec.id);
      if (i >= 0) {
        live.push({ run_ms: runEnded - Date.parse(run.startedAt), shown_ms: shownAt - t0, lag_behind_run_end_ms: Math.max(0, shownAt - runEnded), cpu_ms: cpuMs, ...frames });
        ended.push({ shown_ms: again.shownAt - again.t0, cpu_ms: again.cpuMs, detail_ms: detail.ms, detail_server_cpu_ms: detail.cpuMs });
      }
    }
    const gated = await server.api('/workflows/w8-gated/execute', { method: 'POST', body: JSON.stringify({ inputs: { items } }) });
    const f = await followRun(context, server, gated.id);
    if (i < 0) continue;
    follow.push({
      run_ms: f.runEnded - f.answeredAt,
      lag_ms: f.shownAt - f.runEnded,
      // the run's end reaching the page over the socket, and the page drawing the last branch after its message came
      socket_ms: f.completedFrameAt - f.runEnded,
      draw_ms: f.shownAt - f.lastFrameAt,
      cpu_ms: f.cpuMs,
      server_cpu_ms: f.serverCpu,
      browser_cpu_ms: f.browserCpu,
      driver_cpu_ms: f.driverCpu,
      socket_frames: f.socketFrames,
      ...f.frames,
    });
  }
  const pick = (k) => median(live.map((r) => r[k]));
  const pickFollow = (k) => median(follow.map((r) => r[k]));
  const following = {
    run_ms: pickFollow('run_ms'),
    lag_behind_run_end_ms: pickFollow('lag_ms'),
    lag_runs: follow.map((r) => r.lag_ms),
    run_end_reaches_page_ms: pickFollow('socket_ms'),
    run_end_reaches_page_ms_runs: follow.map((r) => r.socket_ms),
    drawn_after_last_message_ms: pickFollow('draw_ms'),
    fps: pickFollow('fps'),
    fps_runs: follow.map((r) => r.fps),
    p95_frame_ms: pickFollow('p95_frame_ms'),
    max_frame_ms: pickFollow('max_frame_ms'),
    page_cpu_ms: pickFollow('cpu_ms'),
    // the server's CPU time from answering the gate to the page showing the end (the map run and streamed)
    server_cpu_ms: pickFollow('server_cpu_ms'),
    server_cpu_ms_runs: follow.map((r) => r.server_cpu_ms),
    browser_cpu_ms: pickFollow('browser_cpu_ms'),
    driver_cpu_ms: pickFollow('driver_cpu_ms'),
    socket_frames: pickFollow('socket_frames'),
  };
  if (followingOnly) return { branches: BRANCHES, following };
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
    ended_run_detail_ms: median(ended.map((e) => e.detail_ms)),
    ended_run_detail_ms_runs: ended.map((e) => e.detail_ms),
    ended_run_detail_server_cpu_ms: median(ended.map((e) => e.detail_server_cpu_ms)),
    ended_run_detail_server_cpu_ms_runs: ended.map((e) => e.detail_server_cpu_ms),
    following,
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
