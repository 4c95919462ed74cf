// Unsaved edits kept in the browser (localStorage), so a reload or a server outage loses nothing.
import type { WorkflowDef } from '../model/definition';

export interface Draft {
  /** The edited definition. */
  definition: WorkflowDef;
  /** The server version the edits started from, or null for a workflow never saved. */
  baseVersion: string | null;
  savedAt: number;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'baton.draft.';
export const NEW_WORKFLOW_KEY = '_new';

export class DraftStore {
  constructor(private readonly storage: KeyValueStore) {}

  load(workflowId: string): Draft | null {
    const raw = this.storage.getItem(PREFIX + workflowId);
    if (!raw) return null;
    try {
      const draft = JSON.parse(raw) as Draft;
      return draft && typeof draft === 'object' && draft.definition ? draft : null;
    } catch {
      return null;
    }
  }

  save(workflowId: string, draft: Draft): void {
    try {
      this.storage.setItem(PREFIX + workflowId, JSON.stringify(draft));
    } catch {
      // Storage full or disabled: editing goes on; the draft is simply not kept.
    }
  }

  discard(workflowId: string): void {
    this.storage.removeItem(PREFIX + workflowId);
  }
}

/** Whether a stored draft differs from what the server has, so it should be offered back. */
export function isWorthRestoring(draft: Draft | null, server: WorkflowDef | null): draft is Draft {
  if (!draft) return false;
  if (!server) return true;
  return JSON.stringify(draft.definition) !== JSON.stringify(server);
}
