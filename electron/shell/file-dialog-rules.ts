// What the native file dialogs offer and accept, free of Electron so it is unit-tested.
import path from 'node:path';
import type { OpenDialogPurpose, PaperSize, SaveDialogPurpose } from '../../shared/ipc/dialogs';
import type { Language } from '../../shared/model/languages';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface DialogChoice {
  title: string;
  defaultPath: string;
  filters: FileFilter[];
}

type Purpose = OpenDialogPurpose | SaveDialogPurpose;

const TITLES: Record<Purpose, Record<Language, string>> = {
  import: { en: 'Import orders from a CSV file', zh: '从 CSV 文件导入订单' },
  restore: { en: 'Restore a backup', zh: '从备份恢复' },
  'export-csv': { en: 'Export cases as CSV', zh: '导出工单为 CSV' },
  'export-json': { en: 'Export cases as JSON', zh: '导出工单为 JSON' },
  'export-xlsx': { en: 'Export cases as Excel', zh: '导出工单为 Excel' },
  rejects: { en: 'Save the rejected rows', zh: '保存被拒绝的行' },
  report: { en: 'Save the report as PDF', zh: '将报告保存为 PDF' },
};

const FILTERS: Record<Purpose, { en: string; zh: string; extensions: string[] }> = {
  import: { en: 'Order files (CSV)', zh: '订单文件（CSV）', extensions: ['csv', 'txt'] },
  restore: { en: 'Case store backups', zh: '工单库备份', extensions: ['sqlite'] },
  'export-csv': { en: 'CSV', zh: 'CSV', extensions: ['csv'] },
  'export-json': { en: 'JSON', zh: 'JSON', extensions: ['json'] },
  'export-xlsx': { en: 'Excel workbook', zh: 'Excel 工作簿', extensions: ['xlsx'] },
  rejects: { en: 'CSV', zh: 'CSV', extensions: ['csv'] },
  report: { en: 'PDF', zh: 'PDF', extensions: ['pdf'] },
};

const DEFAULT_NAMES: Record<SaveDialogPurpose, string> = {
  'export-csv': 'refund-cases.csv',
  'export-json': 'refund-cases.json',
  'export-xlsx': 'refund-cases.xlsx',
  rejects: 'rejected-rows.csv',
  report: 'refund-report.pdf',
};

function filtersOf(purpose: Purpose, language: Language): FileFilter[] {
  const filter = FILTERS[purpose];
  return [{ name: filter[language], extensions: filter.extensions }];
}

/** The open dialog for a purpose: orders from the documents folder, backups from the store's own. */
export function openDialogChoice(
  purpose: OpenDialogPurpose,
  language: Language,
  folders: { documents: string; backups: string },
): DialogChoice {
  return {
    title: TITLES[purpose][language],
    defaultPath: purpose === 'restore' ? folders.backups : folders.documents,
    filters: filtersOf(purpose, language),
  };
}

/**
 * A page's suggested name as a plain base name with the purpose's extension: no folder, no
 * control or reserved characters, no leading dot; the purpose's default when nothing is left.
 */
export function safeBaseName(purpose: SaveDialogPurpose, suggested: string | undefined): string {
  const extension = `.${FILTERS[purpose].extensions[0]!}`;
  const base = (suggested ?? '').split(/[\\/]/).at(-1) ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  if (cleaned === '' || cleaned === extension) return DEFAULT_NAMES[purpose];
  return cleaned.toLowerCase().endsWith(extension) ? cleaned : `${cleaned}${extension}`;
}

export function saveDialogChoice(
  purpose: SaveDialogPurpose,
  language: Language,
  folder: string,
  suggested?: string,
): DialogChoice {
  return {
    title: TITLES[purpose][language],
    defaultPath: path.join(folder, safeBaseName(purpose, suggested)),
    filters: filtersOf(purpose, language),
  };
}

export type Checked = { ok: true; file: string } | { ok: false; message: string };

const MESSAGES = {
  relative: { en: 'The chosen file has no absolute path.', zh: '所选文件没有绝对路径。' },
  extension: { en: 'Choose a file ending in {list}.', zh: '请选择以 {list} 结尾的文件。' },
  exists: {
    en: '{name} already exists: an export never replaces a file. Choose a new name.',
    zh: '{name} 已存在：导出不会覆盖已有文件。请换一个文件名。',
  },
  outside: {
    en: 'Choose a backup from the store’s own backups folder.',
    zh: '请从工单库自己的备份文件夹中选择备份。',
  },
  noBackups: {
    en: 'There are no backups yet: File → Back up now writes the first one.',
    zh: '尚无备份：“文件 → 立即备份”会写入第一个备份。',
  },
} as const;

const say = (key: keyof typeof MESSAGES, language: Language, values: Record<string, string> = {}) =>
  MESSAGES[key][language].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');

/**
 * Why the open dialog is not shown at all, or null: a restore with no backups folder yet has
 * nothing to offer (the dialog would open elsewhere, and the check after it fail).
 */
export function openDialogRefusal(
  purpose: OpenDialogPurpose,
  language: Language,
  backupsFolderExists: boolean,
): string | null {
  return purpose === 'restore' && !backupsFolderExists ? say('noBackups', language) : null;
}

/** The real path of a file, or null when it is not there (or cannot be read). */
const realOrNull = (realPath: (file: string) => string, file: string): string | null => {
  try {
    return realPath(file);
  } catch {
    return null;
  }
};

/**
 * Whether a file chosen to open may be used. A restore takes only a file inside the backups
 * folder (both as given and with symlinks resolved by `realPath`), as backups.restore will.
 */
export function checkOpened(
  purpose: OpenDialogPurpose,
  file: string,
  language: Language,
  context: { backups: string; realPath(file: string): string },
): Checked {
  if (!path.isAbsolute(file)) return { ok: false, message: say('relative', language) };
  const extensions = FILTERS[purpose].extensions;
  if (!extensions.some((extension) => file.toLowerCase().endsWith(`.${extension}`))) {
    return {
      ok: false,
      message: say('extension', language, { list: extensions.map((e) => `.${e}`).join(', ') }),
    };
  }
  if (purpose === 'restore') {
    const inside = (candidate: string, folder: string) => {
      const relative = path.relative(folder, candidate);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    };
    const folder = realOrNull(context.realPath, context.backups);
    if (folder === null) return { ok: false, message: say('noBackups', language) };
    const real = realOrNull(context.realPath, file);
    if (
      real === null ||
      !inside(path.resolve(file), path.resolve(context.backups)) ||
      !inside(real, folder)
    ) {
      return { ok: false, message: say('outside', language) };
    }
  }
  return { ok: true, file };
}

/**
 * Whether a file chosen to save to may be written. Exports and rejects are written only as new
 * files (the API refuses to replace one; saying so here spares a round trip); a report PDF
 * may replace one, as the save dialog has then asked the agent. A missing extension is added.
 */
export function checkSaved(
  purpose: SaveDialogPurpose,
  file: string,
  language: Language,
  exists: (file: string) => boolean,
): Checked {
  if (!path.isAbsolute(file)) return { ok: false, message: say('relative', language) };
  const extension = `.${FILTERS[purpose].extensions[0]!}`;
  const target = file.toLowerCase().endsWith(extension) ? file : `${file}${extension}`;
  if (purpose !== 'report' && exists(target)) {
    return { ok: false, message: say('exists', language, { name: path.basename(target) }) };
  }
  return { ok: true, file: target };
}

/** Chromium's page sizes for printToPDF. */
export const PAGE_SIZES: Record<PaperSize, 'A4' | 'Letter'> = { a4: 'A4', letter: 'Letter' };
