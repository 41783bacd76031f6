/**
 * HTML that is safe by construction: every value put into a `html` template is escaped unless
 * it is itself the result of one, so a customer name like `<script>` prints as text.
 */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  let text = strings[0]!;
  for (let i = 0; i < parts.length; i++) text += render(parts[i]!) + strings[i + 1]!;
  return new SafeHtml(text);
}

/** A CSS string literal: `content: "…"` in the page footer carries the case ref. */
export const cssString = (text: string): string =>
  `"${text.replace(/[\\"\n\r\f<>]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`;

/** A path as one shell word, so the printed verify command can be pasted as it stands. */
export const shellWord = (text: string): string =>
  /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;

// A word longer than this (a store's path, say) may still break anywhere rather than overflow.
const LONGEST_UNBROKEN_WORD = 40;

/**
 * A shell command to copy out of a report: its lines break only between words, never at a
 * word's own hyphen (`verify-` / `audit` would copy as two words), unless a word is too long
 * for a line.
 */
export function commandHtml(command: string): SafeHtml {
  const words = command
    .split(' ')
    .map((word) =>
      word.length > LONGEST_UNBROKEN_WORD
        ? escapeHtml(word)
        : `<span class="word">${escapeHtml(word)}</span>`,
    );
  return new SafeHtml(`<span class="mono">${words.join(' ')}</span>`);
}
