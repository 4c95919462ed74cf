// W8's run view without the browser: a plain WebSocket client (`subscribe` with `batch: true`) follows a 1,000-branch
// map from before it starts, as the page does, and measures how long after the run's end (`endedAt`) the frame with
// `execution_completed` reaches it, and the server's CPU time from answering the gate to then. What the server takes
// to bring a run's end to its followers, apart from what a browser on the same cores takes.
//
//   node --experimental-websocket src/test/browser/bench-w8-socket.mjs            # the server's default store (H2)
//   BATON_E2E_STORE=mem: node --experimental-websocket src/test/browser/bench-w8-socket.mjs   # in-memory store
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { startServer } from './server.mjs';

const BRANCHES = 1000;
const WARM_UP = 3;
const ROUNDS = Number(process.env.ROUNDS ?? 10);
const GATED = {
  id: 'w8-gated',
  inputs: { type: 'object', properties: { items: { type: 'array' } } },
  steps: [
    { id: 'gate', type: 'human', prompt: 'Start the map?', form: { type: 'object' } },
    { id: 'fan', type: 'map', items: '${inputs.items}', dependsOn: ['gate'], steps: [{ id: 'square', type: 'transform', expression: 'item * item' }] },
  ],
};

/** The server process's CPU time so far, in ms (user + system, 10 ms ticks, from /proc: Linux only). */
const cpuMs = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pause = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** One gated map followed from before its gate is answered. */
async function follow(server, items) {
  const run = await server.api('/workflows/w8-gated/execute', { method: 'POST', body: JSON.stringify({ inputs: { items } }) });
  const ws = new WebSocket(`${server.base.replace(/^http/, 'ws')}/ws/v1/executions/${run.id}?api_key=${encodeURIComponent(server.key)}`);
  let endAt = 0;
  let frames = 0;
  let bytes = 0;
  const ended = new Promise((ok) => {
    ws.onmessage = ({ data }) => {
      frames++;
      bytes += data.length;
      if (data.includes('"execution_completed"')) ok((endAt = Date.now()));
    };
  });
  await new Promise((ok) => (ws.onopen = ok));
  ws.send(JSON.stringify({ type: 'subscribe', batch: true }));
  let detail;
  while (!(detail = await server.api(`/executions/${run.id}`)).pendingInputs?.length) await pause(20);
  await pause(300); // the server idle again
  const cpuBefore = cpuMs(server.pid);
  const answeredAt = Date.now();
  await server.api(`/inputs/${detail.pendingInputs[0].waitId}`, { method: 'POST', body: JSON.stringify({ value: {} }) });
  await ended;
  const cpu = cpuMs(server.pid) - cpuBefore;
  ws.close();
  const { endedAt } = await server.api(`/executions/${run.id}`);
  return { run_ms: Date.parse(endedAt) - answeredAt, end_reaches_client_ms: endAt - Date.parse(endedAt), server_cpu_ms: cpu, frames, bytes };
}

const server = await startServer({ jvm: [] });
try {
  await server.api('/workflows', { method: 'POST', body: JSON.stringify(GATED) });
  const items = Array.from({ length: BRANCHES }, (_, i) => i);
  const rounds = [];
  for (let i = 0; i < WARM_UP + ROUNDS; i++) {
    const r = await follow(server, items);
    if (i >= WARM_UP) rounds.push(r);
  }
  const pick = (k) => median(rounds.map((r) => r[k]));
  console.log(
    JSON.stringify({
      store: process.env.BATON_E2E_STORE ?? 'default (H2 file)',
      branches: BRANCHES,
      run_ms: pick('run_ms'),
      end_reaches_client_ms: pick('end_reaches_client_ms'),
      end_reaches_client_ms_runs: rounds.map((r) => r.end_reaches_client_ms),
      server_cpu_ms: pick('server_cpu_ms'),
      server_cpu_ms_runs: rounds.map((r) => r.server_cpu_ms),
      frames: pick('frames'),
      bytes: pick('bytes'),
      load_average: loadavg().map((l) => +l.toFixed(1)),
    }),
  );
} finally {
  await server.stop();
}
