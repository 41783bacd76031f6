import { z } from 'zod';
import { UTC_OFFSET } from '../import/cells';
import { CaseRefSchema } from '../model/case';
import { EXPORT_FORMATS, ExportFilterSchema } from '../model/export';
import { AMOUNT_UNITS, ImportJobSchema, ImportMappingSchema, ImportSummarySchema } from '../model/import';
import { LANGUAGES } from '../model/languages';
import { PAPERS, PeriodFiguresSchema, PeriodQuerySchema } from '../model/period';
import { agentName, method } from './method';

// Data in and out of the store: order files imported, cases exported, reports written.

/** An absolute path of a file on this machine, with one of the given extensions. */
const localFile = (extensions: readonly string[]) =>
  z
    .string()
    .min(2)
    .max(4096)
    .refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path), {
      error: 'must be an absolute path',
    })
    .refine((path) => extensions.some((extension) => path.toLowerCase().endsWith(extension)), {
      error: `must end with ${extensions.join(', ')}`,
    });

const importRequest = z.strictObject({
  file: localFile(['.csv', '.txt']),
  /** An encoding name (utf8, gb18030, utf16le…); detected when absent. */
  encoding: z.string().min(1).max(40).optional(),
  amountUnit: z.enum(AMOUNT_UNITS).optional(),
  /** The UTC offset ("+08:00") of times the file writes without one; without it they are errors. */
  assumeOffset: z.string().regex(UTC_OFFSET, { error: 'must be a UTC offset such as +08:00' }).optional(),
  /** The file's header → a canonical column, or null to ignore it; over what was detected. */
  mapping: z.record(z.string(), z.string().nullable()).optional(),
});

const importRunRequest = importRequest.extend({
  agent: agentName,
  skipBadRows: z.boolean().default(false),
  rejectsFile: localFile(['.csv']).optional(),
});

const importJob = z.strictObject({ job: z.string().min(1).max(100) });
const importMappings = z.object({ items: z.array(ImportMappingSchema) });

/** The most base64 text one upload call carries: under the loopback host's 1 MB body limit. */
export const UPLOAD_CHUNK_CHARS = 700_000;

const exportRequest = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  filter: ExportFilterSchema.default({ dates: 'decided' }),
  excelFriendly: z.boolean().default(false),
});

/** How a report is written: its language and paper. */
const reportOptions = {
  language: z.enum(LANGUAGES).default('en'),
  paper: z.enum(PAPERS).default('a4'),
};

export const dataIoMethods = {
  /** Reads an order file and says what importing it would do (every row read, bad ones counted as skipped); writes nothing. */
  'imports.preview': method(importRequest, ImportSummarySchema),
  /** Imports an order file: all-or-nothing unless skipBadRows; rejects saved to rejectsFile. */
  'imports.run': method(importRunRequest, ImportSummarySchema),
  /**
   * The same import in the background, one at a time: answers at once with the job, whose
   * progress is polled with imports.progress and which imports.cancel stops (writing nothing).
   */
  'imports.start': method(importRunRequest, ImportJobSchema),
  'imports.progress': method(importJob, ImportJobSchema),
  'imports.cancel': method(importJob, ImportJobSchema),
  /**
   * A browser has no file paths: it sends the chosen file's bytes (base64, in pieces of at most
   * UPLOAD_CHUNK_CHARS, each naming the upload the first one started) and gets back a path in
   * the console's own temporary folder, which preview and import then read.
   */
  'imports.upload': method(
    z.strictObject({
      upload: z.string().min(1).max(100).optional(),
      name: z
        .string()
        .min(1)
        .max(255)
        .refine((name) => /\.(csv|txt)$/i.test(name), { error: 'must end with .csv or .txt' }),
      data: z.base64().max(UPLOAD_CHUNK_CHARS),
    }),
    z.object({ upload: z.string(), file: z.string(), bytes: z.number().int() }),
  ),
  'importMappings.list': method(z.strictObject({}), importMappings),
  /** Saves a mapping under its name, replacing one of the same name. */
  'importMappings.save': method(ImportMappingSchema, importMappings),
  'importMappings.delete': method(z.strictObject({ name: z.string().min(1).max(80) }), importMappings),
  /** Writes the cases a filter selects, with their latest decision, to a new file. */
  'exports.write': method(
    exportRequest.extend({ file: localFile(['.csv', '.json', '.xlsx']) }),
    z.object({ file: z.string(), rows: z.number().int() }),
  ),
  /**
   * The same export as the file's bytes (base64), for a browser to download; refused above
   * a size a page should hold, where exports.write or the CLI do the job.
   */
  'exports.download': method(
    exportRequest,
    z.object({ name: z.string(), mimeType: z.string(), data: z.string(), rows: z.number().int() }),
  ),
  /**
   * One case as a printable, self-contained HTML document (what a lead signs off). The shell
   * prints it to PDF; a browser downloads it. Read-only.
   */
  'reports.case': method(
    z.strictObject({ ref: CaseRefSchema, ...reportOptions }),
    z.object({ html: z.string(), fileName: z.string() }),
  ),
  /** A period's figures, and the same as a printable HTML document. Read-only. */
  'reports.period': method(
    PeriodQuerySchema.extend(reportOptions),
    z.object({ figures: PeriodFiguresSchema, html: z.string(), fileName: z.string() }),
  ),
};
