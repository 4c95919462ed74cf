// Starts the real server jar on a free port with a fresh data directory and a bootstrap API key.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
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

export function freePort() {
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

const TARGET = join(ROOT, 'baton-e2e', 'target');

/**
 * The jar extracted by Spring Boot's own tools (`-Djarmode=tools extract`): the same classes, in plain jars, which
 * load faster than nested ones and can be kept in a class-data archive between runs. Extracted again when the jar
 * is newer.
 */
function extracted(jar) {
  const dir = join(TARGET, 'server');
  const launcher = join(dir, basename(jar));
  if (!existsSync(launcher) || statSync(launcher).mtimeMs < statSync(jar).mtimeMs) {
    rmSync(dir, { recursive: true, force: true });
    rmSync(ARCHIVE, { force: true });
    execFileSync(java(), ['-Djarmode=tools', '-jar', jar, 'extract', '--destination', dir], { stdio: 'inherit' });
  }
  return launcher;
}

const ARCHIVE = join(TARGET, 'baton-server.jsa');

/**
 * JVM options for a quick start: the class data of earlier starts is reused (the archive is written when the
 * first stops), and only the first JIT tier compiles. Benchmarks pass their own.
 */
export const QUICK_START = ['-XX:TieredStopAtLevel=1', '-XX:+AutoCreateSharedArchive', `-XX:SharedArchiveFile=${ARCHIVE}`];

/** The running server: its base URL, the API key, and stop(). */
export async function startServer({ timeoutMs = 180_000, jvm = QUICK_START } = {}) {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'baton-e2e-'));
  // At least 16 characters, as the server asks of a bootstrap key.
  const key = `e2e-${process.pid}-${port}-${randomBytes(8).toString('hex')}`;
  mkdirSync(TARGET, { recursive: true });
  const child = spawn(java(), [...jvm, '-jar', extracted(serverJar()), '--port', String(port), '--data', data], {
    // The server's default store (an H2 file in the data directory) unless BATON_E2E_STORE names another.
    env: {
      ...process.env,
      BATON_BOOTSTRAP_KEY: key,
      ...(process.env.BATON_E2E_STORE ? { BATON_STORE_LOCATION: process.env.BATON_E2E_STORE } : {}),
    },
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
    /** The server's process id (a benchmark reads its CPU time). */
    pid: child.pid,
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
      writeFileSync(join(TARGET, `server-${port}.log`), log);
      rmSync(data, { recursive: true, force: true });
    },
  };
}
