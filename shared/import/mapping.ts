import type { AmountUnit } from '../model/import';
import { POLICY_UTC_OFFSET } from '../policy/time';
import { UTC_OFFSET } from './cells';
import { CASE_COLUMNS, type ColumnSpec } from './columns';

export type { AmountUnit };

/** One column of the file and what it was taken to mean (null: ignored). */
export interface MappedColumn {
  header: string;
  index: number;
  column: ColumnSpec | null;
  /** For amounts: whether cells are in yuan (199.00) or in fen, the minor units (19900). */
  unit: AmountUnit | null;
}

export interface Mapping {
  columns: MappedColumn[];
  /** Headers no column was found for: their cells are not read. */
  ignored: string[];
  /** The UTC offset times written without one are read in; null: such a time is an error. */
  assumeOffset: string | null;
}

export interface MappingOptions {
  /** Header → canonical column id (or null to ignore it), overriding what was detected. */
  overrides?: Readonly<Record<string, string | null>>;
  /** The unit of amount columns whose header does not say. */
  amountUnit?: AmountUnit;
  /** The UTC offset ("+08:00") of times the file writes without one. */
  assumeOffset?: string;
}

export type MappingResult = { ok: true; mapping: Mapping } | { ok: false; message: string };

const UNIT_WORDS: Record<string, AmountUnit> = {
  yuan: 'yuan',
  元: 'yuan',
  fen: 'fen',
  分: 'fen',
  cents: 'fen',
};
// "订单金额(元)", "orderAmount (fen)", "orderAmount_yuan": a unit written in the header.
const UNIT_SUFFIX = /^(.*?)\s*(?:\((yuan|元|fen|分|cents)\)|[_ ](yuan|fen|cents))$/i;

const byName = new Map<string, ColumnSpec>();
for (const column of CASE_COLUMNS) {
  for (const name of [column.id, `facts.${column.id}`, ...column.aliases]) byName.set(key(name), column);
}

// NFKC folds full-width brackets and letters (（元）, ＩＤ) into their plain forms.
function key(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

function splitUnit(header: string): { name: string; unit: AmountUnit | null } {
  const match = UNIT_SUFFIX.exec(key(header));
  if (match === null) return { name: key(header), unit: null };
  return { name: match[1]!, unit: UNIT_WORDS[(match[2] ?? match[3])!.toLowerCase()]! };
}

const isChinese = (text: string) => /\p{Script=Han}/u.test(text);

/**
 * Reads a header row. An amount column's unit comes from its header, else from the option,
 * else from the header's language: canonical headers carry minor units as the API does,
 * Chinese ones yuan as Chinese spreadsheets write them.
 */
export function detectMapping(headers: readonly string[], options: MappingOptions = {}): MappingResult {
  const { assumeOffset = null } = options;
  if (assumeOffset !== null && !UTC_OFFSET.test(assumeOffset)) {
    return { ok: false, message: `"${assumeOffset}" is not a UTC offset such as ${POLICY_UTC_OFFSET}` };
  }
  const columns: MappedColumn[] = [];
  const ignored: string[] = [];
  const seen = new Map<string, string>();
  for (const [index, header] of headers.entries()) {
    const { name, unit } = splitUnit(header);
    const override = options.overrides?.[header];
    let column: ColumnSpec | null | undefined;
    if (override === null) column = null;
    else if (override !== undefined) {
      column = CASE_COLUMNS.find((candidate) => candidate.id === override);
      if (column === undefined)
        return { ok: false, message: `the mapping names an unknown column "${override}"` };
    } else column = byName.get(name) ?? null;
    if (column === null) {
      if (header.trim() !== '') ignored.push(header);
      columns.push({ header, index, column: null, unit: null });
      continue;
    }
    const earlier = seen.get(column.id);
    if (earlier !== undefined) {
      return { ok: false, message: `columns "${earlier}" and "${header}" both mean ${column.id}` };
    }
    seen.set(column.id, header);
    const amountUnit = unit ?? options.amountUnit ?? (isChinese(header) ? 'yuan' : 'fen');
    columns.push({ header, index, column, unit: column.kind === 'amount' ? amountUnit : null });
  }
  return { ok: true, mapping: { columns, ignored, assumeOffset } };
}

/** The columns a case needs that the mapping lacks, by canonical name. */
export function missingCaseColumns(mapping: Mapping): string[] {
  const present = new Set(mapping.columns.map((mapped) => mapped.column?.id));
  return CASE_COLUMNS.filter((column) => column.requiredForCase && !present.has(column.id)).map(
    (column) => column.id,
  );
}
