// A structured value edited as YAML (JSON is YAML too); committed when it parses.
import { useEffect, useState } from 'react';
import YAML from 'yaml';
import { useT } from '../i18n';

interface Props {
  id?: string;
  value: unknown;
  onChange(value: unknown): void;
  rows?: number;
  describedBy?: string;
  label?: string;
}

export const toYaml = (value: unknown) => (value === undefined ? '' : YAML.stringify(value, { lineWidth: 0 }).trimEnd());

export function CodeField({ id, value, onChange, rows = 4, describedBy, label }: Props) {
  const t = useT();
  const [text, setText] = useState(() => toYaml(value));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // An outside change (undo, another field) replaces the text unless it already means the same value.
    setText((current) => {
      try {
        if (JSON.stringify(YAML.parse(current)) === JSON.stringify(value)) return current;
      } catch {
        // The text being edited does not parse yet; an outside change still wins.
      }
      return toYaml(value);
    });
  }, [value]);

  const commit = (next: string) => {
    if (next.trim() === '') {
      setError(null);
      onChange(undefined);
      return;
    }
    try {
      onChange(YAML.parse(next));
      setError(null);
    } catch (e) {
      setError((e as Error).message.split('\n')[0] ?? 'invalid');
    }
  };

  return (
    <>
      <textarea
        id={id}
        className="code"
        rows={rows}
        value={text}
        spellCheck={false}
        aria-label={label}
        aria-invalid={error !== null || undefined}
        aria-describedby={describedBy}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => commit(text)}
      />
      {error && <p className="field-error">{t('props.invalidJson', { detail: error })}</p>}
    </>
  );
}
