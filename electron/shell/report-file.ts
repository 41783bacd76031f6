import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Runs `use` with the report's HTML in a file of its own, removed afterwards whatever
 * happens. A report is loaded for printing from a file, not a data: URL, because Chromium
 * refuses data: URLs over 2 MiB while a report may be up to 20 MiB (PrintReportRequestSchema).
 * The folder is private to this user (mkdtemp makes it 0700) and the file readable by them only.
 */
export async function withReportFile<T>(html: string, use: (file: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(path.join(tmpdir(), 'refund-console-report-'));
  try {
    const file = path.join(folder, 'report.html');
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    return await use(file);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
