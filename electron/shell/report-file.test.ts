import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrintReportRequestSchema } from '../../shared/ipc/dialogs';
import { withReportFile } from './report-file';

/** Chromium's limit on a data: URL, which the report used to be loaded as. */
const DATA_URL_LIMIT = 2 * 1024 * 1024;

describe('the report file a report is printed from', () => {
  it('holds the whole report, however large the schema allows, and goes afterwards', async () => {
    const html = `<!doctype html><p>${'退款 '.repeat(3_000_000)}</p>`;
    expect(PrintReportRequestSchema.safeParse({ html, paper: 'a4' }).success).toBe(true);
    let seen = '';
    const result = await withReportFile(html, async (file) => {
      seen = file;
      expect(statSync(file).size).toBeGreaterThan(DATA_URL_LIMIT);
      expect(readFileSync(file, 'utf8')).toBe(html);
      expect(statSync(file).mode & 0o077).toBe(0);
      expect(statSync(path.dirname(file)).mode & 0o077).toBe(0);
      return 'printed';
    });
    expect(result).toBe('printed');
    expect(existsSync(path.dirname(seen))).toBe(false);
  });

  it('goes even when printing fails', async () => {
    let seen = '';
    await expect(
      withReportFile('<p>x</p>', async (file) => {
        seen = file;
        throw new Error('printToPDF failed');
      }),
    ).rejects.toThrow('printToPDF failed');
    expect(existsSync(path.dirname(seen))).toBe(false);
  });
});
