// A read-only view of a JSON value.
export function Json({ value, label }: { value: unknown; label?: string }) {
  if (value === undefined) return null;
  return (
    <pre className="json" aria-label={label} tabIndex={0}>
      {typeof value === 'string' ? value : JSON.stringify(value, null, 2)}
    </pre>
  );
}
