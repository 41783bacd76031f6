import type { DecisionApproval } from '../../shared/model/approval';
import type { CaseDetail, DecisionRecord } from '../../shared/model/case';
import { KINDS } from '../../shared/model/catalogue';
import type { DecisionTrace } from '../../shared/model/decision';
import type { DecisionOfRecord } from '../../shared/model/decision-of-record';
import type { Language } from '../../shared/model/languages';
import type { CaseMessage } from '../../shared/model/message';
import { ACTION_TEXTS, formatInPolicyZone, OUTCOME_TEXTS, wordingOf } from '../../shared/policy';
import {
  countingDecision,
  decisionOfRecord,
  recordedAmount,
  waitingDecision,
} from '../../shared/policy/recorded';
import { stepFinding } from '../../shared/policy/trace-words';
import { closeIsExcluded } from '../../shared/policy/window-close';
import { CASE_LABELS, type CaseLabels } from './case-labels';
import { factRows, money, zoned } from './facts';
import { commandHtml, html, shellWord, type SafeHtml } from './html';
import { documentHtml, type PrintOptions } from './page';

/** Everything a case report prints, as the store has it. */
export interface CaseReportData {
  detail: CaseDetail;
  /** The audit chain's newest row, or null for an empty trail. */
  auditHead: { seq: number; hash: string } | null;
  /** The store file, for the command that verifies the chain. */
  storeFile: string;
  printedAt: number;
  /** The customer's messages kept with the case, printed whole as its appendix. */
  messages: CaseMessage[];
}

const fields = (rows: [string, string | SafeHtml][]) =>
  html`<table class="fields">
    ${rows.map(
      ([label, value]) =>
        html`<tr>
          <th>${label}</th>
          <td>${value}</td>
        </tr>`,
    )}
  </table>`;

function caseSection({ summary, customer, provider }: CaseDetail, l: CaseLabels, language: Language) {
  return fields([
    [l.customer, customer.name],
    [l.account, customer.accountId],
    ...(customer.contact === undefined ? [] : [[l.contact, customer.contact] as [string, string]]),
    [l.order, summary.orderId],
    [l.product, summary.productName],
    [l.productKind, summary.productType === null ? l.none : KINDS[summary.productType].label[language]],
    [l.provider, provider],
    [l.assignee, summary.assignee ?? l.none],
  ]);
}

const cashText = (amount: number | null, currency: string, l: CaseLabels) =>
  amount === null ? l.none : money(amount, currency);

/** The recorded outcome; for an override, the rules' own answer beside it, marked as overridden. */
function outcomeText(record: DecisionOfRecord, l: CaseLabels, language: Language): SafeHtml {
  const recorded = OUTCOME_TEXTS[language][record.outcome];
  const stale = record.stale ? html`<br /><span class="warning">${l.stale}</span>` : '';
  if (record.override === null) return html`<span class="lead">${recorded}</span>${stale}`;
  const rules = `${OUTCOME_TEXTS[language][record.rules.outcome]}, ${cashText(record.rules.refundAmount, record.currency, l)}`;
  return html`<span class="lead">${recorded}</span><br /><span class="muted"
      >${l.rulesGave}: ${rules}; ${l.overriddenBy}:</span
    >
    <span class="long">${record.override.reason}</span>${stale}`;
}

/** Team mode's four eyes: whether the decision waits, or which lead answered it and how. */
function approvalText(approval: DecisionApproval, l: CaseLabels): string {
  const answer = approval.answers.filter((a) => a.granted === (approval.state === 'granted')).at(-1);
  if (approval.state === 'waiting' || answer === undefined) return l.approvalWaiting;
  const at = zoned(answer.answeredAt);
  return approval.state === 'granted'
    ? l.approvalGranted(answer.lead, at)
    : l.approvalRefused(answer.lead, at, answer.reason ?? '');
}

