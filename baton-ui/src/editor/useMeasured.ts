// Node sizes measured by React Flow, kept beside the derived nodes (the step list does not store them).
import type { NodeChange } from '@xyflow/react';
import { useCallback, useState } from 'react';

export type Measured = ReadonlyMap<string, { width: number; height: number }>;

export function useMeasured(): [Measured, (changes: readonly NodeChange[]) => void] {
  const [measured, setMeasured] = useState<Measured>(new Map());
  const apply = useCallback((changes: readonly NodeChange[]) => {
    const sized = changes.filter((c) => c.type === 'dimensions' && c.dimensions);
    if (sized.length === 0) return;
    setMeasured((old) => {
      const next = new Map(old);
      for (const c of sized) if (c.type === 'dimensions' && c.dimensions) next.set(c.id, c.dimensions);
      return next;
    });
  }, []);
  return [measured, apply];
}
