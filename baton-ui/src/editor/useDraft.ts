// Keeps the definition under edit in the browser while it has unsaved changes.
import { useEffect } from 'react';
import { DraftStore, NEW_WORKFLOW_KEY } from './draft';
import { useEditor } from './store';

export const drafts = new DraftStore(localStorage);

export const draftKey = (workflowId: string | null) => workflowId ?? NEW_WORKFLOW_KEY;

export function useDraftAutosave(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useEditor.subscribe((state, previous) => {
      if (state.history.present === previous.history.present && state.dirty === previous.dirty) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const s = useEditor.getState();
        if (!s.dirty) return;
        drafts.save(draftKey(s.workflowId), { definition: s.history.present, baseVersion: s.baseVersion, savedAt: Date.now() });
      }, 250);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
}
