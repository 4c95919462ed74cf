// Automatic layout with ELK's layered algorithm: dependencies flow left to right.
import type { StepDef } from '../model/definition';
import { linksOfAll, type FlowLink } from './edges';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 64;

type Elk = { layout: (g: import('elkjs').ElkNode) => Promise<import('elkjs').ElkNode> };

// ELK is large (1.4 MB) and lays out on the thread that runs it. It is loaded the first time a layout is asked for,
// not with the page, and in the browser into a Web Worker: neither compiling it nor laying out holds the page's
// thread (a run page opened just before a run starts follows it at full frame rate while its graph is placed).
// Without workers (the tests, in Node) the bundled build runs in place.
let elk: Promise<Elk> | null = null;
const inPlace = (): Promise<Elk> => import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
const inWorker = (): Promise<Elk> =>
  Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(([{ default: ELK }, { default: workerUrl }]) => {
    // ELK's API never settles a layout whose worker died; a worker that cannot start (a Content-Security-Policy
    // without this origin in worker-src, say) fails the layouts instead, and they run in place.
    let failed: (reason: unknown) => void = () => {};
    const failure = new Promise<never>((_, reject) => (failed = reject));
    failure.catch(() => {});
    const api = new ELK({
      workerUrl,
      workerFactory: (url?: string) => {
        const worker = new Worker(url ?? workerUrl);
        worker.addEventListener('error', (e) => failed(e));
        return worker;
      },
    });
    return { layout: (g) => Promise.race([api.layout(g), failure]) };
  });
const loadElk = () => (elk ??= typeof Worker === 'undefined' ? inPlace() : inWorker());

async function layOut(graph: import('elkjs').ElkNode): Promise<import('elkjs').ElkNode> {
  try {
    return await (await loadElk()).layout(graph);
  } catch (workerFailure) {
    if (typeof Worker === 'undefined') throw workerFailure;
    console.warn('ELK could not run in a Web Worker; laying out on the page instead', workerFailure);
    elk = inPlace();
    return (await elk).layout(graph);
  }
}

export type Positions = Map<string, { x: number; y: number }>;

/** The space between two layers (columns) of steps. */
const LAYER_GAP = 80;

/** Whether the links are exactly one from each step to the next, in the order the steps are listed. */
function isChain(steps: readonly StepDef[], links: readonly FlowLink[]): boolean {
  return links.length === Math.max(0, steps.length - 1) && links.every((l, i) => l.source === steps[i]?.id && l.target === steps[i + 1]?.id);
}

/** Positions for every step, computed by ELK. */
export async function layoutSteps(steps: readonly StepDef[], direction: 'RIGHT' | 'DOWN' = 'RIGHT'): Promise<Positions> {
  // One step, or a chain (each step linked only to the one before it), is placed in a row as ELK would: loading and
  // running ELK would only cost the page (a run of one big `map`, or a gate before it, opens and follows cheaper).
  const links = linksOfAll(steps);
  if (isChain(steps, links)) return new Map(steps.map((s, i) => [s.id, { x: i * (NODE_WIDTH + LAYER_GAP), y: 0 }]));
  const graph = await layOut({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
      'elk.spacing.nodeNode': '40',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: steps.map((s) => ({ id: s.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: links.map((l) => ({ id: l.id, sources: [l.source], targets: [l.target] })),
  });
  const out: Positions = new Map();
  for (const child of graph.children ?? []) out.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  return out;
}

/** The steps with their `ui` position set from `positions` (other `ui` keys kept). */
export function applyPositions(steps: readonly StepDef[], positions: Positions): StepDef[] {
  return steps.map((s) => {
    const p = positions.get(s.id);
    return p ? { ...s, ui: { ...(s.ui ?? {}), x: p.x, y: p.y } } : s;
  });
}

/** Whether any step lacks a position (imported files without layout). */
export function needsLayout(steps: readonly StepDef[]): boolean {
  return steps.some((s) => typeof s.ui?.x !== 'number' || typeof s.ui?.y !== 'number');
}
