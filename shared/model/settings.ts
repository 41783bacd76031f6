import { z } from 'zod';
import { LANGUAGES } from './languages';
import { ServiceTargetsSchema } from './service-targets';

/** Which clock the console shows times on: the policy zone (UTC+8) or the agent's own. */
export const ZONE_CHOICES = ['policy', 'agent'] as const;
export type ZoneChoice = (typeof ZONE_CHOICES)[number];

/** The console's colours: as the system, or always light or dark. */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** The console's own settings, kept in the store. */
export const SettingsSchema = z.object({
  agentName: z.string().max(100),
  language: z.enum(LANGUAGES),
  timeZone: z.enum(ZONE_CHOICES),
  theme: z.enum(THEME_CHOICES),
  /** First-response and resolution targets per product kind (shared/model/service-targets.ts). */
  serviceTargets: ServiceTargetsSchema,
});
export type Settings = z.output<typeof SettingsSchema>;
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.output<typeof SettingsPatchSchema>;

/** The settings as the console reads them: with the folder the store lives in. */
export const SettingsViewSchema = SettingsSchema.extend({ dataFolder: z.string() });
export type SettingsView = z.output<typeof SettingsViewSchema>;

/** A backup of the store: the daily one taken at start, or one taken by hand. */
export const BackupInfoSchema = z.object({
  file: z.string(),
  createdAt: z.string(),
  bytes: z.number(),
  kind: z.enum(['automatic', 'manual']),
});
export type BackupInfo = z.output<typeof BackupInfoSchema>;
