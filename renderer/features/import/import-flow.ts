// The Import screen's arithmetic, free of React and the API, so it is tested on its own.
import type { ImportMapping, ImportSummary, ProblemGroup } from '../../../shared/model/import';
import { POLICY_UTC_OFFSET } from '../../../shared/policy/time';

/**
 * The byte ranges a file is sent in, each of which is at most `chunkChars` once in base64
 * (3 bytes make 4 characters: whole groups per piece, so pieces join without padding inside).
 * Read a range at a time, a large file is never held whole by the page. An empty file is one
 * empty piece, so the host sees it and says it is empty.
 */
export function uploadRanges(size: number, chunkChars: number): [number, number][] {
  const bytesPerChunk = Math.floor(chunkChars / 4) * 3;
  if (size === 0) return [[0, 0]];
  const ranges: [number, number][] = [];
  for (let start = 0; start < size; start += bytesPerChunk)
    ranges.push([start, Math.min(size, start + bytesPerChunk)]);
  return ranges;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a huge argument list overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export type Overrides = Record<string, string | null>;

/** Each header of the file and the field it fills now: what was detected, then the agent's choices. */
export function currentColumns(
  summary: ImportSummary,
  overrides: Overrides,
): { header: string; column: string | null }[] {
  return summary.mapping.map(({ header, column }) => ({
    header,
    column: Object.hasOwn(overrides, header) ? overrides[header]! : column,
  }));
}

/** A saved mapping holds every header of the file, so the next file is read the same way. */
export function mappingToSave(
  name: string,
  summary: ImportSummary,
  overrides: Overrides,
  amountUnit: ImportMapping['amountUnit'],
): ImportMapping {
  const columns = Object.fromEntries(
    currentColumns(summary, overrides).map(({ header, column }) => [header, column]),
  );
  return { name: name.trim(), columns, amountUnit };
}

/** A saved mapping as overrides for a file: only the headers that file has. */
export function overridesFrom(saved: ImportMapping, headers: readonly string[]): Overrides {
  return Object.fromEntries(
    headers.filter((h) => Object.hasOwn(saved.columns, h)).map((h) => [h, saved.columns[h]!]),
  );
}

/** The import's reading progress as a whole percentage. */
export function percentOf(done: number, total: number): number {
  return total <= 0 ? 0 : Math.min(100, Math.floor((done / total) * 100));
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A group's rows as a reader wants them: "2–150, 152–301", and "…" when not all are listed. */
export function rowRanges({ rows, count }: Pick<ProblemGroup, 'rows' | 'count'>): string {
  const listed = rows.reduce((sum, [first, last]) => sum + last - first + 1, 0);
  const ranges = rows.map(([first, last]) => (first === last ? `${first}` : `${first}–${last}`));
  return listed < count ? `${ranges.join(', ')}, …` : ranges.join(', ');
}

const wholeHours = (hours: number) =>
  `${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;

/** The offsets the agent may say bare times are in: the policy zone's first (the suggestion), then every whole hour. */
export const OFFSET_CHOICES: readonly string[] = [
  POLICY_UTC_OFFSET,
  ...Array.from({ length: 27 }, (_, i) => wholeHours(i - 12)).filter(
    (offset) => offset !== POLICY_UTC_OFFSET,
  ),
];
