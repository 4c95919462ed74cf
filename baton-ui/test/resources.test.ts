import { describe, expect, it } from 'vitest';
import { AGENT_SCHEMA, MCP_SCHEMA, localize } from '../src/resources/schemas';
import { fieldKind } from '../src/schema/resolve';

describe('the forms of agents and MCP servers', () => {
  it('gives every field a description in each language, and falls back to English', () => {
    for (const schema of [AGENT_SCHEMA, MCP_SCHEMA]) {
      for (const [name, field] of Object.entries(schema.properties ?? {})) {
        expect(Object.keys(field.description ?? {}).sort(), name).toEqual(['en', 'ja', 'zh']);
      }
    }
    expect(localize(AGENT_SCHEMA, 'zh').properties?.tools?.description).toContain('逗号分隔');
    expect(localize({ description: { en: 'only English' } }, 'ja').description).toBe('only English');
  });

  it('edits each agent field with the fitting control', () => {
    const agent = localize(AGENT_SCHEMA, 'en');
    const kinds = Object.fromEntries(Object.entries(agent.properties ?? {}).map(([k, v]) => [k, fieldKind(v, agent)]));
    expect(kinds).toMatchObject({ name: 'string', type: 'enum', tools: 'idList', capabilities: 'idList', model: 'code', maxIterations: 'number' });
    expect(agent.required).toEqual(['name']);
  });
});
