import { dirname } from 'node:path';
import { SettingsSchema, type SettingsPatch, type SettingsView } from '../../../shared/model/settings';
import { DEFAULT_SERVICE_TARGETS } from '../../../shared/model/service-targets';
import { appendAudit, type CaseStore } from '../core';

/** The settings row that says where this desktop syncs (team/team-status.ts). */
export const TEAM_SERVER_SETTING = 'teamServer';

/** How that row's value is written: always in this key order, so a verifier can write it again. */
export const teamServerText = (server: { url: string; login: string } | null): string =>
  JSON.stringify(server === null ? null : { url: server.url, login: server.login });

// Times show in the policy zone unless the agent asks for their own: the rules count days there.
const DEFAULTS = {
  agentName: '',
  language: 'en',
  timeZone: 'policy',
  theme: 'system',
  serviceTargets: DEFAULT_SERVICE_TARGETS,
} as const;

export function getSettings(store: CaseStore): SettingsView {
  const rows = store.sql('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  // The settings table also keeps larger things (saved import mappings) that are no setting.
  const stored = Object.fromEntries(
    rows
      .filter((row) => Object.hasOwn(SettingsSchema.shape, row.key))
      .map((row) => [row.key, JSON.parse(row.value) as unknown]),
  );
  return { ...DEFAULTS, ...stored, dataFolder: dirname(store.file) } as SettingsView;
}

export function setSettings(store: CaseStore, patch: SettingsPatch): SettingsView {
  store.write(() => {
    const before = getSettings(store);
    const upsert = store.sql(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value));
    }
    appendAudit(store, {
      caseRef: null,
      action: 'settings.set',
      actor: patch.agentName || before.agentName || 'unknown',
      detail: { ...patch },
    });
  });
  return getSettings(store);
}

/** Who a change without an explicit agent is attributed to: the console's configured agent. */
export function currentAgent(store: CaseStore): string {
  return getSettings(store).agentName || 'unknown';
}
