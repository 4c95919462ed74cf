// JSON Schema helpers for generated forms: $ref resolution and the type of a field.
import type { JsonSchema } from '../api/types';
import languageSchema from '../model/workflow.schema.json';

export const LANGUAGE_SCHEMA = languageSchema as unknown as JsonSchema & { $defs: Record<string, JsonSchema> };

/** Follows local `$ref`s (`#/$defs/x`, `#/definitions/x`) in `root`, then in the language schema. */
export function resolve(schema: JsonSchema | undefined, root?: JsonSchema, depth = 0): JsonSchema {
  if (!schema || depth > 16) return schema ?? {};
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  const path = ref.slice(2).split('/');
  const lookup = (base: unknown) => path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], base);
  const target = (lookup(root) ?? lookup(LANGUAGE_SCHEMA)) as JsonSchema | undefined;
  if (!target) return schema;
  const { $ref: _ignored, ...rest } = schema;
  return resolve({ ...target, ...rest, properties: { ...target.properties, ...rest.properties } }, root, depth + 1);
}

export type FieldKind = 'enum' | 'boolean' | 'number' | 'string' | 'idList' | 'code';

/** How a field is edited: a select, a checkbox, a number, a text, a list of ids, or a YAML/JSON text. */
export function fieldKind(raw: JsonSchema, root?: JsonSchema): FieldKind {
  const s = resolve(raw, root);
  if (Array.isArray(s.enum) && s.enum.every((v) => typeof v === 'string')) return 'enum';
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length === 1) {
    if (types[0] === 'boolean') return 'boolean';
    if (types[0] === 'number' || types[0] === 'integer') return 'number';
    if (types[0] === 'string') return 'string';
  }
  const variants = (s.oneOf ?? s.anyOf ?? []).map((v) => resolve(v, root));
  const isIdList =
    variants.length === 2 &&
    variants.some((v) => v.type === 'string') &&
    variants.some((v) => v.type === 'array' && resolve(v.items, root).type === 'string');
  if (isIdList) return 'idList';
  if (variants.length > 0 && variants.every((v) => v.type === 'string' || v.type === 'boolean') && variants.some((v) => v.type === 'string')) {
    return 'string';
  }
  if (types.includes('string') && !types.includes('object') && !types.includes('array')) return 'string';
  return 'code';
}

/** The properties of an object schema, merged over `allOf` and a top-level `$ref`. */
export function propertiesOf(raw: JsonSchema | undefined, root?: JsonSchema): Record<string, JsonSchema> {
  const s = resolve(raw, root);
  const merged: Record<string, JsonSchema> = {};
  for (const part of (s.allOf as JsonSchema[] | undefined) ?? []) Object.assign(merged, propertiesOf(part, root));
  return { ...merged, ...(s.properties ?? {}) };
}

/** The fields every step has, from the language schema. */
export const COMMON_FIELDS: Record<string, JsonSchema> = propertiesOf(LANGUAGE_SCHEMA.$defs.common);

/** The schema of a built-in step type's own fields, from the language schema (used when the server sends none). */
export function languageConfigSchema(type: string): JsonSchema | null {
  const def = LANGUAGE_SCHEMA.$defs[`${type}Step`];
  if (!def) return null;
  const props = { ...(def.properties ?? {}) };
  delete props.type;
  return { type: 'object', properties: props, required: (def.required ?? []).filter((r) => r !== 'type') };
}

/** An initial value for each required field, so a new step starts closer to valid. */
export function initialFields(schema: JsonSchema | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = propertiesOf(schema, schema);
  for (const name of schema?.required ?? []) {
    const p = props[name];
    if (!p) continue;
    if (p.default !== undefined) out[name] = p.default;
  }
  return out;
}
