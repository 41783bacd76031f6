import { ImportMappingSchema, type ImportMapping } from '../../../shared/model/import';
import { appendAudit, type CaseStore } from '../core';

// One row of the settings table holds them all: written like a setting, audited like one.
const KEY = 'importMappings';

export function listImportMappings(store: CaseStore): ImportMapping[] {
  const row = store.sql('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (row === undefined) return [];
  // A row this version cannot read is kept as it is, never thrown away; it just lists nothing.
  const parsed = ImportMappingSchema.array().safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : [];
}

function write(
  store: CaseStore,
  mappings: ImportMapping[],
  actor: string,
  detail: Record<string, string>,
): ImportMapping[] {
  const sorted = [...mappings].sort((a, b) => a.name.localeCompare(b.name));
  store.write(() => {
    store
      .sql(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(KEY, JSON.stringify(sorted));
    appendAudit(store, { caseRef: null, action: 'settings.set', actor, detail });
  });
  return sorted;
}

/** Saves a mapping under its name, replacing one of the same name. */
export function saveImportMapping(store: CaseStore, mapping: ImportMapping, actor: string): ImportMapping[] {
  const others = listImportMappings(store).filter((known) => known.name !== mapping.name);
  return write(store, [...others, mapping], actor, { importMappingSaved: mapping.name });
}

export function deleteImportMapping(store: CaseStore, name: string, actor: string): ImportMapping[] {
  const others = listImportMappings(store).filter((known) => known.name !== name);
  return write(store, others, actor, { importMappingDeleted: name });
}
