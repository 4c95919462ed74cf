// A small line chart of recent samples (SVG, no library).

export function sparkPath(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const max = Math.max(...values);
  const min = Math.min(...values);
  const range = max - min || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((v, i) => `${i === 0 ? 'M' : 'L'}${(i * step).toFixed(1)},${(height - ((v - min) / range) * height).toFixed(1)}`)
    .join(' ');
}

export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const last = values[values.length - 1];
  return (
    <figure className="spark">
      <figcaption>
        {label}: <strong>{last === undefined ? '–' : Number.isInteger(last) ? last : last.toFixed(2)}</strong>
      </figcaption>
      <svg viewBox="0 0 200 40" width="200" height="40" role="img" aria-label={label}>
        <path d={sparkPath(values, 200, 38)} fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
    </figure>
  );
}
