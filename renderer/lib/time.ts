import { DateTime } from 'luxon';
import type { Language } from '../../shared/model/languages';
import type { ZoneChoice } from '../../shared/model/settings';

/**
 * The policy zone (fixed UTC+8, where the rules count days) as a zone name both Intl and luxon
 * read. "Etc/GMT-8" is UTC+8: the Etc names flip the sign.
 */
export const POLICY_ZONE_NAME = 'Etc/GMT-8';

/** The agent's own zone, as the OS reports it. */
export const agentZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The zone a choice stands for. `agent` is passed by tests so they mean the same anywhere. */
export const zoneOf = (choice: ZoneChoice, agent: string = agentZone()): string =>
  choice === 'policy' ? POLICY_ZONE_NAME : agent;

/** "UTC+08:00": the zone's offset at that instant (a zone with DST has two). */
export function offsetLabel(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat("'UTC'ZZ");
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant on the zone's wall clock, in the UI language, always with its offset; with
 * seconds where they decide an outcome (a request 15 s after a window closed).
 */
export function formatInstant(iso: string, language: Language, zone: string, seconds = false): string {
  const key = `${language}|${zone}|${seconds}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: seconds ? 'medium' : 'short',
      timeZone: zone,
    });
    formatters.set(key, formatter);
  }
  return `${formatter.format(new Date(iso))} ${offsetLabel(iso, zone)}`;
}

/**
 * `<input type="datetime-local">` gives "2026-03-01T10:00" with no zone; it is read in the
 * zone the input says it reads, and the offset in force at that moment is attached. A wall
 * time the clock skips (a DST gap) moves forward by the gap, to the instant the agent can
 * have meant.
 */
export function localInputToIso(value: string, zone: string): string | null {
  if (value === '') return null;
  const local = DateTime.fromISO(value, { zone });
  return local.isValid ? local.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ") : null;
}

/** The instant the zone's calendar day holding `ms` began, as ISO with the zone's offset. */
export function startOfDay(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).startOf('day').toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

/** Splits a span into days/hours/minutes for the countdown. */
export function splitSpan(ms: number): { d: number; h: number; m: number } {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60), m: minutes % 60 };
}

export const HOUR_MS = 3_600_000;
