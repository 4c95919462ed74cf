// The editor's toolbar: history, layout, files, versions, save, publish, run; and the validation summary.
import { useRef } from 'react';
import { useT } from '../i18n';
import { canRedo, canUndo } from './history';
import { useEditor } from './store';
import type { ValidationStatus } from './useValidation';

export interface ToolbarActions {
  save(): void;
  publish(): void;
  run(): void;
  layout(): void;
  fit(): void;
  importFile(file: File): void;
  exportAs(format: 'yaml' | 'json'): void;
  versions(): void;
}

export function EditorToolbar({ actions, validation }: { actions: ToolbarActions; validation: ValidationStatus }) {
  const t = useT();
  const undoable = useEditor((s) => canUndo(s.history));
  const redoable = useEditor((s) => canRedo(s.history));
  const dirty = useEditor((s) => s.dirty);
  const workflowId = useEditor((s) => s.workflowId);
  const diagnostics = useEditor((s) => s.diagnostics);
  const file = useRef<HTMLInputElement>(null);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return (
    <div className="toolbar" role="toolbar" aria-label="editor">
      <button type="button" onClick={() => useEditor.getState().undo()} disabled={!undoable} title="Ctrl+Z">
        {t('editor.undo')}
      </button>
      <button type="button" onClick={() => useEditor.getState().redo()} disabled={!redoable} title="Ctrl+Shift+Z">
        {t('editor.redo')}
      </button>
      <button type="button" onClick={actions.layout} title="L">
        {t('editor.layout')}
      </button>
      <button type="button" onClick={actions.fit} title="F">
        {t('editor.fit')}
      </button>
      <span className="sep" />
      <button type="button" onClick={() => file.current?.click()}>
        {t('editor.import')}
      </button>
      <input
        ref={file}
        type="file"
        accept=".yaml,.yml,.json"
        hidden
        data-testid="import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) actions.importFile(f);
          e.target.value = '';
        }}
      />
      <button type="button" onClick={() => actions.exportAs('yaml')}>
        {t('editor.exportYaml')}
      </button>
      <button type="button" onClick={() => actions.exportAs('json')}>
        {t('editor.exportJson')}
      </button>
      <button type="button" onClick={actions.versions} disabled={!workflowId}>
        {t('editor.versions')}
      </button>
      <span className="sep" />
      <span className={`validation ${errors > 0 ? 'diag-error' : warnings > 0 ? 'diag-warning' : 'ok'}`} data-testid="validation-summary" data-errors={errors} data-state={validation}>
        {validation === 'offline' ? t('common.offline') : diagnostics.length > 0 ? t('editor.problems', { errors, warnings }) : validation === 'done' ? t('editor.valid') : ''}
      </span>
      {dirty && <span className="muted small">{t('editor.unsaved')}</span>}
      <span className="grow" />
      <button type="button" onClick={actions.save} title="Ctrl+S" data-testid="save">
        {t('editor.save')}
      </button>
      <button type="button" onClick={actions.publish} disabled={!workflowId || dirty}>
        {t('editor.publish')}
      </button>
      <button type="button" className="primary" onClick={actions.run} disabled={errors > 0} data-testid="run">
        {t('editor.run')}
      </button>
    </div>
  );
}
