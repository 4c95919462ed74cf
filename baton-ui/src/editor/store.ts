// The editor's state: the definition under edit (with undo history), the selection, the clipboard and the
// server's diagnostics. Every edit goes through the pure functions of graph/ and model/.
import { create } from 'zustand';
import type { Diagnostic } from '../api/types';
import { copySteps, pasteSteps, type Clip } from '../graph/clipboard';
import { connect, disconnect, removeSteps, type FlowLink } from '../graph/edges';
import { allStepIds, freshId, type StepDef, type WorkflowDef } from '../model/definition';
import { renameStep } from '../model/rename';
import { placeDiagnostics, type PlacedDiagnostics } from '../validation/diagnostics';
import * as H from './history';

export interface EditorState {
  /** The server's id of the workflow, or null until first saved. */
  workflowId: string | null;
  baseVersion: string | null;
  history: H.History<WorkflowDef>;
  /** The definition a drag started from, committed as one history entry when the drag ends. */
  dragBase: WorkflowDef | null;
  selected: ReadonlySet<string>;
  clip: Clip | null;
  diagnostics: readonly Diagnostic[];
  placed: PlacedDiagnostics;
  /** Whether the definition differs from what the server last gave or took. */
  dirty: boolean;

  load(def: WorkflowDef, origin: { workflowId: string | null; baseVersion: string | null; dirty?: boolean }): void;
  markSaved(workflowId: string, version: string): void;
  edit(change: (def: WorkflowDef) => WorkflowDef): void;
  editSteps(change: (steps: StepDef[]) => StepDef[]): void;
  moveSteps(positions: ReadonlyMap<string, { x: number; y: number }>, dragging: boolean): void;
  addStep(type: string, at: { x: number; y: number }, fields?: Record<string, unknown>): string;
  updateStep(id: string, change: (step: StepDef) => StepDef): void;
  renameStep(from: string, to: string): void;
  link(source: string, handle: string, target: string): void;
  unlink(link: Pick<FlowLink, 'source' | 'target' | 'handle'>): void;
  select(ids: Iterable<string>): void;
  selectAll(): void;
  deleteSelected(): void;
  copy(): void;
  cut(): void;
  paste(): void;
  undo(): void;
  redo(): void;
  setDiagnostics(list: readonly Diagnostic[]): void;
}

const EMPTY_DEF: WorkflowDef = { id: 'new-workflow', steps: [] };

export const definitionOf = (s: Pick<EditorState, 'history'>) => s.history.present;

/**
 * The definition as it was when the current drag began (the definition itself when nothing is dragged): for the
 * views that do not show positions (panels, validation), which then do not render again on every frame of a drag.
 */
export const heldDefinition = (s: Pick<EditorState, 'history' | 'dragBase'>) => s.dragBase ?? s.history.present;

export const useEditor = create<EditorState>((set, get) => {
  const apply = (next: WorkflowDef) => {
    const { history, diagnostics } = get();
    if (next === history.present) return;
    set({ history: H.record(history, next), dirty: true, placed: placeDiagnostics(next, diagnostics) });
  };
  const applySteps = (change: (steps: StepDef[]) => StepDef[]) => {
    const def = get().history.present;
    apply({ ...def, steps: change(def.steps) });
  };

  return {
    workflowId: null,
    baseVersion: null,
    history: H.start(EMPTY_DEF),
    dragBase: null,
    selected: new Set(),
    clip: null,
    diagnostics: [],
    placed: placeDiagnostics(EMPTY_DEF, []),
    dirty: false,

    load(def, origin) {
      set({
        workflowId: origin.workflowId,
        baseVersion: origin.baseVersion,
        history: H.start(def),
        dragBase: null,
        selected: new Set(),
        diagnostics: [],
        placed: placeDiagnostics(def, []),
        dirty: origin.dirty ?? false,
      });
    },
    markSaved(workflowId, version) {
      set({ workflowId, baseVersion: version, dirty: false });
    },
    edit(change) {
      apply(change(get().history.present));
    },
    editSteps: applySteps,
    moveSteps(positions, dragging) {
      const { history, dragBase } = get();
      const def = history.present;
      const steps = def.steps.map((s) => {
        const p = positions.get(s.id);
        return p ? { ...s, ui: { ...(s.ui ?? {}), x: Math.round(p.x), y: Math.round(p.y) } } : s;
      });
      const next = { ...def, steps };
      if (dragging) {
        set({ history: H.replace(history, next), dragBase: dragBase ?? def, dirty: true });
      } else {
        const base = dragBase ?? def;
        set({ history: H.record(H.replace(history, base), next), dragBase: null, dirty: true });
      }
    },
    addStep(type, at, fields = {}) {
      const id = freshId(type, allStepIds(get().history.present));
      applySteps((steps) => [...steps, { id, type, ...fields, ui: { x: Math.round(at.x), y: Math.round(at.y) } }]);
      set({ selected: new Set([id]) });
      return id;
    },
    updateStep(id, change) {
      applySteps((steps) => steps.map((s) => (s.id === id ? change(s) : s)));
    },
    renameStep(from, to) {
      if (allStepIds(get().history.present).has(to)) return;
      applySteps((steps) => renameStep(steps, from, to));
      set({ selected: new Set([to]) });
    },
    link(source, handle, target) {
      applySteps((steps) => connect(steps, source, handle, target));
    },
    unlink(l) {
      applySteps((steps) => disconnect(steps, l));
    },
    select(ids) {
      set({ selected: new Set(ids) });
    },
    selectAll() {
      set({ selected: new Set(get().history.present.steps.map((s) => s.id)) });
    },
    deleteSelected() {
      const { selected } = get();
      if (selected.size === 0) return;
      applySteps((steps) => removeSteps(steps, selected));
      set({ selected: new Set() });
    },
    copy() {
      const { history, selected } = get();
      if (selected.size > 0) set({ clip: copySteps(history.present.steps, selected) });
    },
    cut() {
      get().copy();
      get().deleteSelected();
    },
    paste() {
      const { clip, history } = get();
      if (!clip || clip.steps.length === 0) return;
      const added = pasteSteps(clip, allStepIds(history.present));
      applySteps((steps) => [...steps, ...added]);
      // Pasting again pastes further along, not on top of the first copy.
      set({ selected: new Set(added.map((s) => s.id)), clip: { steps: added } });
    },
    undo() {
      const history = H.undo(get().history);
      set({ history, dirty: true, placed: placeDiagnostics(history.present, get().diagnostics) });
    },
    redo() {
      const history = H.redo(get().history);
      set({ history, dirty: true, placed: placeDiagnostics(history.present, get().diagnostics) });
    },
    setDiagnostics(list) {
      set({ diagnostics: list, placed: placeDiagnostics(get().history.present, list) });
    },
  };
});