function decisionSection(
  detail: CaseDetail,
  record: DecisionRecord,
  l: CaseLabels,
  language: Language,
): SafeHtml {
  const { decision } = record;
  const ofRecord = decisionOfRecord(record, detail.facts, language);
  const deadline = decision.windowClosesAt === null ? null : zoned(decision.windowClosesAt, true);
  // A package's validity is half-open: its expiry instant is itself outside the window.
  const excluded = closeIsExcluded(decision, record.facts);
  const actions =
    ofRecord.actions.length === 0
      ? html`<p>${l.noActions}</p>`
      : html`<ol>
          ${ofRecord.actions.map(
            (action) =>
              html`<li>
                ${ACTION_TEXTS[action][language]}${deadline === null ? '' : html` <span class="muted">(${l.deadline} ${deadline})</span>`}
              </li>`,
          )}
        </ol>`;
  const missing =
    decision.missing.length === 0
      ? ''
      : html`<h2>${l.missing}</h2>
          <ol>
            ${decision.missing.map(
              (fact) => html`<li>${wordingOf(decision).questions[fact][language].question}</li>`,
            )}
          </ol>`;
  return html`${fields([
      [l.outcome, outcomeText(ofRecord, l, language)],
      [
        l.cashRefund,
        html`<span class="lead">${cashText(ofRecord.refundAmount, ofRecord.currency, l)}</span>`,
      ],
      [l.currency, decision.currency],
      [
        l.judgedAt,
        `${zoned(decision.requestedAt, true)}${decision.requestedAtAssumed ? ` (${l.assumed})` : ''}`,
      ],
      excluded ? [l.validUntil, `${deadline}${l.notIncluding}`] : [l.windowCloses, deadline ?? l.noWindow],
      [l.agent, `${record.agent}, ${zoned(record.decidedAt)}`],
      [l.policy, `${l.version} ${decision.policyVersion}, ${l.revision} ${decision.policyRevision}`],
      ...(record.approval ? [[l.approval, approvalText(record.approval, l)] as [string, string]] : []),
    ])}
    <h2>${l.actions}</h2>
    ${actions}${missing}`;
}

/** A decision waiting for a lead: not the decision of record until granted, so apart from it. */
function waitingSection(detail: CaseDetail, l: CaseLabels, language: Language): SafeHtml | '' {
  const waiting = waitingDecision(detail);
  if (waiting === undefined) return '';
  const cash = cashText(recordedAmount(waiting), waiting.decision.currency, l);
  return html`<p class="warning">
    ${l.approvalWaiting} ${OUTCOME_TEXTS[language][waiting.recordedOutcome]}, ${cash} (${waiting.agent},
    ${zoned(waiting.decidedAt)})
  </p>`;
}

const clausesSection = (record: DecisionOfRecord, l: CaseLabels, language: Language) =>
  html`<h2>${l.clauses}</h2>
    ${record.clauses.map(
      (clause) =>
        html`<div class="clause">
          <span class="id">${clause}</span><br />${wordingOf(record).clauses[clause][language]}
        </div>`,
    )}`;

function traceSection(trace: DecisionTrace, l: CaseLabels, language: Language): SafeHtml {
  const rows = trace.steps.map((step) => {
    const read = Object.entries(step.read)
      .map(([fact, value]) => `${fact} = ${value === null ? '?' : String(value)}`)
      .join(', ');
    const at = step.at === undefined ? '' : `; ${l.turnsAt} ${zoned(step.at, true)}`;
    return html`<tr>
      <td class="mono">${step.rule}</td>
      <td class="mono">${read}</td>
      <td>${stepFinding(step, language)}${at}</td>
    </tr>`;
  });
  return html`<h2>${l.trace}</h2>
    <table>
      <tr>
        <th>${l.rule}</th>
        <th>${l.read}</th>
        <th>${l.result}</th>
      </tr>
      ${rows}
    </table>`;
}

function historySection(decisions: readonly DecisionRecord[], l: CaseLabels, language: Language): SafeHtml {
  const rows = decisions.map((record) => {
    const cash = recordedAmount(record);
    const extra = [
      record.override === null
        ? null
        : html`<div><b>${l.override}:</b> <span class="long">${record.override.justification}</span></div>`,
      record.note === null
        ? null
        : html`<div><b>${l.note}:</b> <span class="long">${record.note}</span></div>`,
    ];
    return html`<tr>
        <td class="when">${zoned(record.decidedAt)}</td>
        <td>${record.agent}</td>
        <td>${OUTCOME_TEXTS[language][record.decision.outcome]}</td>
        <td>${OUTCOME_TEXTS[language][record.recordedOutcome]}</td>
        <td class="num">${cashText(cash, record.decision.currency, l)}</td>
        <td>${record.decision.policyRevision}</td>
      </tr>
      ${
        extra.some((part) => part !== null)
          ? html`<tr>
              <td></td>
              <td colspan="5">${extra}</td>
            </tr>`
          : ''
      }`;
  });
  return html`<h2>${l.history}</h2>
    <table>
      <tr>
        <th>${l.when}</th>
        <th>${l.agent}</th>
        <th>${l.rulesGave}</th>
        <th>${l.recorded}</th>
        <th class="num">${l.cashRefund}</th>
        <th>${l.policyRevision}</th>
      </tr>
      ${rows}
    </table>`;
}

