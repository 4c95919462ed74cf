// The workflow's own fields, edited when no step is selected, with the diagnostics that concern no step.
import type { JsonSchema } from '../api/types';
import { SchemaField } from '../forms/SchemaField';
import { useT } from '../i18n';
import { LANGUAGE_SCHEMA } from '../schema/resolve';
import { heldDefinition, useEditor } from './store';

const FIELDS = ['id', 'name', 'description', 'inputs', 'outputs', 'policies'];

export function WorkflowPanel() {
  const t = useT();
  const def = useEditor(heldDefinition);
  const general = useEditor((s) => s.placed.general);
  const edit = useEditor((s) => s.edit);
  const props = LANGUAGE_SCHEMA.properties ?? {};
  return (
    <div className="props" data-testid="workflow-panel">
      <h2>{t('editor.workflowSettings')}</h2>
      <p className="muted small">{t('editor.noSelection')}</p>
      {general.length > 0 && (
        <ul className="field-errors" data-testid="general-diagnostics">
          {general.map((d, i) => (
            <li key={i} className={`diag-${d.severity}`}>
              {d.pointer ? <code>{d.pointer}</code> : null} {d.message}
            </li>
          ))}
        </ul>
      )}
      {FIELDS.map((name) => (
        <SchemaField
          key={name}
          name={name}
          schema={(props[name] ?? {}) as JsonSchema}
          root={LANGUAGE_SCHEMA}
          value={def[name]}
          required={name === 'id'}
          idPrefix="wf"
          onChange={(v) =>
            edit((d) => {
              const next = { ...d };
              if (v === undefined && name !== 'id') delete next[name];
              else next[name] = v ?? '';
              return next;
            })
          }
        />
      ))}
      <p className="muted small">{t('editor.shortcuts')}</p>
    </div>
  );
}
