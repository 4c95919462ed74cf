// The editing canvas: nodes and edges derived from the store; drags, links, deletions and drops edit it.
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { disconnect, removeSteps } from '../graph/edges';
import { useT } from '../i18n';
import { EdgeCache, NodeCache, type StepNode } from './flowNodes';
import { NODE_TYPES } from './StepNode';
import { useEditor } from './store';
import { useMeasured } from './useMeasured';
import { canvasClass, useZoomedOut } from './useZoomedOut';

export const DRAG_TYPE = 'application/x-baton-step';

/** Above this many steps the minimap is left out: it redraws every node on every drag frame. */
export const MINIMAP_LIMIT = 300;

export function EditorCanvas({ onAdd }: { onAdd(type: string, at: { x: number; y: number }): void }) {
  const t = useT();
  const steps = useEditor((s) => s.history.present.steps);
  const selected = useEditor((s) => s.selected);
  const placed = useEditor((s) => s.placed);
  const { screenToFlowPosition } = useReactFlow();
  const cache = useRef(new NodeCache());
  const edgeCache = useRef(new EdgeCache());
  const [measured, applyMeasured] = useMeasured();
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const zoomedOut = useZoomedOut();

  const nodes = useMemo(
    () =>
      cache.current.nodes(steps, (step) => ({
        selected: selected.has(step.id),
        diagnostics: placed.byStep.get(step.id),
        run: undefined,
      }), measured),
    [steps, selected, placed, measured],
  );
  const edges = useMemo(() => edgeCache.current.edges(steps, selectedEdges), [steps, selectedEdges]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StepNode>[]) => {
      applyMeasured(changes);
      const store = useEditor.getState();
      const positions = new Map<string, { x: number; y: number }>();
      let dragging = false;
      let dragEnded = false;
      let nextSelected: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'position') {
          if (c.position) positions.set(c.id, c.position);
          if (c.dragging) dragging = true;
          else dragEnded = true;
        } else if (c.type === 'select') {
          nextSelected ??= new Set(store.selected);
          if (c.selected) nextSelected.add(c.id);
          else nextSelected.delete(c.id);
        }
      }
      if (positions.size > 0 || dragEnded) store.moveSteps(positions, dragging);
      if (nextSelected) store.select(nextSelected);
    },
    [applyMeasured],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    setSelectedEdges((old) => {
      let next: Set<string> | null = null;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        next ??= new Set(old);
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      return next ?? old;
    });
  }, []);

  const onDelete = useCallback(({ nodes: gone, edges: cut }: { nodes: StepNode[]; edges: Edge[] }) => {
    useEditor.getState().editSteps((current) => {
      let next = removeSteps(current, new Set(gone.map((n) => n.id)));
      for (const e of cut) {
        next = disconnect(next, { source: e.source, target: e.target, handle: e.sourceHandle ?? 'out' });
      }
      return next;
    });
    setSelectedEdges(new Set());
  }, []);

  const onConnect = useCallback((c: Connection) => {
    if (c.source && c.target) useEditor.getState().link(c.source, c.sourceHandle ?? 'out', c.target);
  }, []);

  const onDrop = (e: DragEvent) => {
    const type = e.dataTransfer.getData(DRAG_TYPE);
    if (!type) return;
    e.preventDefault();
    onAdd(type, screenToFlowPosition({ x: e.clientX - 100, y: e.clientY - 30 }));
  };

  return (
    <div className={canvasClass(zoomedOut)} onDrop={onDrop} onDragOver={(e) => e.preventDefault()} aria-label={t('editor.canvas')} data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onDelete={onDelete}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        onlyRenderVisibleElements
        minZoom={0.05}
        defaultViewport={{ x: 0, y: 0, zoom: 1 }}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        {steps.length <= MINIMAP_LIMIT && <MiniMap pannable zoomable ariaLabel="minimap" />}
        <Controls />
      </ReactFlow>
    </div>
  );
}
