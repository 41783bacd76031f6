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
    ['electron/store/x.ts', "import { App } from '../../renderer/components/App';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(1);
  });

  it.each([
    ['shared/policy/x.ts', "import { DateTime } from 'luxon';"],
    ['renderer/features/x.tsx', "import { decide } from '../../shared/policy';"],
    ['electron/main.ts', "import { app } from 'electron';"],
    ['electron/preload.ts', "import { contextBridge } from 'electron';"],
    ['cli/commands/x.ts', "import { openStore } from '../../electron/store/open';"],
    ['electron/store/x.ts', "import Database from 'better-sqlite3';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(0);
  });
});
