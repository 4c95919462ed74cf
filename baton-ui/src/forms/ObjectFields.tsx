// The fields of an object JSON Schema, one generated control each, editing one object value (controlled).
import type { JsonSchema } from '../api/types';
import { propertiesOf, resolve } from '../schema/resolve';
import { SchemaField } from './SchemaField';

interface Props {
  schema: JsonSchema;
  value: Record<string, unknown>;
  onChange(value: Record<string, unknown>): void;
  idPrefix: string;
}

export function ObjectFields({ schema, value, onChange, idPrefix }: Props) {
  const required = resolve(schema).required ?? [];
  return (
    <>
      {Object.entries(propertiesOf(schema, schema)).map(([name, p]) => (
        <SchemaField
          key={name}
          name={name}
          schema={p}
          root={schema}
          value={value[name]}
          required={required.includes(name)}
          idPrefix={idPrefix}
          onChange={(v) => {
            const next = { ...value };
            if (v === undefined) delete next[name];
            else next[name] = v;
            onChange(next);
          }}
        />
      ))}
    </>
  );
}
