import { columnLabel } from '../../../shared/import';
import type { Language } from '../../../shared/model/languages';

/**
 * The import engine words its problems in English (the CLI and the audit read them so). The
 * screen shows them in the agent's language: each known sentence is matched and said again in
 * Chinese with the same values; a sentence not known here is shown as it came.
 */
const ZH: readonly [RegExp, (...parts: string[]) => string][] = [
  [/^the header lacks the columns? (.+)$/, (list) => `表头缺少列：${list}`],
  [/^columns "(.+)" and "(.+)" both mean (.+)$/, (a, b, column) => `列"${a}"和"${b}"都对应 ${column}`],
  [/^the mapping names an unknown column "(.+)"$/, (column) => `对应方案中的列"${column}"不存在`],
  [
    /^has (\d+) cells where the header has (\d+)$/,
    (cells, columns) => `有 ${cells} 个单元格，而表头有 ${columns} 列`,
  ],
  [/^the file is empty: there is no header row$/, () => '文件为空：没有表头行'],
  [/^the file has a header but no rows$/, () => '文件只有表头，没有数据行'],
  [/^the file has no header row$/, () => '文件没有表头行'],
  [/^must not be empty$/, () => '不能为空'],
  [
    /^(".*") has characters that could not be decoded: the file may be in another encoding \(name it: (.+)\)$/,
    (cell, names) => `${cell} 含有无法解码的字符：文件可能是另一种编码（请指定：${names}）`,
  ],
  [/^must not be earlier than (\S+)$/, (field) => `不能早于${columnLabel(field, 'zh')}`],
  [
    /^a double quote inside a cell that does not begin with one;/,
    () =>
      '单元格中间有双引号，而单元格不以双引号开头；请给整个单元格加上双引号，并把其中的双引号写两遍（"a""b"）',
  ],
  [
    /^text after the double quote that closes a cell;/,
    () => '单元格的结束双引号后还有文字；带引号的单元格中，双引号要写两遍（""）',
  ],
  [/^a double quote opens this cell and is never closed$/, () => '此单元格以双引号开头，但双引号没有闭合'],
  [
    /^the row is longer than (\d+) MB: is a double quote never closed\?$/,
    (mb) => `此行超过 ${mb} MB：是否有未闭合的双引号？`,
  ],
  [/^cannot be read as CSV \((.+)\)$/, (code) => `无法按 CSV 读取（${code}）`],
  [/^(".*") is not an amount \(e\.g\. (.+)\)$/, (cell, example) => `${cell} 不是金额（例如 ${example}）`],
  [/^(".*") must be a whole number of minor units \(fen\)$/, (cell) => `${cell} 必须是以分为单位的整数`],
  [
    /^(".*") has (\d+) decimal places; (\w+) amounts have at most (\d+)$/,
    (cell, places, currency, most) => `${cell} 有 ${places} 位小数；${currency} 金额最多 ${most} 位`,
  ],
  [/^(".*") is too large$/, (cell) => `${cell} 数值过大`],
  [
    /^(".*") has no UTC offset: write one \(e\.g\. (.+)\) or say which offset times without one are in$/,
    (cell, example) => `${cell} 没有时区偏移：请写上（例如 ${example}），或说明不带偏移的时间属于哪个时区`,
  ],
  [
    /^(".*") must be an ISO 8601 date-time with a UTC offset, e\.g\. (.+)$/,
    (cell, example) => `${cell} 必须是带时区偏移的 ISO 8601 日期时间，例如 ${example}`,
  ],
  [/^(".*") is not a real calendar date and time$/, (cell) => `${cell} 不是真实存在的日期时间`],
  [/^(".*") is not yes or no \(.+\)$/, (cell) => `${cell} 不是"是"或"否"（true/false、是/否、1/0）`],
  [/^(".*") is not a number of minutes$/, (cell) => `${cell} 不是分钟数`],
  [
    /^(".*") is not an ISO 4217 code such as CNY or USD$/,
    (cell) => `${cell} 不是 CNY、USD 这样的 ISO 4217 币种代码`,
  ],
  [/^(".*") is not a known product kind \((.+)\)$/, (cell, list) => `${cell} 不是已知的商品类型（${list}）`],
  [
    /^(".*") is not a known billing method \((.+)\)$/,
    (cell, list) => `${cell} 不是已知的计费方式（${list}）`,
  ],
  [
    /^(".*") is not a known service status \((.+)\)$/,
    (cell, list) => `${cell} 不是已知的服务状态（${list}）`,
  ],
];

export function problemText(message: string, language: Language): string {
  if (language === 'en') return message;
  for (const [pattern, say] of ZH) {
    const match = pattern.exec(message);
    if (match !== null) return say(...match.slice(1));
  }
  return message;
}
