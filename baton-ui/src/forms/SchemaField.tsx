// One field generated from its JSON Schema: the right control, its label, its description and its errors.
import type { Diagnostic, JsonSchema } from '../api/types';
import type { CompletionContext } from '../editor/completion';
import { idList } from '../model/definition';
import { fieldKind, resolve } from '../schema/resolve';
import { CodeField } from './CodeField';
import { TemplateInput } from './TemplateInput';

export interface FieldProps {
  name: string;
  schema: JsonSchema;
  root?: JsonSchema;
  value: unknown;
  onChange(value: unknown): void;
  required?: boolean;
  errors?: readonly Diagnostic[];
  completion?: CompletionContext;
  /** Prefix of the element ids, so two forms on a page do not clash. */
  idPrefix: string;
}

function Control({ name, schema, root, value, onChange, completion, idPrefix, errors }: FieldProps) {
  const s = resolve(schema, root);
  const id = `${idPrefix}-${name}`;
  const describedBy = errors && errors.length > 0 ? `${id}-errors` : undefined;
  switch (fieldKind(schema, root)) {
    case 'enum':
      return (
        <select id={id} value={typeof value === 'string' ? value : ''} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value || undefined)}>
          <option value="">—</option>
          {(s.enum as string[]).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      );
    case 'boolean':
      return <input id={id} type="checkbox" checked={value === true} aria-describedby={describedBy} onChange={(e) => onChange(e.target.checked)} />;
    case 'number':
      return (
        <input
          id={id}
          type="number"
          value={typeof value === 'number' ? value : ''}
          min={s.minimum}
          max={s.maximum}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'idList':
      return (
        <input
          id={id}
          type="text"
          value={idList(value).join(', ')}
          aria-describedby={describedBy}
          onChange={(e) => {
            const ids = e.target.value.split(/[,\s]+/).filter(Boolean);
            onChange(ids.length === 0 ? undefined : ids);
          }}
        />
      );
    case 'string':
      return (
        <TemplateInput
          id={id}
          value={typeof value === 'string' ? value : value === undefined ? '' : String(value)}
          onChange={(v) => onChange(v === '' ? undefined : v)}
          context={completion}
          invalid={describedBy !== undefined}
          describedBy={describedBy}
          multiline={name === 'prompt' || name === 'systemPrompt' || name === 'description'}
        />
      );
    default:
      return <CodeField id={id} value={value} onChange={onChange} describedBy={describedBy} />;
  }
}

export function SchemaField(props: FieldProps) {
  const s = resolve(props.schema, props.root);
  const id = `${props.idPrefix}-${props.name}`;
  const errors = props.errors ?? [];
  return (
    <div className={`field ${errors.length > 0 ? 'field-invalid' : ''}`} data-field={props.name}>
      <label htmlFor={id}>
        {s.title ?? props.name}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      <Control {...props} />
      {s.description && <p className="field-help">{s.description}</p>}
      {errors.length > 0 && (
        <ul className="field-errors" id={`${id}-errors`}>
          {errors.map((d, i) => (
            <li key={i} className={`diag-${d.severity}`}>
              {d.message}
              {d.hint ? ` (${d.hint})` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
