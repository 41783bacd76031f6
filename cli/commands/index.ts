import type { CommandEntry } from '../command';

// Each command is its own module, loaded only when called (and its own chunk in the build), so
// `decide` starts without SQLite or the store. A new command: its file and one line here.
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'decide',
    summary: 'decide a refund request from its facts (JSON)',
    load: () => import('./decide'),
  },
  {
    name: 'explain-usage',
    summary: 'which package each call drew from, and why',
    load: () => import('./explain-usage'),
  },
  {
    name: 'extract',
    summary: "the facts a customer's message states, as proposals (JSON)",
    load: () => import('./extract'),
  },
  {
    name: 'case',
    summary: 'add, decide, show, list, assign, claim next, close, reopen and edit cases',
    load: () => import('./case'),
  },
  {
    name: 'replay',
    summary: 'which stored cases another revision or a draft would judge differently (read-only)',
    load: () => import('./replay'),
  },
  {
    name: 'verify-audit',
    summary: "check the audit trail's hash chain",
    load: () => import('./verify-audit'),
  },
  { name: 'backup', summary: 'a checked copy of the case store', load: () => import('./backup') },
  {
    name: 'restore',
    summary: 'replace the case store with a checked backup',
    load: () => import('./restore'),
  },
  { name: 'import', summary: 'open cases from a CSV file of orders', load: () => import('./import') },
  {
    name: 'export',
    summary: 'cases with their latest decision as CSV, JSON or XLSX',
    load: () => import('./export'),
  },
  { name: 'server', summary: 'set up the team server desktops sync through', load: () => import('./server') },
  {
    name: 'sync',
    summary: "exchange this store's changes with the team server",
    load: () => import('./sync'),
  },
  {
    name: 'team',
    summary: 'what this desktop has not synced, and the changes the team server refused (redo, withdraw)',
    load: () => import('./team'),
  },
  {
    name: 'approvals',
    summary: "list, grant or refuse the decisions waiting for a lead's approval (team mode)",
    load: () => import('./approvals'),
  },
  {
    name: 'report',
    summary: 'a decision report per case (PDF or HTML), or a period report',
    load: () => import('./report'),
  },
];
