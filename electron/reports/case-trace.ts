import { FACTS } from '../../shared/model/catalogue';
import type { Decision, DecisionTrace } from '../../shared/model/decision';
import type { Language } from '../../shared/model/languages';
import { stepFinding } from '../../shared/policy/trace-words';
import type { CaseLabels } from './case-labels';
import { money, zoned } from './facts';
import { html, type SafeHtml } from './html';

/** A value a rule read, as the trace stored it; an amount in minor units reads as money. */
function readText(fact: string, value: unknown, currency: string): string {
  if (value === null) return '?';
  const entry = Object.hasOwn(FACTS, fact) ? FACTS[fact as keyof typeof FACTS] : undefined;
  return entry?.input.kind === 'money' && typeof value === 'number' ? money(value, currency) : String(value);
}

/** The rules checked, in order: each rule's id (never broken), what it read, whether it held. */
export function traceSection(
  { trace, currency }: Pick<Decision, 'currency'> & { trace: DecisionTrace },
  l: CaseLabels,
  language: Language,
): SafeHtml {
  const rows = trace.steps.map((step) => {
    // Each "fact = value" stays on one line; the list breaks between them.
    const read = Object.entries(step.read).map(
      ([fact, value], i) =>
        html`${i === 0 ? '' : ', '}<span class="word">${fact} = ${readText(fact, value, currency)}</span>`,
    );
    const at = step.at === undefined ? '' : `; ${l.turnsAt} ${zoned(step.at, true)}`;
    return html`<tr>
      <td class="mono rule">${step.rule}</td>
      <td class="mono">${read}</td>
      <td>${stepFinding(step, language)}${at}</td>
    </tr>`;
  });
  return html`<section class="block">
    <h2>${l.trace}</h2>
    <table>
      <tr>
        <th>${l.rule}</th>
        <th>${l.read}</th>
        <th>${l.result}</th>
      </tr>
      ${rows}
    </table>
  </section>`;
}
