import { DateTime } from 'luxon';
import { formatInPolicyZone } from '../../shared/policy/time';
import type { Language } from '../../shared/model/languages';

// `zone` is an IANA name; left out, it is the agent's own zone (whatever the OS says). Tests
// pass one, so they mean the same wherever they run.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** An instant on the agent's wall clock, in the UI language. */
export function formatLocal(iso: string, language: Language, zone?: string): string {
  const key = `${language}|${zone ?? ''}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: zone,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}

/** The policy zone's wall clock, shown on hover: the rules count days there. */
export const policyTime = (iso: string): string => formatInPolicyZone(Date.parse(iso));

/**
 * `<input type="datetime-local">` gives "2026-03-01T10:00" with no zone; the agent means
 * their own zone, so the offset in force at that moment is attached. A wall time the clock
 * skips (a DST gap) moves forward by the gap, to the instant the agent can have meant.
 */
export function localInputToIso(value: string, zone?: string): string | null {
  if (value === '') return null;
  const local = DateTime.fromISO(value, { zone: zone ?? 'local' });
  return local.isValid ? local.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ") : null;
}

/** Splits a span into days/hours/minutes for the countdown. */
export function splitSpan(ms: number): { d: number; h: number; m: number } {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60), m: minutes % 60 };
}

export const HOUR_MS = 3_600_000;
