/**
 * Most order files have no quoted cells: then a record is a line and a cell is what lies
 * between commas, and splitting strings is several times faster than csv-parse's parser
 * (character by character, with an event per record). PlainLines hands out the text of
 * complete lines while a file can be read that way, and says when it cannot, so that csv-parse
 * reads the rest; both then give the same records (read.test.ts compares them on generated
 * files). The text is split into records by `plainRecords`, where the records are needed: in
 * the reader, or in a worker thread deciding a batch.
 *
 * It gives up (from the first line it cannot split) on a double quote anywhere, on a line
 * ending that is not the file's own (csv-parse takes the first one it meets, CRLF or LF, and
 * reads any other as part of a cell), on a lone CR, and on a record longer than csv-parse
 * accepts, whose error message is csv-parse's to give.
 */
export type LineEnd = '\r\n' | '\n';

/** Complete lines of a file that split plainly: `count` lines, the last without its line end. */
export interface LinesText {
  text: string;
  count: number;
  lineEnd: LineEnd;
}

// In a CRLF file, a CR not before an LF or an LF not after a CR: csv-parse reads it as text.
const STRAY_LINE_END = /\r(?!\n)|(?<!\r)\n/;

export class PlainLines {
  private pending = '';
  private started = false;
  /** The file's line end, once its first line has ended: csv-parse must keep to it too. */
  lineEnd: LineEnd | null = null;
  private gaveUp = false;

  constructor(private readonly maxRecordChars: number) {}

  /**
   * The complete lines so far (null when none is), or `false` once the text needs the full
   * parser: from then on `takeRest()` hands it what was not split, and this splitter is done.
   */
  push(text: string): LinesText | null | false {
    if (this.gaveUp) return false;
    let all = this.pending + text;
    // As csv-parse's `bom` option: a mark left after the decoder took off the file's own.
    if (!this.started && all !== '') {
      this.started = true;
      if (all.charCodeAt(0) === 0xfeff) all = all.slice(1);
    }
    this.pending = all;
    if (all.includes('"')) return this.giveUp();
    const last = all.lastIndexOf('\n');
    if (last === -1) return all.length > this.maxRecordChars ? this.giveUp() : null;
    const lineEnd = (this.lineEnd ??= all.charCodeAt(all.indexOf('\n') - 1) === 13 ? '\r\n' : '\n');
    if (lineEnd === '\r\n' && all.charCodeAt(last - 1) !== 13) return this.giveUp();
    const complete = all.slice(0, last + 1 - lineEnd.length);
    if (lineEnd === '\r\n' ? STRAY_LINE_END.test(complete) : complete.includes('\r')) return this.giveUp();
    const count = countLines(complete);
    if (complete.length > this.maxRecordChars && !this.linesFit(complete, lineEnd)) return this.giveUp();
    if (all.length - last - 1 > this.maxRecordChars) return this.giveUp();
    this.pending = all.slice(last + 1);
    return { text: complete, count, lineEnd };
  }

  /** At the end of the file: its last line when it has no line end (if it splits plainly). */
  finish(): LinesText | null | false {
    if (this.gaveUp) return false;
    const tail = this.pending;
    if (tail.includes('\r')) return this.giveUp();
    this.pending = '';
    return tail === '' ? null : { text: tail, count: 1, lineEnd: this.lineEnd ?? '\n' };
  }

  /** What has not been split: the full parser's input from here on. */
  takeRest(): string {
    const rest = this.pending;
    this.pending = '';
    this.gaveUp = true;
    return rest;
  }

  private linesFit(text: string, lineEnd: LineEnd): boolean {
    return text.split(lineEnd).every((line) => line.length <= this.maxRecordChars);
  }

  private giveUp(): false {
    this.gaveUp = true;
    return false;
  }
}

function countLines(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** The records of lines that split plainly: one per line, a blank line as one empty cell. */
export function plainRecords({ text, lineEnd }: LinesText): string[][] {
  const lines = text.split(lineEnd);
  const records = new Array<string[]>(lines.length);
  for (let i = 0; i < lines.length; i++) records[i] = lines[i]!.split(',');
  return records;
}
