// The run's graph: the workflow's steps with live status badges; clicking a node (or Enter on it) opens its drawer.
import { Background, MiniMap, ReactFlow, ReactFlowProvider, type NodeChange } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import { EdgeCache, NodeCache, type StepNode } from '../editor/flowNodes';
import { NODE_TYPES } from '../editor/StepNode';
import { useMeasured } from '../editor/useMeasured';
import { canvasClass, useZoomedOut } from '../editor/useZoomedOut';
import type { StepDef } from '../model/definition';
import type { NodeRunSummary } from './runState';

interface Props {
  steps: readonly StepDef[];
  summaries: ReadonlyMap<string, NodeRunSummary>;
  selected: string | null;
  onSelect(id: string | null): void;
}

const NO_SELECTION: ReadonlySet<string> = new Set();

function Graph({ steps, summaries, selected, onSelect }: Props) {
  const cache = useRef(new NodeCache());
  const edgeCache = useRef(new EdgeCache());
  const [measured, applyMeasured] = useMeasured();
  const zoomedOut = useZoomedOut();
  const nodes = useMemo(
    () =>
      cache.current.nodes(steps, (step) => ({
        selected: step.id === selected,
        diagnostics: undefined,
        run: summaries.get(step.id),
      }), measured),
    [steps, summaries, selected, measured],
  );
  const edges = useMemo(() => edgeCache.current.edges(steps, NO_SELECTION), [steps]);
  return (
    <div className={canvasClass(zoomedOut)} data-testid="run-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={(changes: NodeChange<StepNode>[]) => {
          applyMeasured(changes);
          // a click, or Enter on the focused node (Tab reaches every node): its drawer opens
          const picked = changes.find((c) => c.type === 'select' && c.selected);
          if (picked && picked.type === 'select') onSelect(picked.id);
        }}
        onNodeClick={(_, node) => onSelect(node.id)}
        onPaneClick={() => onSelect(null)}
        nodesDraggable={false}
        nodesConnectable={false}
        onlyRenderVisibleElements
        minZoom={0.05}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        defaultViewport={{ x: 0, y: 0, zoom: 1 }}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <MiniMap ariaLabel="minimap" />
      </ReactFlow>
    </div>
  );
}

export function RunGraph(props: Props) {
  return (
    <ReactFlowProvider>
      <Graph {...props} />
    </ReactFlowProvider>
  );
}
