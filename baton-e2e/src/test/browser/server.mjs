// Starts the real server jar on a free port with a fresh data directory and a bootstrap API key.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
  // At least 16 characters, as the server asks of a bootstrap key.
  const key = `e2e-${process.pid}-${port}-${randomBytes(8).toString('hex')}`;
  const child = spawn(java(), ['-jar', serverJar(), '--port', String(port), '--data', data], {
    // The in-memory store unless BATON_E2E_STORE names another (h2:…, jdbc:postgresql:…).
    env: { ...process.env, BATON_BOOTSTRAP_KEY: key, BATON_STORE_LOCATION: process.env.BATON_E2E_STORE ?? 'mem:' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  const fail = (why) => {
    child.kill('SIGKILL');
    return new Error(`${why}:\n${log.slice(-4000)}`);
  };
  for (;;) {
    if (child.exitCode !== null) throw fail(`server exited (${child.exitCode})`);
    if (Date.now() >= deadline) throw fail(`server did not answer within ${timeoutMs} ms`);
    const status = await fetch(`${base}/api/v1/auth/whoami`, { headers: { 'X-API-Key': key } }).then(
      (r) => r.status,
      () => 0,
    );
    // 401 until the bootstrap key is stored, just after the port opens
    if (status === 200) break;
    await new Promise((r) => setTimeout(r, 300));
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
    /** Stops the server and keeps its log in target/ for a look after a failure. */
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => {
          const timer = setTimeout(() => (child.kill('SIGKILL'), r()), 10_000);
          child.once('exit', () => (clearTimeout(timer), r()));
        });
      }
      mkdirSync(join(ROOT, 'baton-e2e', 'target'), { recursive: true });
      writeFileSync(join(ROOT, 'baton-e2e', 'target', `server-${port}.log`), log);
      rmSync(data, { recursive: true, force: true });
    },
  };
}
