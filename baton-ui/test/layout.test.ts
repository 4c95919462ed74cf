import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StepDef } from '../src/model/definition';

const steps = [
  { id: 'a', type: 'transform', expression: '1' },
  { id: 'b', type: 'transform', expression: '2', dependsOn: ['a'] },
] as StepDef[];

describe('automatic layout', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("runs ELK in a Web Worker where there are workers: its 1.4 MB and its layout stay off the page's thread", async () => {
    // ELK's own stand-in for a worker in Node, recording the script the page would start
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
      },
    );
    vi.resetModules();
    const { layoutSteps } = await import('../src/graph/layout');
    const positions = await layoutSteps(steps);
    expect(started).toHaveLength(1);
    expect(started[0]).toMatch(/elk-worker\.min\.js/);
    expect(positions.get('b')!.x).toBeGreaterThan(positions.get('a')!.x);
    await layoutSteps(steps);
    expect(started).toHaveLength(1); // one worker, loaded once
  }, 30_000);
});
