import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkOpened,
  checkSaved,
  openDialogChoice,
  openDialogRefusal,
  safeBaseName,
  saveDialogChoice,
} from './file-dialog-rules';

describe('dialog choices', () => {
  it('opens orders from the documents folder and backups from the store’s own, in the agent’s language', () => {
    const folders = { documents: '/home/mei/Documents', backups: '/data/backups' };
    expect(openDialogChoice('import', 'en', folders)).toEqual({
      title: 'Import orders from a CSV file',
      defaultPath: '/home/mei/Documents',
      filters: [{ name: 'Order files (CSV)', extensions: ['csv', 'txt'] }],
    });
    expect(openDialogChoice('restore', 'zh', folders)).toMatchObject({
      title: '从备份恢复',
      defaultPath: '/data/backups',
      filters: [{ extensions: ['sqlite'] }],
    });
  });

  it('offers a safe default name with the right extension', () => {
    expect(
      saveDialogChoice('export-xlsx', 'en', '/docs', 'refund-cases-open-2026-03-01.xlsx').defaultPath,
    ).toBe('/docs/refund-cases-open-2026-03-01.xlsx');
    expect(safeBaseName('report', '../../etc/passwd')).toBe('passwd.pdf');
    expect(safeBaseName('export-csv', 'a<b>:c?.csv')).toBe('a_b__c_.csv');
    expect(safeBaseName('export-json', '...')).toBe('refund-cases.json');
    expect(safeBaseName('rejects', undefined)).toBe('rejected-rows.csv');
    expect(safeBaseName('export-csv', 'x\u0000\u001b.csv')).toBe('x__.csv');
  });
});

describe('checkSaved', () => {
  const none = () => false;
  it('adds a missing extension and refuses relative paths', () => {
    expect(checkSaved('export-csv', '/docs/march', 'en', none)).toEqual({
      ok: true,
      file: '/docs/march.csv',
    });
    expect(checkSaved('export-csv', 'march.csv', 'en', none)).toEqual({
      ok: false,
      message: 'The chosen file has no absolute path.',
    });
  });

  it('never lets an export or rejects replace a file; a report may (the dialog asked)', () => {
    const exists = (file: string) => file === '/docs/march.csv' || file === '/docs/r.pdf';
    expect(checkSaved('export-csv', '/docs/march.csv', 'zh', exists)).toEqual({
      ok: false,
      message: 'march.csv 已存在：导出不会覆盖已有文件。请换一个文件名。',
    });
    expect(checkSaved('rejects', '/docs/march.csv', 'en', exists).ok).toBe(false);
    expect(checkSaved('report', '/docs/r.pdf', 'en', exists)).toEqual({ ok: true, file: '/docs/r.pdf' });
  });
});

describe('checkOpened', () => {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'rc-dialogs-')));
  const backups = path.join(root, 'backups');
  mkdirSync(backups);
  writeFileSync(path.join(backups, 'cases-1.sqlite'), '');
  writeFileSync(path.join(root, 'elsewhere.sqlite'), '');
  symlinkSync(path.join(root, 'elsewhere.sqlite'), path.join(backups, 'link.sqlite'));
  const context = { backups, realPath: realpathSync };

  it('takes an order file by its extension', () => {
    expect(checkOpened('import', '/docs/orders.CSV', 'en', context)).toEqual({
      ok: true,
      file: '/docs/orders.CSV',
    });
    expect(checkOpened('import', '/docs/orders.xlsx', 'en', context)).toEqual({
      ok: false,
      message: 'Choose a file ending in .csv, .txt.',
    });
  });

  it('restores only from inside the backups folder: no traversal, no symlink out of it', () => {
    expect(checkOpened('restore', path.join(backups, 'cases-1.sqlite'), 'en', context).ok).toBe(true);
    expect(checkOpened('restore', path.join(backups, '..', 'elsewhere.sqlite'), 'en', context).ok).toBe(
      false,
    );
    expect(checkOpened('restore', path.join(root, 'elsewhere.sqlite'), 'en', context).ok).toBe(false);
    expect(checkOpened('restore', path.join(backups, 'link.sqlite'), 'zh', context)).toEqual({
      ok: false,
      message: '请从工单库自己的备份文件夹中选择备份。',
    });
  });

  it('says there are no backups yet, rather than failing, when the backups folder does not exist', () => {
    const none = { backups: path.join(root, 'no-backups-yet'), realPath: realpathSync };
    expect(checkOpened('restore', path.join(none.backups, 'cases-1.sqlite'), 'en', none)).toEqual({
      ok: false,
      message: 'There are no backups yet: File → Back up now writes the first one.',
    });
    expect(openDialogRefusal('restore', 'zh', false)).toBe('尚无备份：“文件 → 立即备份”会写入第一个备份。');
    expect(openDialogRefusal('restore', 'en', true)).toBeNull();
    expect(openDialogRefusal('import', 'en', false)).toBeNull();
  });

  it('refuses a chosen backup that has gone since, rather than failing', () => {
    expect(checkOpened('restore', path.join(backups, 'gone.sqlite'), 'en', context)).toEqual({
      ok: false,
      message: 'Choose a backup from the store’s own backups folder.',
    });
  });
});
