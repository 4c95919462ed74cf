import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { CATALOGUES, format, initialLang, pick } from '../src/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  for (const lang of ['zh', 'ja'] as const) {
    it(`${lang} has every key, non-empty, with the same placeholders`, () => {
      const catalogue = CATALOGUES[lang];
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(catalogue[key].length, key).toBeGreaterThan(0);
        expect(placeholders(catalogue[key]), key).toEqual(placeholders(en[key]));
      }
    });
  }

  it('translations differ from English where words are involved', () => {
    expect(CATALOGUES.zh['nav.workflows']).toBe('工作流');
    expect(CATALOGUES.ja['nav.workflows']).toBe('ワークフロー');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format(en, 'editor.problems', { errors: 2, warnings: 0 })).toBe('2 errors, 0 warnings');
    expect(format(CATALOGUES.zh, 'editor.saved', { version: '3' })).toBe('已保存为版本 3。');
    expect(format(en, 'editor.saved')).toBe('Saved as version {version}.');
  });

  it('starts with the remembered language, else the browser\'s, else English', () => {
    expect(initialLang('ja', ['zh-CN'])).toBe('ja');
    expect(initialLang(null, ['fr-FR', 'zh-CN'])).toBe('zh');
    expect(initialLang('xx', ['de'])).toBe('en');
  });

  it('picks a server text in the language, falling back to English', () => {
    expect(pick({ en: 'Tool', zh: '工具' }, 'zh')).toBe('工具');
    expect(pick({ en: 'Tool' }, 'ja')).toBe('Tool');
    expect(pick('plain', 'ja')).toBe('plain');
    expect(pick(undefined, 'en')).toBe('');
  });
});
