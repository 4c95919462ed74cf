// A text field (one line or several) that completes `${…}` placeholders from what is in scope.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { accept, complete, type Completion, type CompletionContext } from '../editor/completion';

interface Props {
  id?: string;
  value: string;
  onChange(value: string): void;
  context?: CompletionContext;
  multiline?: boolean;
  invalid?: boolean;
  placeholder?: string;
  describedBy?: string;
  label?: string;
}

export function TemplateInput({ id, value, onChange, context, multiline, invalid, placeholder, describedBy, label }: Props) {
  const listId = useId();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [completion, setCompletion] = useState<Completion | null>(null);
  const [active, setActive] = useState(0);

  const refresh = (text: string, caret: number) => {
    const c = context ? complete(text, caret, context) : null;
    setCompletion(c && c.suggestions.length > 0 ? c : null);
    setActive(0);
  };

  const choose = (choice: string) => {
    const el = ref.current;
    if (!el || !completion) return;
    const caret = el.selectionStart ?? value.length;
    const r = accept(value, caret, completion, choice);
    onChange(r.text);
    setCompletion(null);
    requestAnimationFrame(() => el.setSelectionRange(r.caret, r.caret));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!completion) return;
    const n = completion.suggestions.length;
    if (e.key === 'ArrowDown') setActive((a) => (a + 1) % n);
    else if (e.key === 'ArrowUp') setActive((a) => (a - 1 + n) % n);
    else if (e.key === 'Enter' || e.key === 'Tab') choose(completion.suggestions[active]!);
    else if (e.key === 'Escape') setCompletion(null);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const common = {
    id,
    ref,
    value,
    placeholder,
    'aria-label': label,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    'aria-autocomplete': 'list' as const,
    'aria-controls': completion ? listId : undefined,
    'aria-expanded': completion !== null,
    role: 'combobox',
    onKeyDown,
    onBlur: () => setTimeout(() => setCompletion(null), 150),
    onChange: (e: { target: { value: string; selectionStart: number | null } }) => {
      onChange(e.target.value);
      refresh(e.target.value, e.target.selectionStart ?? e.target.value.length);
    },
  };

  return (
    <div className="template-input">
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      {completion && (
        <ul className="completion" id={listId} role="listbox">
          {completion.suggestions.map((s, i) => (
            <li
              key={s}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(s);
              }}
            >
              {s}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
