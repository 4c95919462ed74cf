import { describe, expect, it } from 'vitest';
import * as H from '../src/editor/history';

describe('history', () => {
  it('undoes and redoes in order', () => {
    let h = H.start('a');
    h = H.record(h, 'b');
    h = H.record(h, 'c');
    h = H.undo(h);
    expect(h.present).toBe('b');
    h = H.undo(h);
    expect(h.present).toBe('a');
    expect(H.canUndo(h)).toBe(false);
    h = H.redo(h);
    expect(h.present).toBe('b');
    expect(H.canRedo(h)).toBe(true);
  });

  it('a new edit clears the redo list', () => {
    let h = H.record(H.start(1), 2);
    h = H.undo(h);
    h = H.record(h, 3);
    expect(h.future).toEqual([]);
    expect(h.past).toEqual([1]);
  });

  it('keeps at most the limit', () => {
    let h = H.start(0);
    for (let i = 1; i <= 10; i++) h = H.record(h, i, 4);
    expect(h.past).toEqual([6, 7, 8, 9]);
  });

  it('recording the same value is not an entry; replace is never one', () => {
    const v = { a: 1 };
    const h = H.record(H.start(v), v);
    expect(h.past).toEqual([]);
    expect(H.replace(h, { a: 2 }).past).toEqual([]);
  });

  it('undo with nothing to undo changes nothing', () => {
    const h = H.start('x');
    expect(H.undo(h)).toBe(h);
    expect(H.redo(h)).toBe(h);
  });
});
