import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asDefinition, detectFormat, formatDefinition, parseText, ParseError, readDefinition } from '../src/io/formats';
import { applyPositions, layoutSteps } from '../src/graph/layout';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('YAML and JSON round-trip', () => {
  for (const name of ['approval.yaml', 'research-team.yaml', 'order-routing.yaml']) {
    it(`${name}: YAML → JSON → YAML keeps every field`, () => {
      const def = asDefinition(parseText(fixture(name), name));
      const viaJson = asDefinition(parseText(formatDefinition(def, 'json')));
      expect(viaJson).toEqual(def);
      const viaYaml = asDefinition(parseText(formatDefinition(viaJson, 'yaml')));
      expect(viaYaml).toEqual(def);
    });
  }

  it('keeps the layout in each step\'s ui metadata, and other ui keys too', async () => {
    const def = asDefinition(parseText(fixture('order-routing.yaml')));
    const laid = { ...def, steps: applyPositions(def.steps, await layoutSteps(def.steps)) };
    laid.steps[0]!.ui = { ...laid.steps[0]!.ui!, collapsed: true, color: '#f00' };
    const back = asDefinition(parseText(formatDefinition(laid, 'yaml')));
    expect(back).toEqual(laid);
    expect(back.steps.every((s) => typeof s.ui?.x === 'number' && typeof s.ui?.y === 'number')).toBe(true);
  }, 30_000); // ELK's first layout loads its 1.4 MB bundle: seconds on a loaded machine

  it('keeps strings that look like other YAML types as strings', () => {
    const def = asDefinition({ id: 'w', version: '1', steps: [{ id: 'a', type: 'transform', value: { s: 'yes', n: '007', z: 'null', t: '1.0' } }] });
    expect(parseText(formatDefinition(def, 'yaml'))).toEqual(def);
  });

  it('keeps key order, so an export reads like the import', () => {
    const yaml = 'id: w\nname: W\nsteps:\n  - id: a\n    type: tool\n    tool: t\n    input:\n      z: 1\n      a: 2\n';
    expect(formatDefinition(asDefinition(parseText(yaml)), 'yaml')).toBe(yaml);
  });
});

describe('reading', () => {
  it('reports YAML syntax errors with line and column', () => {
    try {
      parseText('id: w\nsteps:\n  - id: a\n   type: [x\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
      expect((e as ParseError).line).toBeGreaterThanOrEqual(3);
    }
  });

  it('rejects duplicate keys and aliases', () => {
    expect(() => parseText('id: a\nid: b\nsteps: []')).toThrow(ParseError);
    expect(() => parseText('a: &x {k: 1}\nb: *x\n')).toThrow();
  });

  it('requires an id and steps with ids and types', () => {
    expect(() => asDefinition({ steps: [] })).toThrow(/id/);
    expect(() => asDefinition({ id: 'w', steps: [{ id: 'a' }] })).toThrow(/steps\[0\]/);
  });
});

describe('seed formats', () => {
  it('recognises each format by its top-level keys', () => {
    expect(readDefinition(fixture('mplp-sequential.json'), 'x.json').format).toBe('mplp-definition');
    expect(readDefinition(fixture('iflow-full-stack-development.json')).format).toBe('iflow');
    expect(readDefinition(fixture('mplp-multi-agent-collaboration.json')).format).toBe('mplp-workflow');
    expect(readDefinition(fixture('approval.yaml')).format).toBe('baton');
    expect(detectFormat({ tasks: [], steps: [] })).toBe('baton');
  });
});
