// Case fields come from customers and imports; printed raw, an escape sequence or a carriage
// return in a name can rewrite what the agent sees (a fake outcome over a real row), and a
// bidi override can reverse it. Such characters are shown as escapes instead.

// C0 and C1 controls, DEL, line/paragraph separators, and the bidi marks, embeddings,
// overrides and isolates. Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 as \x1b (or \r, \n, \t) as a terminal user reads them; the rest as \u escapes, which
// are also valid inside a JSON string (JSON.stringify escapes C0 itself but leaves these raw).
function escape(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return NAMED[char] ?? `\\x${code.toString(16).padStart(2, '0')}`;
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One field on one line: every control character, newline included, shown as an escape. */
export function printable(field: string): string {
  return field.replace(UNSAFE, escape);
}

/** Whole output on its way to the terminal: everything but the newlines that lay it out. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => (char === '\n' ? char : escape(char)));
}
