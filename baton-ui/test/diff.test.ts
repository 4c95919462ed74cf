import { describe, expect, it } from 'vitest';
import { diffLines, hasChanges } from '../src/editor/diff';

const render = (before: string, after: string) => diffLines(before, after).map((l) => `${l.op}${l.text}`);

describe('the diff between two versions', () => {
  it('keeps the common lines and marks what was removed and added', () => {
    const v1 = 'id: w\nsteps:\n  - id: a\n    type: start\n  - id: b\n    type: end';
    const v2 = 'id: w\nsteps:\n  - id: a\n    type: start\n  - id: x\n    type: transform\n  - id: b\n    type: end';
    expect(render(v1, v2)).toEqual([' id: w', ' steps:', '   - id: a', '     type: start', '+  - id: x', '+    type: transform', '   - id: b', '     type: end']);
  });

  it('shows a changed line as removed then added', () => {
    expect(render('a\nb\nc', 'a\nB\nc')).toEqual([' a', '-b', '+B', ' c']);
  });

  it('handles empty sides and identical texts', () => {
    expect(render('', 'a')).toEqual(['-', '+a']);
    expect(render('a\nb', '')).toEqual(['-a', '-b', '+']);
    expect(hasChanges(diffLines('same\ntext', 'same\ntext'))).toBe(false);
    expect(hasChanges(diffLines('a', 'b'))).toBe(true);
  });

  it('rebuilds both texts from its lines', () => {
    const before = 'one\ntwo\nthree\nfour';
    const after = 'zero\none\nthree\nfour\nfive';
    const lines = diffLines(before, after);
    expect(lines.filter((l) => l.op !== '+').map((l) => l.text).join('\n')).toBe(before);
    expect(lines.filter((l) => l.op !== '-').map((l) => l.text).join('\n')).toBe(after);
  });
});
