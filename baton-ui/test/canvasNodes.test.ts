import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { EdgeCache, estimatedHandles, NodeCache } from '../src/editor/flowNodes';
import { NODE_HEIGHT, NODE_WIDTH } from '../src/graph/layout';
import { viewportFor } from '../src/graph/viewport';
import { formatTime } from '../src/i18n';
import type { StepDef } from '../src/model/definition';

const steps: StepDef[] = [
  { id: 'a', type: 'start', ui: { x: 0, y: 0 } },
  { id: 'b', type: 'condition', condition: 'true', then: ['c'], dependsOn: ['a'], ui: { x: 300, y: 0 } },
  { id: 'c', type: 'end', ui: { x: 600, y: 200 } },
];
const plain = () => ({ selected: false, diagnostics: undefined, run: undefined });

describe('canvas nodes and links for large workflows', () => {
  it('fits the view to the saved positions before anything is measured', () => {
    const v = viewportFor(steps, { width: 1000, height: 500, minZoom: 0.05 });
    expect(v).not.toBeNull();
    // the steps' box (800 × 264) fits the pane with a margin, centred
    const left = v!.x;
    const right = v!.x + (600 + NODE_WIDTH) * v!.zoom;
    expect(left).toBeGreaterThan(0);
    expect(right).toBeLessThan(1000);
    expect(Math.abs(left - (1000 - right))).toBeLessThan(1);
    expect(v!.zoom).toBeLessThanOrEqual(1);
    expect(viewportFor([], { width: 1000, height: 500, minZoom: 0.05 })).toBeNull();
    expect(viewportFor(steps, { width: 0, height: 0, minZoom: 0.05 })).toBeNull();
    expect(viewportFor([{ id: 'x', type: 'end', ui: { x: 0, y: 0 } }], { width: 1000, height: 500, minZoom: 0.05 })!.zoom).toBe(1);
  });

  it('puts the estimated handles where StepNode draws them', () => {
    const handles = estimatedHandles(steps[1]!);
    expect(handles.map((h) => `${h.type}:${h.id}`)).toEqual(['target:in', 'source:out', 'source:then', 'source:else']);
    const [target, out, then] = handles;
    expect(target).toMatchObject({ position: Position.Left, x: -4.5, y: NODE_HEIGHT / 2 - 4.5 });
    expect(out).toMatchObject({ position: Position.Right, x: NODE_WIDTH - 4.5, y: NODE_HEIGHT / 4 - 4.5 });
    expect(then!.y).toBe(NODE_HEIGHT / 2 - 4.5);
  });

  it('gives unmeasured nodes the usual size and handles, measured ones their size only', () => {
    const nodes = new NodeCache().nodes(steps, plain, new Map([['a', { width: 200, height: 70 }]]));
    expect(nodes[0]).toMatchObject({ measured: { width: 200, height: 70 }, initialWidth: NODE_WIDTH });
    expect(nodes[0]!.handles).toBeUndefined();
    expect(nodes[1]!.measured).toBeUndefined();
    expect(nodes[1]!.handles).toHaveLength(4);
  });

  it('reuses node objects and the link array while their steps are the same', () => {
    const nodeCache = new NodeCache();
    const edgeCache = new EdgeCache();
    const first = nodeCache.nodes(steps, plain, new Map());
    const links = edgeCache.edges(steps, new Set());
    const moved = steps.map((s) => (s.id === 'c' ? { ...s, ui: { x: 650, y: 200 } } : s));
    const second = nodeCache.nodes(moved, plain, new Map());
    expect(second[0]).toBe(first[0]);
    expect(second[2]).not.toBe(first[2]);
    expect(second[2]!.position).toEqual({ x: 650, y: 200 });
    // c has no links of its own: moving it leaves the same link array
    expect(edgeCache.edges(moved, new Set())).toBe(links);
    const selected = edgeCache.edges(moved, new Set([links[0]!.id]));
    expect(selected).not.toBe(links);
    expect(selected[0]!.selected).toBe(true);
    expect(edgeCache.edges(moved, new Set([links[0]!.id]))).toBe(selected);
  });

  it('shows times in the language chosen', () => {
    const at = '2026-03-04T05:06:07Z';
    expect(formatTime(at, 'zh')).toMatch(/2026/);
    expect(formatTime(at, 'ja')).toMatch(/2026/);
    expect(formatTime(at, 'en')).not.toBe(formatTime(at, 'zh'));
    expect(formatTime(null, 'en')).toBe('—');
    expect(formatTime('soon', 'en')).toBe('soon');
  });
});
