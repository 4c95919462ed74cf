// Completion of `${…}` templates: what may follow `${` at the caret, and the text after accepting a suggestion.

export interface CompletionContext {
  /** Steps upstream of the edited step, nearest first. */
  upstream: readonly string[];
  /** Property names of the workflow's input schema. */
  inputs: readonly string[];
  /** Extra variables in scope (`item`, `index` inside a map…). */
  locals?: readonly string[];
}

export interface Completion {
  /** The partial expression typed so far (after `${`). */
  prefix: string;
  /** Where the partial expression starts in the text. */
  from: number;
  suggestions: string[];
}

/** The open placeholder around the caret, if any: its start (after `${`) and the text typed so far. */
function openPlaceholder(text: string, caret: number): { from: number; prefix: string } | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('${');
  if (start < 0) return null;
  const typed = before.slice(start + 2);
  if (typed.includes('}')) return null;
  return { from: start + 2, prefix: typed };
}

/** Every expression this context offers, in the order they are shown. */
export function candidates(ctx: CompletionContext): string[] {
  return [
    ...ctx.upstream.map((id) => `steps.${id}.output`),
    ...ctx.inputs.map((name) => `inputs.${name}`),
    ...(ctx.locals ?? []),
    'inputs',
    'vars.',
  ];
}

/** What to offer at the caret, or null when the caret is not inside an open `${`. */
export function complete(text: string, caret: number, ctx: CompletionContext, limit = 12): Completion | null {
  const open = openPlaceholder(text, caret);
  if (!open) return null;
  const needle = open.prefix.trim().toLowerCase();
  const suggestions = candidates(ctx)
    .filter((c) => c.toLowerCase().startsWith(needle) || (needle.length > 0 && c.toLowerCase().includes(needle)))
    .filter((c) => c !== open.prefix)
    .slice(0, limit);
  return { prefix: open.prefix, from: open.from, suggestions };
}

/** The text and caret after accepting `choice` for the completion at `caret`; closes the placeholder if needed. */
export function accept(text: string, caret: number, completion: Completion, choice: string): { text: string; caret: number } {
  const after = text.slice(caret);
  const closes = after.startsWith('}');
  const inserted = closes ? choice : `${choice}}`;
  const nextText = text.slice(0, completion.from) + inserted + after;
  const nextCaret = completion.from + choice.length + (closes ? 1 : 1);
  return { text: nextText, caret: nextCaret };
}
