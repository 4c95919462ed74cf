// Light and dark themes: CSS variables switched by `data-theme` on <html>, remembered in the browser.
import { create } from 'zustand';

export type Theme = 'light' | 'dark';
const STORAGE_KEY = 'baton.theme';

function initialTheme(): Theme {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const useTheme = create<{ theme: Theme; setTheme(t: Theme): void }>((set) => ({
  theme: initialTheme(),
  setTheme(theme) {
    localStorage.setItem(STORAGE_KEY, theme);
    document.documentElement.dataset.theme = theme;
    set({ theme });
  },
}));

document.documentElement.dataset.theme = useTheme.getState().theme;
