import type { OptionSpec } from '../command';
import { UsageError } from '../errors';

export const EXPLAIN_OPTIONS = {
  explain: { type: 'boolean', help: 'readable text instead of JSON' },
  lang: { type: 'string', value: 'en|zh', help: 'the language of --explain (default en)' },
} as const satisfies Record<string, OptionSpec>;

export function language(lang: string | undefined): 'en' | 'zh' {
  if (lang === undefined || lang === 'en' || lang === 'zh') return lang ?? 'en';
  throw new UsageError('--lang must be en or zh');
}
