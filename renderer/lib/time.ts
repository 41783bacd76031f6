import { formatInPolicyZone } from '../../shared/policy/time';
import type { Language } from '../../shared/model/languages';

const formatters = new Map<Language, Intl.DateTimeFormat>();

/** The agent's own zone (whatever the OS says), in the UI language. */
export function formatLocal(iso: string, language: Language): string {
  let formatter = formatters.get(language);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    formatters.set(language, formatter);
  }
  return formatter.format(new Date(iso));
}

/** The policy zone's wall clock, shown on hover: the rules count days there. */
export const policyTime = (iso: string): string => formatInPolicyZone(Date.parse(iso));

/**
 * `<input type="datetime-local">` gives "2026-03-01T10:00" with no zone; the agent means
 * their own zone, so the offset in force at that moment is attached.
 */
export function localInputToIso(value: string): string | null {
  const date = new Date(value);
  if (value === '' || Number.isNaN(date.getTime())) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const local = `${value.length === 16 ? `${value}:00` : value.slice(0, 19)}`;
  return `${local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** Splits a span into days/hours/minutes for the countdown. */
export function splitSpan(ms: number): { d: number; h: number; m: number } {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60), m: minutes % 60 };
}

export const HOUR_MS = 3_600_000;
