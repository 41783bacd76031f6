import type { Language } from '../../shared/model/languages';
import {
  OVERRIDES_LISTED_PER_AGENT,
  type AgentOverrides,
  type PeriodFigures,
} from '../../shared/model/period';
import { OUTCOME_TEXTS } from '../../shared/policy';
import { barChart } from './bar-chart';
import { zoned } from './facts';
import { commandHtml, html, type SafeHtml } from './html';
import type { PeriodLabels } from './period-labels';

/** A word for a POSIX shell: the name of an agent in the export command the report prints. */
const shellWord = (text: string) => (/^[\w.@-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

/** One agent's newest overrides with their reasons, and where the rest of them are. */
function agentSection(
  { agent, n, overrides }: AgentOverrides,
  figures: PeriodFigures,
  l: PeriodLabels,
  language: Language,
): SafeHtml {
  const { from, to } = figures.query;
  const more = n - overrides.length;
  const exportCommand = `refund-console export --from ${from} --to ${to} --decided-by ${shellWord(agent)} --overridden`;
  return html`<h3>${l.agentOverrides(agent, n)}</h3>
    <table class="overrides">
      <tr>
        <th>${l.ref}</th>
        <th>${l.when}</th>
        <th>${l.rulesGave}</th>
        <th>${l.recorded}</th>
        <th>${l.reason}</th>
      </tr>
      ${overrides.map(
        (o) =>
          html`<tr>
            <td class="when">${o.ref}</td>
            <td class="when">${zoned(o.decidedAt)}</td>
            <td>${OUTCOME_TEXTS[language][o.rulesGave]}</td>
            <td>${OUTCOME_TEXTS[language][o.recorded]}</td>
            <td class="long">${o.reason}</td>
          </tr>`,
      )}
    </table>
    ${
      more > 0
        ? html`<p class="muted">${l.overridesMore(more, agent)}</p>
            <p>${commandHtml(exportCommand)}</p>`
        : ''
    }`;
}

/**
 * Overrides by agent: every agent's count as a chart, then each agent's newest overrides with
 * their reasons (a long period holds tens of thousands, which nobody reads row by row).
 */
export function overridesSection(figures: PeriodFigures, l: PeriodLabels, language: Language): SafeHtml {
  const agents = figures.overridesByAgent;
  if (agents.length === 0)
    return html`<h2>${l.overrides}</h2>
      <p>${l.noOverrides}</p>`;
  const bars = agents.map(({ agent, n }) => ({ label: agent, value: n, text: String(n) }));
  return html`<h2>${l.overrides}</h2>
    ${barChart(l.overrides, bars)}
    <p class="muted">${l.overridesListed(OVERRIDES_LISTED_PER_AGENT)}</p>
    ${agents.map((agent) => agentSection(agent, figures, l, language))}`;
}
