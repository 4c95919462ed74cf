// Reading and writing definitions as YAML or JSON, and recognising the seed formats.
import YAML from 'yaml';
import type { WorkflowDef } from '../model/definition';

export type SourceFormat = 'baton' | 'mplp-workflow' | 'mplp-definition' | 'iflow';
export type TextFormat = 'yaml' | 'json';

export class ParseError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line ? `${line}:${column ?? 1} ${message}` : message);
  }
}

/** The format of a document, by its top-level keys (as the server's loader decides). */
export function detectFormat(doc: unknown): SourceFormat {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return 'baton';
  const o = doc as Record<string, unknown>;
  if (o.workflow && typeof o.workflow === 'object') return 'mplp-workflow';
  if ('workflowId' in o) return 'mplp-definition';
  if ('tasks' in o && !('steps' in o)) return 'iflow';
  return 'baton';
}

/** JSON when the text starts with `{` (or the file name ends in .json), YAML otherwise. */
export function textFormatOf(text: string, fileName?: string): TextFormat {
  if (fileName?.toLowerCase().endsWith('.json')) return 'json';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

/** Parses YAML or JSON into plain data; errors carry the line and column. */
export function parseText(text: string, fileName?: string): unknown {
  if (textFormatOf(text, fileName) === 'json') {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new ParseError((e as Error).message);
    }
  }
  const doc = YAML.parseDocument(text, { uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    throw new ParseError(error.message.split('\n')[0] ?? error.message, pos?.line, pos?.col);
  }
  return doc.toJS({ maxAliasCount: 0 });
}

/** The definition as text. Key order is kept, so import then export gives the same document. */
export function formatDefinition(def: WorkflowDef, format: TextFormat): string {
  if (format === 'json') return `${JSON.stringify(def, null, 2)}\n`;
  return YAML.stringify(def, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Reads a native definition; a seed format is reported so the caller can have the server convert it. */
export function readDefinition(text: string, fileName?: string): { format: SourceFormat; data: unknown } {
  const data = parseText(text, fileName);
  return { format: detectFormat(data), data };
}

/** Checks the minimum shape the editor needs: an object with an id and a list of steps with ids and types. */
export function asDefinition(data: unknown): WorkflowDef {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ParseError('expected a workflow object');
  const o = data as Record<string, unknown>;
  if (typeof o.id !== 'string' || o.id === '') throw new ParseError('expected "id", a string');
  if (!Array.isArray(o.steps)) throw new ParseError('expected "steps", a list');
  o.steps.forEach((s, i) => {
    const step = s as Record<string, unknown>;
    if (!step || typeof step !== 'object' || typeof step.id !== 'string' || typeof step.type !== 'string') {
      throw new ParseError(`steps[${i}]: expected an object with "id" and "type"`);
    }
  });
  return data as WorkflowDef;
}
