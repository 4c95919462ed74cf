// Node sizes measured by React Flow, remembered beside the derived nodes (the step list does not store them).
// They are kept in a ref, not in React state: React Flow already holds them, and a node object made again (after
// an edit or a drag) only needs them so that React Flow does not measure it again. A state here would render
// every node a second time after the first measurement.
import type { NodeChange } from '@xyflow/react';
import { useCallback, useRef } from 'react';

export type Measured = ReadonlyMap<string, { width: number; height: number }>;

export function useMeasured(): [Measured, (changes: readonly NodeChange[]) => void] {
  const measured = useRef(new Map<string, { width: number; height: number }>());
  const apply = useCallback((changes: readonly NodeChange[]) => {
    for (const c of changes) if (c.type === 'dimensions' && c.dimensions) measured.current.set(c.id, c.dimensions);
  }, []);
  return [measured.current, apply];
}
