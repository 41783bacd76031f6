import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules are only worth having if they bite: each forbidden import below must be
// reported, and each allowed one must not.
const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').length;
}

describe('layer boundaries', () => {
  it.each([
    ['shared/policy/x.ts', "import fs from 'node:fs';"],
    ['shared/policy/x.ts', "import path from 'path';"],
    ['shared/policy/x.ts', "import { app } from 'electron';"],
    ['shared/policy/x.ts', "import Database from 'better-sqlite3';"],
    ['shared/policy/x.ts', "import { useState } from 'react';"],
    ['shared/policy/x.ts', "import { openStore } from '../../electron/store/open';"],
    ['shared/policy/x.ts', "import { main } from '../../cli/refund-console';"],
    ['renderer/features/x.tsx', "import { readFile } from 'node:fs/promises';"],
    ['renderer/features/x.tsx', "import { ipcRenderer } from 'electron';"],
    ['renderer/features/x.tsx', "import Database from 'better-sqlite3';"],
    ['renderer/features/x.tsx', "import { openStore } from '../../electron/store/open';"],
    ['electron/store/x.ts', "import { app } from 'electron';"],
    ['electron/api/x.ts', "import { BrowserWindow } from 'electron';"],
    ['cli/commands/x.ts', "import { app } from 'electron';"],
    ['electron/store/x.ts', "import { App } from '../../renderer/app/App';"],
    ['electron/main.ts', "import { app } from 'electron';"],
    ['electron/host/x.ts', "import { app } from 'electron';"],
    ['shared/model/x.ts', "import { decide } from '../policy/decide';"],
    ['shared/model/x.ts', "import { api } from '../ipc/contract';"],
    ['shared/policy/x.ts', "import { api } from '../ipc/contract';"],
    ['electron/store/x.ts', "import type { Api } from '../../shared/ipc/contract';"],
    ['electron/api/x.ts', "import { listCases } from '../store/queue';"],
    ['cli/commands/x.ts', "import { openStore } from '../../electron/store/open';"],
    ['electron/shell/x.ts', "import { connect } from '../store/connection';"],
    ['renderer/features/x/y.tsx', "import { App } from '../../app/App';"],
    ['cli/commands/x.ts', "import { caseReportHtml } from '../../electron/reports/case-report';"],
    ['electron/shell/x.ts', "import { openPrinter } from '../print/chromium';"],
    ['electron/reports/x.ts', "import { app } from 'electron';"],
    ['electron/shell/x.ts', "import { sealCredentials } from '../team-sync/credentials';"],
    ['electron/api/x.ts', "import { createTeamSync } from '../team-sync/service';"],
    ['electron/team-sync/x.ts', "import { safeStorage } from 'electron';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(1);
  });

  it.each([
    ['shared/policy/x.ts', "import { DateTime } from 'luxon';"],
    ['renderer/features/x.tsx', "import { decide } from '../../shared/policy';"],
    ['electron/shell/main.ts', "import { app } from 'electron';"],
    ['electron/shell/preload.ts', "import { contextBridge } from 'electron';"],
    ['electron/shell/menu.ts', "import { Menu } from 'electron';"],
    ['cli/commands/x.ts', "import { openStore } from '../../electron/store';"],
    ['electron/api/x.ts', "import { sampleCase } from '../store/test-support/temp-store';"],
    ['electron/store/x.ts', "import Database from 'better-sqlite3';"],
    ['shared/policy/x.ts', "import { FactsSchema } from '../model/facts';"],
    ['shared/ipc/x.ts', "import { decide } from '../policy/decide';"],
    ['renderer/app/x.tsx', "import { QueueScreen } from '../features/queue/QueueScreen';"],
    ['electron/shell/x.ts', "import { caseReportHtml } from '../reports';"],
    ['electron/shell/x.ts', "import { sealCredentials } from '../team-sync';"],
    ['cli/commands/x.ts', "import { INJECTION } from '../../electron/reports/test-support/cases';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(0);
  });
});

describe('import cycles', () => {
  it('are reported wherever they close', async () => {
    const [result] = await new ESLint({ ignore: false }).lintFiles(['scripts/fixtures/cycle/a.ts']);
    expect(result!.messages.map((message) => message.ruleId)).toContain('import-x/no-cycle');
  });
});
