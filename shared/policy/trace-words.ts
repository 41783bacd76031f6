import type { TraceStep } from '../model/decision';
import type { Language } from '../model/languages';

/**
 * What a trace step found, in words: `holds` is true for "inside" on a window but for
 * "refused" on an expiry or an exclusion, so each kind of step names its own finding.
 */
type Finding = Record<Language, { true: string; false: string }>;

const WINDOW: Finding = {
  en: { true: 'inside the window', false: 'outside the window' },
  zh: { true: '在期限内', false: '已超出期限' },
};
const EXCLUSION: Finding = {
  en: { true: 'excluded', false: 'not excluded' },
  zh: { true: '属于除外情形', false: '不属于除外情形' },
};
const EXPIRED: Finding = {
  en: { true: 'expired', false: 'not expired' },
  zh: { true: '已过期', false: '未过期' },
};
const SILENCE: Finding = {
  en: { true: 'silence period passed', false: 'silence period not passed' },
  zh: { true: '静默期已过', false: '静默期未过' },
};
const APPLIES: Finding = {
  en: { true: 'applies', false: 'does not apply' },
  zh: { true: '适用', false: '不适用' },
};
const NOT_KNOWN: Record<Language, string> = { en: 'not known yet', zh: '尚不确定' };

function findingOf(rule: string): Finding {
  if (rule.endsWith('-window')) return WINDOW;
  if (rule.startsWith('exclusion.')) return EXCLUSION;
  if (rule === 'rtc.expired') return EXPIRED;
  if (rule === 'service.silence-months') return SILENCE;
  return APPLIES;
}

/** "inside the window", "excluded", "not expired"…, or "not known yet" while the facts cannot tell. */
export function stepFinding(step: Pick<TraceStep, 'rule' | 'holds'>, language: Language): string {
  if (step.holds === null) return NOT_KNOWN[language];
  return findingOf(step.rule)[language][step.holds ? 'true' : 'false'];
}
