// The UI's language: chosen by the user, remembered in the browser, defaulting to the browser's language.
import { create } from 'zustand';
import type { Lang, Localized } from '../api/types';
import { en, type MessageKey, type Messages } from './en';
import { ja } from './ja';
import { zh } from './zh';

export const CATALOGUES: Record<Lang, Messages> = { en, zh, ja };
export const LANGUAGES: { lang: Lang; name: string }[] = [
  { lang: 'en', name: 'English' },
  { lang: 'zh', name: '简体中文' },
  { lang: 'ja', name: '日本語' },
];
const STORAGE_KEY = 'baton.lang';

/** A message with its {placeholders} filled in. */
export function format(catalogue: Messages, key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogue[key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The language to start with: the remembered one, else the browser's, else English. */
export function initialLang(stored: string | null, browser: readonly string[]): Lang {
  if (stored === 'en' || stored === 'zh' || stored === 'ja') return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'zh' || base === 'ja' || base === 'en') return base;
  }
  return 'en';
}

/** A server-provided text in the current language, falling back to English, then to any. */
export function pick(text: Localized | string | undefined, lang: Lang): string {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? '';
}

const LOCALE: Record<Lang, string> = { en: 'en', zh: 'zh-CN', ja: 'ja-JP' };

/** A timestamp (ISO-8601 text or epoch milliseconds) in the language's usual form; anything else as it is. */
export function formatTime(time: string | number | null | undefined, lang: Lang): string {
  if (time === null || time === undefined || time === '') return '—';
  const ms = typeof time === 'number' ? time : Date.parse(time);
  if (!Number.isFinite(ms)) return String(time);
  return new Date(ms).toLocaleString(LOCALE[lang], { dateStyle: 'medium', timeStyle: 'medium' });
}

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
}

const storage = typeof localStorage === 'undefined' ? null : localStorage;

export const useLang = create<LangState>((set) => ({
  lang: initialLang(storage?.getItem(STORAGE_KEY) ?? null, typeof navigator === 'undefined' ? [] : navigator.languages),
  setLang(lang) {
    storage?.setItem(STORAGE_KEY, lang);
    if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : lang;
    set({ lang });
  },
}));

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The translate function of the current language; components re-render when it changes. */
export function useT(): Translate {
  const lang = useLang((s) => s.lang);
  return (key, params) => format(CATALOGUES[lang], key, params);
}

export type { MessageKey };
