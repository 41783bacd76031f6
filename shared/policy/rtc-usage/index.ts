export { explainUsage } from './explain';
export { callMinutesForPeople } from './units';
export {
  parseUsageInput,
  formatInputError,
  usageInputSchema,
  type UsageInput,
  type UsageInputJson,
  type InputError,
  type ParseResult,
} from './schema';
export { renderUsageText, LANGS, type Lang } from './text';
export {
  FACTOR_TABLE,
  MAX_COVERED_RESOLUTION,
  factorFor,
  type FactorRow,
  type CallType,
  type CallKind,
} from './conversion';
export { RELAY_DEFAULT_PROFILE, RELAY_DEFAULT_PROFILE_FROM } from './relay';
export type { UsageBreakdown, UsageLine, PackageDraw, PackageBalance, RelayLine } from './types';
