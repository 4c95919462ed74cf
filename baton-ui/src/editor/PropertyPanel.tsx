// The property panel: the selected step's fields, generated from its type's JSON Schema and the language's
// common fields, with the server's diagnostics under the fields they concern. Without a selection, the workflow.
import { useMemo, useState } from 'react';
import type { JsonSchema, NodeType } from '../api/types';
import { SchemaField } from '../forms/SchemaField';
import { upstreamOf } from '../graph/upstream';
import { useT } from '../i18n';
import type { StepDef, WorkflowDef } from '../model/definition';
import { COMMON_FIELDS, languageConfigSchema, propertiesOf, resolve } from '../schema/resolve';
import type { CompletionContext } from './completion';
import { heldDefinition, useEditor } from './store';
import { WorkflowPanel } from './WorkflowPanel';

/** Common fields shown in the panel; `id`, `type`, `dependsOn` and `ui` are edited elsewhere. */
const COMMON_SHOWN = ['name', 'description', 'when', 'input', 'timeout', 'retry', 'onError', 'priority', 'join', 'resources'];
const NOT_CONFIG = new Set(['id', 'type', 'ui', ...COMMON_SHOWN, 'dependsOn']);

export function configSchemaOf(nodeType: NodeType | undefined, type: string): JsonSchema {
  return nodeType?.configSchema ?? languageConfigSchema(type) ?? { type: 'object' };
}

function completionContext(def: WorkflowDef, step: StepDef): CompletionContext {
  const inputs = Object.keys(propertiesOf(def.inputs as JsonSchema | undefined, def.inputs as JsonSchema | undefined));
  return { upstream: upstreamOf(def.steps, step.id), inputs };
}

function setField(step: StepDef, name: string, value: unknown): StepDef {
  const next = { ...step };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next;
}

function IdField({ step }: { step: StepDef }) {
  const t = useT();
  const [text, setText] = useState(step.id);
  const [prev, setPrev] = useState(step.id);
  if (prev !== step.id) {
    setPrev(step.id);
    setText(step.id);
  }
  const commit = () => {
    if (/^[A-Za-z0-9_-]+$/.test(text) && text !== step.id) useEditor.getState().renameStep(step.id, text);
    else setText(step.id);
  };
  return (
    <div className="field">
      <label htmlFor="prop-id">{t('props.id')}</label>
      <input id="prop-id" value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
    </div>
  );
}

function StepPanel({ step, def, nodeType }: { step: StepDef; def: WorkflowDef; nodeType: NodeType | undefined }) {
  const t = useT();
  const placed = useEditor((s) => s.placed);
  const update = useEditor((s) => s.updateStep);
  const schema = configSchemaOf(nodeType, step.type);
  const required = new Set(resolve(schema, schema).required ?? []);
  const config = Object.entries(propertiesOf(schema, schema)).filter(([name]) => !NOT_CONFIG.has(name));
  const completion = useMemo(() => completionContext(def, step), [def, step]);
  const field = (name: string, fieldSchema: JsonSchema, root?: JsonSchema) => (
    <SchemaField
      key={name}
      name={name}
      schema={fieldSchema}
      root={root}
      value={step[name]}
      required={required.has(name)}
      errors={placed.byField.get(`${step.id}/${name}`)}
      completion={completion}
      idPrefix={`prop-${step.id}`}
      onChange={(v) => update(step.id, (s) => setField(s, name, v))}
    />
  );
  const stepWide = (placed.byStep.get(step.id) ?? []).filter((d) => !placed.byField.get(`${step.id}/${d.pointer?.split('/')[3] ?? ''}`)?.includes(d));
  return (
    <div className="props" data-testid="property-panel">
      <h2>
        <span className="node-type">{step.type}</span> {step.id}
      </h2>
      {stepWide.length > 0 && (
        <ul className="field-errors" data-testid="step-diagnostics">
          {stepWide.map((d, i) => (
            <li key={i} className={`diag-${d.severity}`}>
              {d.message}
            </li>
          ))}
        </ul>
      )}
      <IdField step={step} />
      {config.length > 0 && (
        <fieldset>
          <legend>{t('props.config')}</legend>
          {config.map(([name, s]) => field(name, s, schema))}
        </fieldset>
      )}
      <fieldset>
        <legend>{t('props.common')}</legend>
        {COMMON_SHOWN.filter((n) => COMMON_FIELDS[n]).map((n) => field(n, COMMON_FIELDS[n]!))}
      </fieldset>
      <button type="button" className="danger" onClick={() => useEditor.getState().deleteSelected()}>
        {t('props.deleteStep')}
      </button>
    </div>
  );
}

export function PropertyPanel({ types }: { types: ReadonlyMap<string, NodeType> }) {
  const t = useT();
  const def = useEditor(heldDefinition);
  const selected = useEditor((s) => s.selected);
  if (selected.size > 1) return <aside className="props">{t('editor.multiSelection', { count: selected.size })}</aside>;
  const step = selected.size === 1 ? def.steps.find((s) => selected.has(s.id)) : undefined;
  return (
    <aside className="side-panel" aria-label="properties">
      {step ? <StepPanel key={step.id} step={step} def={def} nodeType={types.get(step.type)} /> : <WorkflowPanel />}
    </aside>
  );
}
