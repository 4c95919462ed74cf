// Keyboard shortcuts of the editor. Keys typed into a field belong to the field, except Ctrl+S.
import { useEffect } from 'react';
import { useEditor } from './store';

export interface ShortcutActions {
  save(): void;
  layout(): void;
  fit(): void;
}

function inField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 's') {
        e.preventDefault();
        actions.save();
        return;
      }
      if (inField(e.target)) return;
      const editor = useEditor.getState();
      const run: Record<string, () => void> = mod
        ? {
            z: e.shiftKey ? editor.redo : editor.undo,
            y: editor.redo,
            c: editor.copy,
            x: editor.cut,
            v: editor.paste,
            a: editor.selectAll,
          }
        : e.altKey || e.shiftKey
          ? {}
          : { l: actions.layout, f: actions.fit, escape: () => editor.select([]) };
      const action = run[key];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
