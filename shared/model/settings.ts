import { z } from 'zod';
import { LANGUAGES } from './languages';

/** The console's own settings, kept in the store. */
export const SettingsSchema = z.object({
  agentName: z.string().max(100),
  language: z.enum(LANGUAGES),
});
export type Settings = z.output<typeof SettingsSchema>;
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.output<typeof SettingsPatchSchema>;

/** The settings as the console reads them: with the folder the store lives in. */
export const SettingsViewSchema = SettingsSchema.extend({ dataFolder: z.string() });
export type SettingsView = z.output<typeof SettingsViewSchema>;

export const BackupInfoSchema = z.object({ file: z.string(), createdAt: z.string(), bytes: z.number() });
export type BackupInfo = z.output<typeof BackupInfoSchema>;
