// The viewport that shows every step, computed from the steps' saved positions and the usual node size: what
// fitView would choose, known before the nodes are drawn and measured, so a large workflow is drawn once, fitted.
import { getViewportForBounds, type Viewport } from '@xyflow/react';
import type { StepDef } from '../model/definition';
import { NODE_HEIGHT, NODE_WIDTH } from './layout';

export interface Pane {
  width: number;
  height: number;
  minZoom: number;
  maxZoom?: number;
  /** A share of the pane left around the steps (React Flow's fitView default). */
  padding?: number;
}

/** The fitted viewport, or null when there is nothing to fit or no pane to fit it in. */
export function viewportFor(steps: readonly StepDef[], pane: Pane): Viewport | null {
  if (steps.length === 0 || pane.width <= 0 || pane.height <= 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const s of steps) {
    const x = s.ui?.x ?? 0;
    const y = s.ui?.y ?? 0;
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + NODE_WIDTH);
    bottom = Math.max(bottom, y + NODE_HEIGHT);
  }
  const bounds = { x: left, y: top, width: right - left, height: bottom - top };
  return getViewportForBounds(bounds, pane.width, pane.height, pane.minZoom, pane.maxZoom ?? 1, pane.padding ?? 0.1);
}
