/**
 * Chinese, Japanese and Korean text has no spaces, so the search index's tokenizer
 * (unicode61) keeps a whole name such as 深圳市腾飞网络科技有限公司 as one word: only its
 * start could be found. Indexing each run of such characters also as its overlapping pairs
 * (深圳 圳市 市腾 腾飞 …) lets any 2+ character substring match: a query run is cut the
 * same way and all its pairs must be there. The index keeps no positions (detail=none), so
 * pairs are not checked to be adjacent; a name holding every pair apart is rare enough.
 */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,}/gu;
const ONLY_CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,}$/u;

function pairsOf(run: string): string[] {
  const chars = [...run];
  return chars.slice(1).map((char, index) => `${chars[index]}${char}`);
}

/** The pairs of every CJK run in the text, space-separated, to index beside the text itself. */
export function cjkPairs(text: string): string {
  return (text.normalize('NFKC').match(CJK_RUN) ?? []).flatMap(pairsOf).join(' ');
}

/** A typed token of 2+ CJK characters as the pairs that must all be indexed; null otherwise. */
export function cjkQueryPairs(token: string): string[] | null {
  return ONLY_CJK.test(token) ? pairsOf(token) : null;
}
