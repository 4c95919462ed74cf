// Whether the canvas is zoomed out so far that a node's small print cannot be read: the canvas then hides it
// (without changing any node's size), which makes a large workflow much cheaper to paint while it is dragged.
import { useStore } from '@xyflow/react';

export const SMALL_PRINT_ZOOM = 0.45;

export const useZoomedOut = (): boolean => useStore((s) => s.transform[2] < SMALL_PRINT_ZOOM);

export const canvasClass = (zoomedOut: boolean): string => (zoomedOut ? 'canvas zoomed-out' : 'canvas');
