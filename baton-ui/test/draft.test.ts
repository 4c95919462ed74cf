import { describe, expect, it } from 'vitest';
import { DraftStore, isWorthRestoring, NEW_WORKFLOW_KEY, type Draft, type KeyValueStore } from '../src/editor/draft';

class MemoryStorage implements KeyValueStore {
  readonly items = new Map<string, string>();
  full = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const draft = (expression: string): Draft => ({
  definition: { id: 'w', steps: [{ id: 't', type: 'transform', expression, ui: { x: 1, y: 2 } }] },
  baseVersion: '3',
  savedAt: 1_700_000_000_000,
});

describe('the draft store', () => {
  it('keeps a draft per workflow, and one for the new workflow, until discarded', () => {
    const storage = new MemoryStorage();
    const store = new DraftStore(storage);
    store.save('w', draft('1'));
    store.save(NEW_WORKFLOW_KEY, draft('2'));
    expect(store.load('w')).toEqual(draft('1'));
    expect(store.load(NEW_WORKFLOW_KEY)?.definition.steps[0]?.expression).toBe('2');
    expect([...storage.items.keys()].sort()).toEqual(['baton.draft._new', 'baton.draft.w']);
    store.discard('w');
    expect(store.load('w')).toBeNull();
    expect(store.load(NEW_WORKFLOW_KEY)).not.toBeNull();
  });

  it('ignores what is not a draft', () => {
    const storage = new MemoryStorage();
    const store = new DraftStore(storage);
    storage.items.set('baton.draft.a', '{not json');
    storage.items.set('baton.draft.b', '{"baseVersion":"1"}');
    storage.items.set('baton.draft.c', 'null');
    expect(store.load('a')).toBeNull();
    expect(store.load('b')).toBeNull();
    expect(store.load('c')).toBeNull();
  });

  it('goes on without keeping the draft when the storage is full', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    const store = new DraftStore(storage);
    expect(() => store.save('w', draft('1'))).not.toThrow();
    expect(store.load('w')).toBeNull();
  });

  it('offers a draft back only when it differs from the server', () => {
    expect(isWorthRestoring(null, null)).toBe(false);
    expect(isWorthRestoring(draft('1'), null)).toBe(true);
    expect(isWorthRestoring(draft('1'), draft('1').definition)).toBe(false);
    expect(isWorthRestoring(draft('1'), draft('2').definition)).toBe(true);
  });
});
