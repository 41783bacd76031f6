/**
 * GBK bytes for a text, from the runtime's own GBK decoder read backwards (Node can decode GBK
 * but not encode it), so the corpus's Chinese mails need no encoding package.
 */
let table: Map<string, readonly [number, number]> | undefined;

function gbkTable(): Map<string, readonly [number, number]> {
  if (table !== undefined) return table;
  const decoder = new TextDecoder('gbk');
  table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
}

/** Whether every character has a GBK code (an emoji or a half-width ¥ has none). */
export const fitsGbk = (text: string): boolean =>
  Array.from(text).every((char) => char.codePointAt(0)! < 0x80 || gbkTable().has(char));

export function encodeGbk(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable().get(char);
      if (pair === undefined) throw new Error(`no GBK code for ${char}`);
      bytes.push(...pair);
    }
  }
  return Uint8Array.from(bytes);
}
