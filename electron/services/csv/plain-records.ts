/**
 * Most order files have no quoted cells: then a record is a line and a cell is what lies
 * between commas, and splitting strings is several times faster than csv-parse's parser
 * (character by character, with an event per record). PlainRecords splits text that way
 * while it can, and says when it cannot, so that csv-parse reads the rest; both then give the
 * same records (read.test.ts compares them on generated files).
 *
 * It gives up (from the first line it cannot split) on a double quote anywhere, on a line
 * ending that is not the file's own (csv-parse takes the first one it meets, CRLF or LF, and
 * reads any other as part of a cell), on a lone CR, and on a record longer than csv-parse
 * accepts, whose error message is csv-parse's to give.
 */
export class PlainRecords {
  private pending = '';
  private started = false;
  /** The file's line end, once its first line has ended: csv-parse must keep to it too. */
  lineEnd: '\r\n' | '\n' | null = null;
  private gaveUp = false;

  constructor(private readonly maxRecordChars: number) {}

  /**
   * The records of the complete lines so far, or null once the text needs the full parser:
   * from then on `takeRest()` hands it what was not split, and this splitter is done.
   */
  push(text: string): string[][] | null {
    if (this.gaveUp) return null;
    let all = this.pending + text;
    // As csv-parse's `bom` option: a mark left after the decoder took off the file's own.
    if (!this.started && all !== '') {
      this.started = true;
      if (all.charCodeAt(0) === 0xfeff) all = all.slice(1);
    }
    this.pending = all;
    if (all.includes('"')) return this.giveUp();
    const last = all.lastIndexOf('\n');
    if (last === -1) return all.length > this.maxRecordChars ? this.giveUp() : [];
    this.lineEnd ??= all.charCodeAt(all.indexOf('\n') - 1) === 13 ? '\r\n' : '\n';
    if (this.lineEnd === '\r\n' && all.charCodeAt(last - 1) !== 13) return this.giveUp();
    const complete = all.slice(0, last + 1 - this.lineEnd.length);
    const lines = complete.split(this.lineEnd);
    const records: string[][] = [];
    for (const line of lines) {
      if (line.length > this.maxRecordChars || line.includes('\r') || line.includes('\n'))
        return this.giveUp();
      records.push(line.split(','));
    }
    if (all.length - last - 1 > this.maxRecordChars) return this.giveUp();
    this.pending = all.slice(last + 1);
    return records;
  }

  /** At the end of the file: its last line when it has no line end, if it splits plainly. */
  finish(): string[][] | null {
    if (this.gaveUp) return null;
    const tail = this.pending;
    if (tail.includes('\r')) return this.giveUp();
    this.pending = '';
    return tail === '' ? [] : [tail.split(',')];
  }

  /** What has not been split: the full parser's input from here on. */
  takeRest(): string {
    const rest = this.pending;
    this.pending = '';
    this.gaveUp = true;
    return rest;
  }

  private giveUp(): null {
    this.gaveUp = true;
    return null;
  }
}
