// Keeps the definition under edit in the browser while it has unsaved changes.
import { useEffect } from 'react';
import { DraftStore, NEW_WORKFLOW_KEY } from './draft';
import { useEditor } from './store';

export const drafts = new DraftStore(localStorage);

export const draftKey = (workflowId: string | null) => workflowId ?? NEW_WORKFLOW_KEY;

export function useDraftAutosave(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      timer = undefined;
      const s = useEditor.getState();
      if (!s.dirty) return;
      drafts.save(draftKey(s.workflowId), { definition: s.history.present, baseVersion: s.baseVersion, savedAt: Date.now() });
    };
    const unsubscribe = useEditor.subscribe((state, previous) => {
      if (state.history.present === previous.history.present && state.dirty === previous.dirty) return;
      clearTimeout(timer);
      timer = setTimeout(save, 250);
    });
    // A reload or a closed tab within the pause must not lose the last edit: it is saved as the page goes.
    const flush = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      save();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush(); // leaving the editor for another page keeps the last edit too
      unsubscribe();
    };
  }, []);
}
