// The editor's commands that talk to the server or the file system: save, publish, import, export, layout.
import { post, put, request } from '../api/client';
import type { Workflow } from '../api/types';
import { applyPositions, layoutSteps, needsLayout } from '../graph/layout';
import { asDefinition, formatDefinition, readDefinition, textFormatOf, type TextFormat } from '../io/formats';
import type { WorkflowDef } from '../model/definition';
import { drafts, draftKey } from './useDraft';
import { download } from './fileIO';
import { useEditor } from './store';

const wfPath = (id: string) => `/workflows/${encodeURIComponent(id)}`;

/** Lays out a definition whose steps lack positions; others are returned as they are. */
export async function withLayout(def: WorkflowDef): Promise<WorkflowDef> {
  if (!needsLayout(def.steps)) return def;
  return { ...def, steps: applyPositions(def.steps, await layoutSteps(def.steps)) };
}

/**
 * Saves the definition as a new draft version (creating the workflow the first time). The caller moves to the
 * workflow's route when its id changed.
 */
export async function saveWorkflow(): Promise<Workflow> {
  const s = useEditor.getState();
  const def = s.history.present;
  const saved = s.workflowId
    ? await put<Workflow>(wfPath(s.workflowId), def)
    : await post<Workflow>('/workflows', def);
  drafts.discard(draftKey(s.workflowId));
  useEditor.getState().markSaved(saved.id, saved.version);
  return saved;
}

export async function publishWorkflow(): Promise<Workflow> {
  const s = useEditor.getState();
  if (!s.workflowId || !s.baseVersion) throw new Error('save the workflow first');
  return post<Workflow>(`${wfPath(s.workflowId)}/publish`, { version: s.baseVersion });
}

export async function autoLayout(): Promise<void> {
  const steps = useEditor.getState().history.present.steps;
  const positions = await layoutSteps(steps);
  useEditor.getState().editSteps((current) => applyPositions(current, positions));
}

export function exportDefinition(format: TextFormat): void {
  const def = useEditor.getState().history.present;
  const type = format === 'json' ? 'application/json' : 'application/yaml';
  download(`${def.id}.${format === 'json' ? 'json' : 'yaml'}`, formatDefinition(def, format), type);
}

/**
 * Imports a file. Baton's own format replaces the definition under edit (one undoable change); a seed format is
 * converted by the server, which creates the workflow (`created`: its id), for the editor to open.
 */
export async function importText(text: string, fileName?: string): Promise<{ format: string; created: string | null }> {
  const { format, data } = readDefinition(text, fileName);
  if (format === 'baton') {
    const def = await withLayout(asDefinition(data));
    useEditor.getState().edit(() => def);
    return { format, created: null };
  }
  const contentType = textFormatOf(text, fileName) === 'json' ? 'application/json' : 'application/yaml';
  const created = await request<Workflow>('/workflows', { method: 'POST', body: text, contentType });
  return { format, created: created.id };
}
