import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { csvLine } from '../csv';

/** The rows an import left out, as CSV: the file's own cells plus what was wrong. */
export class RejectsWriter {
  private constructor(private readonly out: WriteStream) {}

  static async open(file: string, header: readonly string[]): Promise<RejectsWriter> {
    const out = createWriteStream(file, { encoding: 'utf8' });
    await once(out, 'open');
    // With a BOM so that Excel, where rejects get fixed, reads the Chinese right.
    out.write(`\uFEFF${csvLine([...header, 'error'], false)}`);
    return new RejectsWriter(out);
  }

  write(cells: readonly string[], problem: string): void {
    this.out.write(csvLine([...cells, problem], false));
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}
