// The palette of step types from the server's catalogue, grouped by category; drag onto the canvas or press Enter.
import type { NodeType } from '../api/types';
import { pick, useLang, useT, type MessageKey, type Translate } from '../i18n';
import { en } from '../i18n/en';
import { DRAG_TYPE } from './Canvas';

/** A category's name in the UI's language; a category the UI does not know is shown as the server names it. */
export function categoryName(category: string, t: Translate): string {
  const key = `category.${category}`;
  return key in en ? t(key as MessageKey) : category;
}

export function Palette({ types, onAdd }: { types: readonly NodeType[]; onAdd(type: NodeType): void }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const groups = new Map<string, NodeType[]>();
  for (const nt of types) groups.set(nt.category, [...(groups.get(nt.category) ?? []), nt]);
  return (
    <nav className="palette" aria-label={t('editor.palette')}>
      <h2>{t('editor.palette')}</h2>
      <p className="muted small">{t('editor.paletteHint')}</p>
      {[...groups].map(([category, list]) => (
        <section key={category}>
          <h3>{categoryName(category, t)}</h3>
          <ul>
            {list.map((nt) => (
              <li key={nt.type}>
                <button
                  type="button"
                  className={`palette-item cat-${nt.type}`}
                  draggable
                  data-testid={`palette-${nt.type}`}
                  title={pick(nt.description, lang)}
                  data-icon={nt.icon}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(DRAG_TYPE, nt.type);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => onAdd(nt)}
                >
                  {pick(nt.label, lang) || nt.type}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
