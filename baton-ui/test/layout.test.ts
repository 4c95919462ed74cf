import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StepDef } from '../src/model/definition';

// b and c both after a: not a chain, ELK places them
const steps = [
  { id: 'a', type: 'transform', expression: '1' },
  { id: 'b', type: 'transform', expression: '2', dependsOn: ['a'] },
  { id: 'c', type: 'transform', expression: '3', dependsOn: ['a'] },
] as StepDef[];

/** A stand-in for the browser's Worker (ELK's own in-process one), recording the scripts started. */
async function stubWorkers(): Promise<string[]> {
  const { Worker: InProcess } = (await import('elkjs/lib/elk-worker.js')) as unknown as {
    Worker: new (url?: string) => object;
  };
  const started: string[] = [];
  vi.stubGlobal(
    'Worker',
    class extends InProcess {
      constructor(url: string) {
        super(url);
        started.push(url);
      }
      addEventListener() {} // it never fails
    },
  );
  vi.resetModules();
  return started;
}

describe('automatic layout', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("runs ELK in a Web Worker where there are workers: its 1.4 MB and its layout stay off the page's thread", async () => {
    const started = await stubWorkers();
    const warn = vi.spyOn(console, 'warn');
    const { layoutSteps } = await import('../src/graph/layout');
    const positions = await layoutSteps(steps);
    expect(started).toHaveLength(1);
    expect(started[0]).toMatch(/elk-worker\.min\.js/);
    expect(warn).not.toHaveBeenCalled(); // laid out by the worker, not in place
    expect(positions.get('b')!.x).toBeGreaterThan(positions.get('a')!.x);
    expect(positions.get('c')!.x).toBe(positions.get('b')!.x);
    expect(positions.get('c')!.y).not.toBe(positions.get('b')!.y);
    await layoutSteps(steps);
    expect(started).toHaveLength(1); // one worker, loaded once
    warn.mockRestore();
  }, 30_000);

  it('lays out in place when the worker cannot start (a Content-Security-Policy without worker-src, say)', async () => {
    const started: string[] = [];
    vi.stubGlobal(
      'Worker',
      class extends EventTarget {
        constructor(url: string) {
          super();
          started.push(url);
          setTimeout(() => this.dispatchEvent(new Event('error')), 0);
        }
        postMessage() {}
        terminate() {}
      },
    );
    vi.resetModules();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { layoutSteps } = await import('../src/graph/layout');
    const positions = await layoutSteps(steps);
    expect(started).toHaveLength(1);
    expect(warn).toHaveBeenCalledOnce();
    expect(positions.get('b')!.x).toBeGreaterThan(positions.get('a')!.x);
    expect(positions.get('c')!.x).toBe(positions.get('b')!.x);
    await layoutSteps(steps);
    expect(started).toHaveLength(1); // in place from then on
    warn.mockRestore();
  }, 30_000);

  it('places a chain — a gate before a map, say — in a row as ELK would, without loading ELK', async () => {
    const started = await stubWorkers();
    const { layoutSteps } = await import('../src/graph/layout');
    const chain = [
      { id: 'gate', type: 'human', prompt: 'Start?' },
      { id: 'fan', type: 'map', items: '${inputs.items}', dependsOn: ['gate'], steps: [{ id: 'square', type: 'transform', expression: 'item' }] },
      { id: 'report', type: 'transform', expression: '1', dependsOn: ['fan'] },
    ] as StepDef[];
    expect([...(await layoutSteps(chain))]).toEqual([
      ['gate', { x: 0, y: 0 }],
      ['fan', { x: 280, y: 0 }],
      ['report', { x: 560, y: 0 }],
    ]);
    expect([...(await layoutSteps([]))]).toEqual([]);
    expect(started).toEqual([]);
  });
});