function auditSection(data: CaseReportData, l: CaseLabels): SafeHtml {
  if (data.auditHead === null)
    return html`<h2>${l.audit}</h2>
      <p>${l.auditEmpty}</p>`;
  const command = `refund-console --db ${shellWord(data.storeFile)} verify-audit`;
  return html`<h2>${l.audit}</h2>
    ${fields([
      [
        l.auditHead,
        html`<span class="mono">${data.auditHead.hash}</span>
          <span class="muted">(${l.auditRow(data.auditHead.seq)})</span>`,
      ],
      [l.verifyWith, commandHtml(command)],
    ])}`;
}

const signOff = (l: CaseLabels) =>
  html`<h2>${l.signOff}</h2>
    <div class="sign">
      <div>
        <div class="line"></div>
        ${l.signName}
      </div>
      <div>
        <div class="line"></div>
        ${l.signDate}
      </div>
      <div class="wide">
        <div class="line"></div>
        ${l.signature}
      </div>
    </div>`;

/**
 * One case as a printable, self-contained HTML document: what a lead signs off. Every value
 * from the store is escaped, so HTML in a name or a note prints as text. The desktop shell
 * prints this string with printToPDF; the CLI and tests with Chromium's page.pdf.
 */
/** The customer's own words, after the sign-off: what the facts were read from. */
function messagesAppendix(messages: CaseMessage[], l: CaseLabels): SafeHtml | string {
  if (messages.length === 0) return '';
  return html`<h2>${l.messages}</h2>
    ${messages.map(
      (message) =>
        html`<h3>#${message.id} · ${message.addedBy}, ${zoned(message.addedAt)}</h3>
          <p class="long">${message.text}</p>`,
    )}`;
}

export async function caseReportHtml(data: CaseReportData, options: PrintOptions): Promise<string> {
  const { language } = options;
  const l = CASE_LABELS[language];
  const { detail } = data;
  const ref = detail.summary.ref;
  // The decision of record: the latest that counts (one waiting for a lead is in the history).
  const latest = countingDecision(detail);
  const facts = latest?.facts ?? detail.facts;
  const factTable = factRows(facts, language);
  const body = html`<header>
      <h1>${l.title} ${ref}</h1>
      <p class="muted">${l.generated}: ${formatInPolicyZone(data.printedAt)}</p>
    </header>
    <h2>${l.case}</h2>
    ${caseSection(detail, l, language)}
    <h2>${l.decision}</h2>
    ${latest === undefined ? html`<p>${l.noDecision}</p>` : decisionSection(detail, latest, l, language)}
    ${waitingSection(detail, l, language)}
    <h2>${l.facts}</h2>
    ${factTable.length === 0 ? html`<p>${l.noFacts}</p>` : fields(factTable)}
    ${latest === undefined ? '' : clausesSection(decisionOfRecord(latest, detail.facts, language), l, language)}
    ${latest?.decision.trace === undefined ? '' : traceSection(latest.decision.trace, l, language)}
    ${detail.decisions.length === 0 ? '' : historySection(detail.decisions, l, language)}
    ${
      detail.notes.length === 0
        ? ''
        : html`<h2>${l.notes}</h2>
            ${fields(detail.notes.map((note) => [`${note.author}, ${zoned(note.createdAt)}`, html`<span class="long">${note.body}</span>`]))}`
    }
    ${auditSection(data, l)} ${signOff(l)} ${messagesAppendix(data.messages, l)}`;
  return documentHtml(options, {
    title: `${l.title} ${ref}`,
    footer: `${l.title} ${ref}`,
    pageOf: l.page,
    body,
  });
}
