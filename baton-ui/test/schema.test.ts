import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../src/api/types';
import { COMMON_FIELDS, fieldKind, initialFields, languageConfigSchema, propertiesOf, resolve } from '../src/schema/resolve';

describe('the schema resolver behind the property panel', () => {
  const root: JsonSchema = {
    $defs: {
      ids: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
      base: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      loop: { $ref: '#/$defs/loop' },
    },
  };

  it('follows local refs and keeps the fields written beside the ref', () => {
    const s = resolve({ $ref: '#/$defs/base', description: 'here', properties: { extra: { type: 'number' } } }, root);
    expect(s.description).toBe('here');
    expect(Object.keys(s.properties ?? {})).toEqual(['name', 'extra']);
    expect(s.$ref).toBeUndefined();
  });

  it('falls back to the language schema for refs the given root lacks, and stops on a ref cycle', () => {
    expect(resolve({ $ref: '#/$defs/common' }, root).properties).toHaveProperty('when');
    expect(resolve({ $ref: '#/$defs/loop' }, root).$ref).toBe('#/$defs/loop');
    expect(resolve({ $ref: '#/$defs/missing' }, root)).toEqual({ $ref: '#/$defs/missing' });
  });

  it('chooses the editor of each field from its schema', () => {
    expect(fieldKind({ enum: ['fail', 'continue'] })).toBe('enum');
    expect(fieldKind({ type: 'boolean' })).toBe('boolean');
    expect(fieldKind({ type: 'integer' })).toBe('number');
    expect(fieldKind({ type: 'string' })).toBe('string');
    expect(fieldKind({ $ref: '#/$defs/ids' }, root)).toBe('idList');
    expect(fieldKind({ oneOf: [{ type: 'string' }, { type: 'boolean' }] })).toBe('string');
    expect(fieldKind({ type: ['string', 'null'] })).toBe('string');
    expect(fieldKind({ type: 'object' })).toBe('code');
    expect(fieldKind({ oneOf: [{ type: 'string' }, { type: 'object' }] })).toBe('code');
  });

  it('merges properties over allOf and a top-level ref', () => {
    const s: JsonSchema = { allOf: [{ $ref: '#/$defs/base' }, { properties: { b: { type: 'string' } } }], properties: { c: {} } };
    expect(Object.keys(propertiesOf(s, root))).toEqual(['name', 'b', 'c']);
    expect(propertiesOf(undefined)).toEqual({});
  });

  it('reads the built-in step types and the common fields from the language schema', () => {
    const human = languageConfigSchema('human');
    expect(human?.required).toContain('prompt');
    expect(human?.properties).not.toHaveProperty('type');
    expect(languageConfigSchema('no-such-type')).toBeNull();
    expect(Object.keys(COMMON_FIELDS)).toEqual(expect.arrayContaining(['when', 'retry', 'onError', 'dependsOn']));
  });

  it('starts a new step with the defaults of its required fields only', () => {
    const s: JsonSchema = {
      type: 'object',
      required: ['mode', 'prompt'],
      properties: { mode: { type: 'string', default: 'all' }, prompt: { type: 'string' }, extra: { type: 'string', default: 'x' } },
    };
    expect(initialFields(s)).toEqual({ mode: 'all' });
    expect(initialFields(undefined)).toEqual({});
  });
});
