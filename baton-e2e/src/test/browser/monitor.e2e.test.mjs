// The run monitor against the real server jar: timeline, node drawer of a failed step, re-run from a step with an
// edited input, retry of a failed run, cancel, tokens of a model step, the executions list's filters, and the
// guards against detail responses that arrive late (held back with page.route, so the race is deterministic).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { launch } from './browser.mjs';
import { freePort, startServer } from './server.mjs';
import { executionIdOf, nodeWithStatus, openPage, shot, tabTo, waitAllCompleted, waitCount } from './ui.helpers.mjs';

describe('run monitor against the server', { concurrency: false }, () => {
  let server;
  let browser;
  let page;
  let live; // a loopback HTTP server the `call` step can reach

  before(async () => {
    server = await startServer();
    browser = await launch();
    page = await openPage(browser.context, server.base, server.key);
    live = await listen(await freePort());
    await server.api('/workflows', {
      method: 'POST',
      body: JSON.stringify({
        id: 'e2e-call',
        inputs: { type: 'object', properties: { url: { type: 'string' } } },
        steps: [
          { id: 'first', type: 'transform', expression: '"ready"' },
          { id: 'call', type: 'tool', tool: 'http_request', input: { url: '${inputs.url}' }, retry: { maxRetries: 0 }, dependsOn: ['first'] },
        ],
      }),
    });
  });

  after(async () => {
    live?.close();
    await browser?.close();
    await server?.stop();
  });

  /** An HTTP server on `port` of the loopback interface answering {pong: <path>}. */
  async function listen(port) {
    const http = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ pong: req.url })));
    await new Promise((ok) => http.listen(port, '127.0.0.1', ok));
    return http;
  }
  const urlOn = (port, path) => `http://127.0.0.1:${port}${path}`;
  const execute = (id, inputs = {}) => server.api(`/workflows/${id}/execute`, { method: 'POST', body: JSON.stringify({ inputs }) });
  const openRun = async (id) => {
    await page.goto(`${server.base}/#/executions/${id}`);
    await page.waitForSelector('[data-testid=connection][data-state=open]');
  };

  test('shows a failed step in the timeline and in its drawer: input, error and logs', async () => {
    // nothing listens on the port: the call fails, and so does the run
    const exec = await execute('e2e-call', { url: urlOn(await freePort(), '/nobody') });
    await openRun(exec.id);
    await page.waitForSelector(nodeWithStatus('call', 'FAILED'));
    await page.waitForSelector('.badge[data-status=FAILED]');
    await page.click('button:has-text("Timeline")');
    await waitCount(page, '[data-testid=timeline] li', 2);
    assert.deepEqual(await page.locator('[data-testid=timeline] .timeline-label').allInnerTexts(), ['first', 'call']);
    assert.equal(await page.locator('[data-testid=timeline] .timeline-bar.badge-FAILED').count(), 1);
    await page.click('[data-testid=timeline] .timeline-label:has-text("call")');
    const drawer = page.locator('[data-testid=node-drawer]');
    await drawer.waitFor();
    assert.match(await drawer.locator('.badge').first().innerText(), /failed/i);
    const error = (await server.api(`/executions/${exec.id}`)).steps.find((s) => s.path === 'call').error;
    const text = await drawer.innerText();
    assert.match(text, /\/nobody/, 'the input');
    assert.ok(text.includes(error.kind) && text.includes(error.message), `the error ${JSON.stringify(error)} in:\n${text}`);
    // the step's log lines come from the run's history (the page started from the detail, after them)
    await drawer.locator('.logs li').first().waitFor();
    await shot(page, 'run-failed-drawer');
  });

  test('re-runs from the failed step with an edited input: a new run completes', async () => {
    // the drawer of the previous test is open on `call`
    const failed = executionIdOf(page);
    await page.click('[data-testid=node-drawer] summary');
    await page.fill('#rerun-input', JSON.stringify({ url: urlOn(live.address().port, '/edited') }));
    await page.locator('#rerun-input').blur();
    await page.click('[data-testid=rerun]');
    await page.waitForURL((url) => url.hash.startsWith('#/executions/') && !url.hash.includes(failed));
    await page.click('button:has-text("Graph")');
    await waitAllCompleted(page, ['call']);
    const fork = await server.api(`/executions/${executionIdOf(page)}`);
    assert.match(JSON.stringify(fork.steps.find((s) => s.path === 'call').output), /\/edited/);
  });

  test('retries a failed run once what failed it is back', async () => {
    const port = await freePort();
    const exec = await execute('e2e-call', { url: urlOn(port, '/later') });
    await openRun(exec.id);
    await page.waitForSelector('.badge[data-status=FAILED]');
    const http = await listen(port);
    try {
      await page.click('[data-testid=control-retry]');
      await page.waitForSelector(nodeWithStatus('call', 'COMPLETED'), { timeout: 30_000 });
      await page.waitForSelector('.badge[data-status=COMPLETED]');
    } finally {
      http.close();
    }
    const run = await server.api(`/executions/${exec.id}`);
    assert.equal(run.status, 'COMPLETED');
    assert.match(JSON.stringify(run.steps.find((s) => s.path === 'call').output), /\/later/);
  });

  test('cancels a running run', async () => {
    await server.api('/workflows', {
      method: 'POST',
      body: JSON.stringify({ id: 'e2e-long', steps: [{ id: 'nap', type: 'wait', duration: '10m' }] }),
    });
    const exec = await execute('e2e-long');
    await openRun(exec.id);
    await page.waitForSelector('[data-testid=control-stop]');
    await page.click('[data-testid=control-stop]');
    await page.waitForSelector('.badge[data-status=CANCELLED]');
    await page.waitForSelector('[data-testid=control-retry]');
    assert.equal((await server.api(`/executions/${exec.id}`)).status, 'CANCELLED');
  });

  test('shows the tokens a model step used in its drawer', async () => {
    await server.api('/workflows', {
      method: 'POST',
      body: JSON.stringify({ id: 'e2e-llm', steps: [{ id: 'answer', type: 'llm', input: { prompt: 'Say hello' } }] }),
    });
    const exec = await execute('e2e-llm');
    await openRun(exec.id);
    await waitAllCompleted(page, ['answer']);
    const step = (await server.api(`/executions/${exec.id}`)).steps.find((s) => s.path === 'answer');
    assert.ok(step.tokens?.total > 0, `tokens reported: ${JSON.stringify(step.tokens)}`);
    await page.locator('[data-testid=node-answer]').click();
    const drawer = page.locator('[data-testid=node-drawer]');
    await drawer.waitFor();
    assert.match(await drawer.innerText(), new RegExp(`${step.tokens.input} / ${step.tokens.output} / ${step.tokens.total}`));
    assert.match(await drawer.innerText(), /\[offline model\]/, 'the output');
  });

  test("opens a step's drawer from the keyboard: Tab to the node, Enter", async () => {
    // the page of the model step's run, from the test before
    await page.click('[data-testid=node-drawer] button[aria-label=Close]');
    await page.waitForSelector('[data-testid=node-drawer]', { state: 'detached' });
    await tabTo(page, '.react-flow__node[data-id=answer]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=node-drawer] h2:text-is("answer")');
  });

  test('filters the executions list by workflow and by status', async () => {
    await page.goto(`${server.base}/#/executions`);
    await page.waitForSelector('[data-testid=execution-list] tbody tr');
    await page.selectOption('[data-testid=execution-status]', 'FAILED');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid=execution-list] tbody tr')];
      return rows.length > 0 && rows.every((r) => r.querySelector('.badge')?.dataset.status === 'FAILED');
    });
    assert.match(await page.locator('[data-testid=execution-list] tbody').innerText(), /e2e-call/);
    await page.selectOption('[data-testid=execution-status]', '');
    await page.fill('[data-testid=execution-workflow]', 'e2e-long');
    // the list of the previous filter stays on screen until the new one arrives: wait for its row
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid=execution-list] tbody tr')];
      return rows.length === 1 && rows[0].innerText.includes('e2e-long');
    });
    assert.equal(await page.locator('[data-testid=execution-list] tbody .badge').getAttribute('data-status'), 'CANCELLED');
    await shot(page, 'executions-filtered');
  });

  /** Holds back the next GET of run `id`'s detail until `release()`, then answers it with `body()` (or the server's). */
  async function holdNextDetail(id, body) {
    let release;
    const released = new Promise((r) => (release = r));
    let held = false;
    let done;
    const delivered = new Promise((r) => (done = r));
    const url = `${server.base}/api/v1/executions/${id}`;
    await page.route(url, async (route) => {
      if (route.request().method() !== 'GET' || held) return route.continue();
      held = true;
      const response = body ? null : await route.fetch();
      await released;
      await route.fulfill(body ? { json: await body() } : { response });
      done();
    });
    return {
      release,
      /** Resolves once the held response has reached the page and the page has had two frames to apply it. */
      async delivered() {
        await delivered;
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
        await page.unroute(url);
      },
    };
  }

  test('a detail that left the server before newer stream messages does not take the page back', async () => {
    await server.api('/workflows', {
      method: 'POST',
      body: JSON.stringify({
        id: 'e2e-gate',
        steps: [
          { id: 'ask', type: 'human', prompt: 'Go on?', form: { type: 'object', properties: { go: { type: 'boolean' } } } },
          // the node shows its expression: the word `shipped` is on the page only in the run's outputs
          { id: 'done', type: 'transform', expression: '"ship" + "ped"', dependsOn: ['ask'] },
        ],
        outputs: { result: '${steps.done.output}' },
      }),
    });
    const exec = await execute('e2e-gate');
    await openRun(exec.id);
    await page.waitForSelector('[data-testid=human-ask] button[type=submit]');
    // the detail as it was while the run waited: the answer's refresh is answered with it, after the run ended
    const waiting = await server.api(`/executions/${exec.id}`);
    assert.equal(waiting.status, 'WAITING');
    const late = await holdNextDetail(exec.id, async () => waiting);
    await page.click('[data-testid=human-ask] button[type=submit]');
    await page.waitForSelector(nodeWithStatus('done', 'COMPLETED'));
    const outputs = page.locator('.run-page > section:has-text("shipped")');
    await outputs.waitFor();
    late.release();
    await late.delivered();
    assert.equal(await page.locator('.toolbar .badge').first().getAttribute('data-status'), 'COMPLETED');
    assert.equal(await page.locator(nodeWithStatus('done', 'COMPLETED')).count(), 1, 'the step stays completed');
    assert.equal(await outputs.count(), 1, 'the outputs stay');
  });

  test("a late detail of the run shown before does not replace the one the page moved to", async () => {
    const first = await execute('e2e-gate');
    const second = await execute('e2e-llm');
    await page.goto(`${server.base}/#/executions`);
    const late = await holdNextDetail(first.id);
    await page.goto(`${server.base}/#/executions/${first.id}`);
    await page.goto(`${server.base}/#/executions/${second.id}`);
    await waitAllCompleted(page, ['answer']);
    late.release();
    await late.delivered();
    assert.match(await page.locator('.run-page h1').innerText(), new RegExp(second.id));
    assert.equal(await page.locator('[data-testid=node-ask]').count(), 0, 'no step of the run shown before');
    assert.equal(await page.locator('[data-testid=human-ask]').count(), 0, 'nor its question');
    await page.waitForSelector('[data-testid=node-answer]');
  });

  test('no script error happened on any page', () => {
    assert.deepEqual(page.errors, []);
  });
});
