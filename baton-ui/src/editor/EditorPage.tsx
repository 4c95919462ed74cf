// The editor page: loads the workflow (or a draft kept in the browser), and lays out palette, canvas and panel.
import { ReactFlowProvider, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { useCatalogue } from '../api/catalogue';
import { ApiError, get } from '../api/client';
import type { JsonSchema, NodeType, Workflow } from '../api/types';
import { formatTime, useLang, useT } from '../i18n';
import type { StepDef } from '../model/definition';
import { viewportFor } from '../graph/viewport';
import { initialFields } from '../schema/resolve';
import { Notice } from '../ui/Notice';
import { navigate } from '../ui/route';
import { autoLayout, exportDefinition, importText, publishWorkflow, saveWorkflow, withLayout } from './actions';
import { EditorCanvas } from './Canvas';
import { isWorthRestoring, type Draft } from './draft';
import { EditorToolbar } from './EditorToolbar';
import { dropHandover, handOver, peekHandover, type Handover, type Message } from './handover';
import { Palette } from './Palette';
import { configSchemaOf, PropertyPanel } from './PropertyPanel';
import { RunDialog } from './RunDialog';
import { useEditor } from './store';
import { drafts, draftKey, useDraftAutosave } from './useDraft';
import { useShortcuts } from './useShortcuts';
import { useValidation } from './useValidation';
import { VersionsDialog } from './VersionsDialog';

/**
 * Loads the server's workflow and any draft of it kept in the browser (the draft wins when it differs); `fit` is
 * called with the steps just before they are shown.
 */
async function loadInto(workflowId: string | null, fit: (steps: readonly StepDef[]) => void): Promise<Draft | null> {
  const draft = drafts.load(draftKey(workflowId));
  let server: Workflow | null = null;
  if (workflowId) {
    try {
      server = await get<Workflow>(`/workflows/${encodeURIComponent(workflowId)}`);
    } catch (e) {
      if (!(e instanceof ApiError && e.unavailable) || !draft) throw e;
    }
  }
  const restore = isWorthRestoring(draft, server?.definition ?? null);
  const def = await withLayout(restore ? draft.definition : (server?.definition ?? { id: 'new-workflow', steps: [] }));
  fit(def.steps);
  useEditor.getState().load(def, {
    workflowId: server?.id ?? workflowId,
    baseVersion: restore ? draft.baseVersion : (server?.version ?? null),
    dirty: restore,
  });
  return restore ? draft : null;
}

function EditorBody({ workflowId }: { workflowId: string | null }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { fitView, screenToFlowPosition, setViewport } = useReactFlow();
  const flow = useStoreApi();
  const catalogue = useCatalogue();
  const [message, setMessage] = useState<Message | null>(() => peekHandover(workflowId).message ?? null);
  const [restored, setRestored] = useState<Draft | null>(null);
  const [dialog, setDialog] = useState<'run' | 'versions' | null>(() => peekHandover(workflowId).dialog ?? null);
  const validation = useValidation();
  useDraftAutosave();
  useEffect(() => dropHandover(workflowId), [workflowId]);

  /** Shows the outcome here, or in the editor of the workflow just created, whose route it moves to. */
  const conclude = (created: string | null, next: Handover) => {
    if (created !== null && created !== workflowId) {
      handOver(created, next);
      navigate('workflows', created);
      return;
    }
    if (next.message) setMessage(next.message);
    if (next.dialog) setDialog(next.dialog);
  };

  /**
   * Fits the view to steps about to be shown, before they are drawn. An empty canvas keeps its viewport, so that
   * the first steps dropped stay where they were dropped.
   */
  const fitSteps = (steps: readonly StepDef[]) => {
    const { width, height, minZoom } = flow.getState();
    const viewport = viewportFor(steps, { width, height, minZoom });
    if (viewport) void setViewport(viewport);
  };

  useEffect(() => {
    void catalogue.load();
    loadInto(workflowId, fitSteps)
      .then((draft) => setRestored(draft))
      .catch((e: Error) => setMessage({ tone: 'error', text: t('common.error', { detail: e.message }) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workflowId]);

  const fail = (e: unknown) =>
    setMessage({ tone: 'error', text: e instanceof ApiError && e.offline ? t('common.offline') : t('common.error', { detail: (e as Error).message }) });

  const addStep = (nt: NodeType | string, at?: { x: number; y: number }) => {
    const type = typeof nt === 'string' ? nt : nt.type;
    const schema = configSchemaOf(typeof nt === 'string' ? catalogue.byType.get(nt) : nt, type);
    const pane = document.querySelector('.canvas')?.getBoundingClientRect();
    const where = at ?? screenToFlowPosition({ x: (pane?.x ?? 0) + (pane?.width ?? 600) / 2, y: (pane?.y ?? 0) + (pane?.height ?? 400) / 2 });
    useEditor.getState().addStep(type, where, initialFields(schema));
  };

  const actions = useMemo(
    () => ({
      save: () =>
        saveWorkflow()
          .then((wf) => {
            setRestored(null);
            conclude(wf.id, { message: { tone: 'ok', text: t('editor.saved', { version: wf.version }) } });
          })
          .catch(fail),
      publish: () =>
        publishWorkflow()
          .then((wf) => setMessage({ tone: 'ok', text: t('editor.published', { version: wf.version }) }))
          .catch(fail),
      run: () => {
        const s = useEditor.getState();
        const ready = s.dirty || !s.workflowId ? saveWorkflow() : Promise.resolve(null);
        ready.then((wf) => conclude(wf?.id ?? null, { dialog: 'run' })).catch(fail);
      },
      layout: () => void autoLayout().then(() => requestAnimationFrame(() => void fitView({ maxZoom: 1 }))),
      fit: () => void fitView({ maxZoom: 1 }),
      importFile: (file: File) =>
        file
          .text()
          .then((text) => importText(text, file.name))
          .then(({ format, created }) => {
            conclude(created, { message: { tone: 'ok', text: t('editor.imported', { format }) } });
            requestAnimationFrame(() => void fitView({ maxZoom: 1 }));
          })
          .catch((e: Error) => setMessage({ tone: 'error', text: t('editor.importFailed', { detail: e.message }) })),
      exportAs: exportDefinition,
      versions: () => setDialog('versions'),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, fitView, workflowId],
  );
  useShortcuts(actions);
  const inputs = useEditor((s) => s.history.present.inputs);
  const currentId = useEditor((s) => s.workflowId);

  return (
    <div className="editor">
      <EditorToolbar actions={actions} validation={validation} />
      {message && (
        <Notice tone={message.tone} testId="editor-message">
          {message.text}
        </Notice>
      )}
      {restored && (
        <Notice tone="warn" testId="draft-restored">
          {t('editor.restored', { time: formatTime(restored.savedAt, lang) })}{' '}
          <button
            type="button"
            onClick={() => {
              drafts.discard(draftKey(workflowId));
              setRestored(null);
              void loadInto(workflowId, fitSteps);
            }}
          >
            {t('editor.discardDraft')}
          </button>
        </Notice>
      )}
      <div className="editor-body">
        <Palette types={catalogue.types} onAdd={(nt) => addStep(nt)} />
        <EditorCanvas onAdd={(type, at) => addStep(type, at)} />
        <PropertyPanel types={catalogue.byType} />
      </div>
      {dialog === 'run' && currentId && (
        <RunDialog workflowId={currentId} inputs={inputs as JsonSchema | undefined} onClose={() => setDialog(null)} />
      )}
      {dialog === 'versions' && currentId && (
        <VersionsDialog
          workflowId={currentId}
          onClose={() => setDialog(null)}
          onOpen={(wf) => {
            void withLayout(wf.definition).then((d) => useEditor.getState().load(d, { workflowId: wf.id, baseVersion: wf.version }));
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}

export function EditorPage({ workflowId }: { workflowId: string | null }) {
  return (
    <ReactFlowProvider>
      <EditorBody workflowId={workflowId} />
    </ReactFlowProvider>
  );
}
