// Serves a built UI (baton-ui/dist) with no server behind it: the API answers 503, as in an outage.
// Used by the UI-only checks (the editor survives an outage) and the editor part of the W8 benchmark.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { ROOT } from './server.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

export async function serveStatic(dir = join(ROOT, 'baton-ui', 'dist')) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/ws/')) {
      res.writeHead(503, { 'Content-Type': 'application/problem+json' });
      res.end(JSON.stringify({ title: 'Service Unavailable', status: 503 }));
      return;
    }
    const file = normalize(join(dir, url.pathname === '/' ? 'index.html' : url.pathname));
    try {
      const body = await readFile(file.startsWith(dir) ? file : join(dir, 'index.html'));
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { base: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((ok) => server.close(ok)) };
}
