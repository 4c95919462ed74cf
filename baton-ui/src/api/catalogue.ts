// The node-type catalogue from the server, with the language's built-in types as a fallback when it is missing.
import { create } from 'zustand';
import { languageConfigSchema } from '../schema/resolve';
import { get } from './client';
import type { NodeType } from './types';

const BUILT_IN: [string, NodeType['category'], boolean][] = [
  ['start', 'control', false],
  ['end', 'control', false],
  ['condition', 'flow', false],
  ['switch', 'flow', false],
  ['parallel', 'flow', true],
  ['map', 'flow', true],
  ['loop', 'flow', true],
  ['subworkflow', 'flow', false],
  ['wait', 'control', false],
  ['human', 'human', false],
  ['transform', 'data', false],
  ['event', 'data', false],
  ['module', 'module', false],
  ['tool', 'action', false],
];

/** The built-in step types of the language, described by its own schema. */
export function builtInTypes(): NodeType[] {
  return BUILT_IN.map(([type, category, composite]) => ({
    type,
    category,
    composite,
    label: { en: type },
    description: { en: '' },
    configSchema: languageConfigSchema(type) ?? { type: 'object' },
  }));
}

interface CatalogueState {
  types: NodeType[];
  byType: Map<string, NodeType>;
  source: 'none' | 'server' | 'language';
  load(): Promise<void>;
}

export const useCatalogue = create<CatalogueState>((set, getState) => ({
  types: [],
  byType: new Map(),
  source: 'none',
  async load() {
    if (getState().source === 'server') return;
    let types: NodeType[];
    let source: CatalogueState['source'] = 'server';
    try {
      types = await get<NodeType[]>('/node-types');
    } catch {
      types = builtInTypes();
      source = 'language';
    }
    set({ types, byType: new Map(types.map((t) => [t.type, t])), source });
  },
}));
