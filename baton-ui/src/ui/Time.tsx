import { formatTime, useLang } from '../i18n';

/** A timestamp shown in the current language. */
export function Time({ value }: { value: string | null | undefined }) {
  const lang = useLang((s) => s.lang);
  return <time dateTime={value ?? undefined}>{formatTime(value, lang)}</time>;
}
