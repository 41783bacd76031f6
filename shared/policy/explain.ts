import type { Decision, DecisionTrace } from '../model/decision';
import { formatMoney } from '../model/money';
import { ACTION_TEXTS } from './clauses';
import { type Language } from '../model/languages';
import type { Hint } from './hints';
import { formatInPolicyZone } from './time';
import { stepFinding } from './trace-words';
import { closeIsExcluded } from './window-close';
import type { Facts } from '../model/facts';
import { wordingOf, type Wording } from './versions';

const LABELS = {
  en: {
    outcome: {
      eligible: 'Eligible',
      conditional: 'Eligible once the customer acts',
      ineligible: 'Not eligible',
      needs_info: 'More information needed',
    },
    refund: 'Cash refund',
    judgedAt: 'Judged as of',
    assumed: '(no application time given: the current time was used)',
    window: 'Window closes',
    validUntil: 'Valid until',
    notIncluding: ', not including',
    windowNone: 'No refund window applies',
    why: 'Why',
    actions: 'The customer must',
    missing: 'Still to ask',
    policy: 'Policy',
    revision: 'revision',
    trace: 'Rules checked, in order',
    hints: 'What would change the outcome',
  },
  zh: {
    outcome: {
      eligible: '可以退款',
      conditional: '客户完成以下操作后可以退款',
      ineligible: '不支持退款',
      needs_info: '需要更多信息',
    },
    refund: '现金退款',
    judgedAt: '判定时间',
    assumed: '（未提供申请时间，按当前时间判定）',
    window: '退款期限截止',
    validUntil: '有效期至',
    notIncluding: '，不含该时刻',
    windowNone: '不适用退款期限',
    why: '依据',
    actions: '客户需要',
    missing: '还需询问',
    policy: '政策版本',
    revision: '修订',
    trace: '依次检查的规则',
    hints: '怎样会改变结果',
  },
} as const;

/** Each outcome in words, per language: the explanation, the reports and anything else that names one. */
export const OUTCOME_TEXTS = { en: LABELS.en.outcome, zh: LABELS.zh.outcome } as const;

/** The decision as an agent reads it: outcome first, then the grounds and the next steps. */
export function renderDecisionText(
  decision: Decision,
  language: Language = 'en',
  hints: readonly Hint[] = [],
  wording: Wording = wordingOf(decision),
  /** The facts judged: a package's expiry is said "valid until …, not including". */
  facts: Facts = {},
): string {
  const l = LABELS[language];
  const lines = [`${l.outcome[decision.outcome]}`];
  if (decision.refundAmount !== null) {
    lines.push(`${l.refund}: ${formatMoney({ amount: decision.refundAmount, currency: decision.currency })}`);
  }
  // Seconds shown: they can be what puts a request on one side of a close or the other.
  const judgedAt = formatInPolicyZone(Date.parse(decision.requestedAt), { seconds: true });
  lines.push(`${l.judgedAt}: ${judgedAt}${decision.requestedAtAssumed ? ` ${l.assumed}` : ''}`);
  if (decision.windowClosesAt === null) lines.push(l.windowNone);
  else {
    const closes = `${formatInPolicyZone(Date.parse(decision.windowClosesAt), { seconds: true })} (${decision.windowClosesAt})`;
    lines.push(
      closeIsExcluded(decision, facts)
        ? `${l.validUntil}: ${closes}${l.notIncluding}`
        : `${l.window}: ${closes}`,
    );
  }
  if (decision.reasons.length > 0) {
    lines.push('', `${l.why}:`, ...decision.reasons.map((r) => `  - [${r.clause}] ${r.text}`));
  }
  if (decision.actions.length > 0) {
    lines.push(
      '',
      `${l.actions}:`,
      ...decision.actions.map((a, i) => `  ${i + 1}. ${ACTION_TEXTS[a][language]}`),
    );
  }
  if (decision.missing.length > 0) {
    lines.push(
      '',
      `${l.missing}:`,
      ...decision.missing.map((f, i) => `  ${i + 1}. ${wording.questions[f][language].question}`),
    );
  }
  if (hints.length > 0) lines.push('', `${l.hints}:`, ...hints.map((hint) => `  - ${hint.text}`));
  if (decision.trace !== undefined) lines.push('', `${l.trace}:`, ...renderTrace(decision.trace, language));
  lines.push('', `${l.policy}: ${decision.policyVersion}, ${l.revision} ${decision.policyRevision}`);
  return `${lines.join('\n')}\n`;
}

const TURNS_AT = { en: 'turns at', zh: '分界时间' } as const;

/** One line per rule checked: `rule (fact=value, …): inside the window`. */
function renderTrace(trace: DecisionTrace, language: Language): string[] {
  return trace.steps.map((step) => {
    const read = Object.entries(step.read)
      .map(([fact, value]) => `${fact}=${value === null ? '?' : String(value)}`)
      .join(', ');
    const at =
      step.at === undefined
        ? ''
        : `; ${TURNS_AT[language]} ${formatInPolicyZone(Date.parse(step.at), { seconds: true })}`;
    return `  ${step.rule} (${read}): ${stepFinding(step, language)}${at}`;
  });
}
