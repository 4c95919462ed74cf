// A form generated from an object JSON Schema (run inputs, human-input forms, tool arguments).
import { useState, type FormEvent } from 'react';
import type { JsonSchema } from '../api/types';
import { propertiesOf, resolve } from '../schema/resolve';
import { CodeField } from './CodeField';
import { ObjectFields } from './ObjectFields';

interface Props {
  schema: JsonSchema | null | undefined;
  initial?: Record<string, unknown>;
  submitLabel: string;
  onSubmit(value: unknown): void | Promise<void>;
  idPrefix: string;
  busy?: boolean;
}

/** Defaults of the schema's properties, as a starting value. */
export function defaultsOf(schema: JsonSchema | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(propertiesOf(schema ?? {}, schema ?? {}))) {
    if (p.default !== undefined) out[name] = p.default;
  }
  return out;
}

/** The names of required properties that have no value. */
export function missingRequired(schema: JsonSchema | null | undefined, value: Record<string, unknown>): string[] {
  return (resolve(schema ?? {}).required ?? []).filter((name) => value[name] === undefined || value[name] === '');
}

export function SchemaForm({ schema, initial, submitLabel, onSubmit, idPrefix, busy }: Props) {
  const isObject = !!schema && resolve(schema).type === 'object' && Object.keys(propertiesOf(schema, schema)).length > 0;
  const [value, setValue] = useState<Record<string, unknown>>(() => ({ ...defaultsOf(schema), ...initial }));
  const [free, setFree] = useState<unknown>(initial);
  const missing = isObject ? missingRequired(schema, value) : [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (missing.length === 0) void onSubmit(isObject ? value : free);
  };

  return (
    <form className="schema-form" onSubmit={submit}>
      {isObject ? (
        <ObjectFields schema={schema!} value={value} onChange={setValue} idPrefix={idPrefix} />
      ) : (
        <CodeField id={`${idPrefix}-value`} value={free} onChange={setFree} label="value" />
      )}
      <button type="submit" className="primary" disabled={busy || missing.length > 0}>
        {submitLabel}
      </button>
    </form>
  );
}
