// Starts the real server jar on a free port with a fresh data directory and a bootstrap API key.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../../../..');

export function serverJar() {
  if (process.env.BATON_SERVER_JAR) return process.env.BATON_SERVER_JAR;
  const dir = join(ROOT, 'baton-server', 'target');
  const jar = readdirSync(dir, { withFileTypes: true })
    .map((e) => e.name)
    .find((n) => /^baton-server-.*\.jar$/.test(n) && !/(sources|javadoc|original|tests)/.test(n));
  if (!jar) throw new Error(`no baton-server jar in ${dir}: build the server first`);
  return join(dir, jar);
}

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

const java = () => (process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java');

/** The running server: its base URL, the API key, and stop(). */
export async function startServer({ timeoutMs = 90_000 } = {}) {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'baton-e2e-'));
  const key = `e2e-${process.pid}-${port}`;
  const child = spawn(java(), ['-jar', serverJar(), '--port', String(port), '--data', data], {
    env: { ...process.env, BATON_BOOTSTRAP_KEY: key },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log.slice(-4000)}`);
    try {
      const r = await fetch(`${base}/api/v1/health`, { headers: { 'X-API-Key': key } });
      if (r.status < 500) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  if (Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`server did not answer within ${timeoutMs} ms:\n${log.slice(-4000)}`);
  }
  return {
    base,
    key,
    log: () => log,
    async api(path, init = {}) {
      const r = await fetch(`${base}/api/v1${path}`, {
        ...init,
        headers: { 'X-API-Key': key, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${r.status}: ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => {
        const timer = setTimeout(() => (child.kill('SIGKILL'), r()), 10_000);
        child.once('exit', () => (clearTimeout(timer), r()));
      });
      rmSync(data, { recursive: true, force: true });
    },
  };
}
