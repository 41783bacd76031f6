import iconv from 'iconv-lite';

/** Why a file cannot be read as a CSV of orders; the message is shown as it is. */
export class CsvFileError extends Error {
  override readonly name = 'CsvFileError';
  constructor(
    message: string,
    /** The row it concerns as a spreadsheet numbers them; 1 (the header) for the file as a whole. */
    readonly row = 1,
    /** The cell of that row it concerns, from 0; null for the row (or file) as a whole. */
    readonly cell: number | null = null,
  ) {
    super(message);
  }

  /** The file's header of its cell, once whoever knows the header has named it. */
  column: string | null = null;

  /** Names the cell's column by the file's header (what a reader of the error looks for). */
  inFile(header: readonly string[] | null): this {
    if (this.cell !== null) this.column = header?.[this.cell] ?? null;
    return this;
  }
}

export interface DetectedEncoding {
  /** An iconv-lite encoding name. */
  name: string;
  bom: boolean;
}

const SAMPLE_BYTES = 64 * 1024;
export { SAMPLE_BYTES };

function isUtf8(sample: Buffer, wholeFile: boolean): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // A sample cut from a longer file may end inside a character: drop up to 3 bytes of it.
  for (let cut = 0; cut <= (wholeFile ? 0 : 3); cut++) {
    try {
      decoder.decode(sample.subarray(0, sample.length - cut));
      return true;
    } catch {
      // try a shorter sample
    }
  }
  return false;
}

/**
 * The encoding of a file from its first bytes: a byte order mark says it outright; otherwise
 * text that is valid UTF-8 is UTF-8 and anything else is taken as GB18030 (a superset of GBK
 * and GB2312, what Chinese Excel saves). NUL and other control bytes mean it is not text.
 */
export function detectEncoding(sample: Buffer, wholeFile: boolean, override?: string): DetectedEncoding {
  if (override !== undefined) {
    if (!iconv.encodingExists(override)) throw new CsvFileError(`unknown encoding "${override}"`);
    const bom =
      (/^utf-?8$/i.test(override) && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) ||
      (/^utf-?16/i.test(override) &&
        ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)));
    return { name: override, bom };
  }
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { name: 'utf8', bom: true };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { name: 'utf16le', bom: true };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { name: 'utf16be', bom: true };
  const control = sample.findIndex((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b));
  if (control !== -1) {
    throw new CsvFileError(
      `is not a CSV text file: byte ${control + 1} is a control character (0x${sample[control]!.toString(16).padStart(2, '0')}); ` +
        'a UTF-16 file needs its byte order mark, or name the encoding with --encoding',
    );
  }
  return { name: isUtf8(sample, wholeFile) ? 'utf8' : 'gb18030', bom: false };
}
