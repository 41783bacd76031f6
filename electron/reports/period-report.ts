import { KINDS } from '../../shared/model/catalogue';
import type { Language } from '../../shared/model/languages';
import type { ProductType } from '../../shared/model/facts';
import type { CashRefunded, Counted, PeriodFigures } from '../../shared/model/period';
import { OUTCOME_TEXTS } from '../../shared/policy';
import { barChart, type Bar } from './bar-chart';
import { money, zoned } from './facts';
import { html, type SafeHtml } from './html';
import { documentHtml, type PrintOptions } from './page';
import { PERIOD_LABELS, type PeriodLabels } from './period-labels';
import { overridesSection } from './period-overrides';

const percent = (n: number, total: number) => (total === 0 ? '0%' : `${((n / total) * 100).toFixed(1)}%`);

/** A chart of counts with the same numbers as a table under it. */
function countSection(
  title: string,
  rows: { label: string; n: number }[],
  total: number,
  l: PeriodLabels,
  head: string,
) {
  const bars: Bar[] = rows.map((row) => ({ label: row.label, value: row.n, text: String(row.n) }));
  return html`<section class="block">
    <h2>${title}</h2>
    ${barChart(title, bars)}
    <table>
      <tr>
        <th>${head}</th>
        <th class="num">${l.cases}</th>
        <th class="num">${l.share}</th>
      </tr>
      ${rows.map(
        (row) =>
          html`<tr>
            <td>${row.label}</td>
            <td class="num">${row.n}</td>
            <td class="num">${percent(row.n, total)}</td>
          </tr>`,
      )}
    </table>
  </section>`;
}

const kindLabel = (kind: ProductType | null, l: PeriodLabels, language: Language) =>
  kind === null ? l.unknownKind : KINDS[kind].label[language];

const labelled = <K>(counted: Counted<K>[], label: (key: K) => string) =>
  counted.map(({ key, n }) => ({ label: label(key), n }));

/** The largest groups by name and the rest as one row, so a chart of 300 providers stays a page. */
const TOP = 12;
function topAndRest(rows: { label: string; n: number }[], rest: (groups: number) => string) {
  if (rows.length <= TOP + 1) return rows;
  const others = rows.slice(TOP);
  return [
    ...rows.slice(0, TOP),
    { label: rest(others.length), n: others.reduce((sum, row) => sum + row.n, 0) },
  ];
}

/** Cash refunded per currency, and per group when `head` names one (the first TOP groups). */
function cashSection(
  title: string,
  rows: readonly (CashRefunded & { label?: string })[],
  l: PeriodLabels,
  head?: string,
  countHead: string = l.cashCases,
): SafeHtml {
  const shown = rows.slice(0, TOP);
  // No chart here: amounts in different currencies share no scale, so only the table shows them.
  return html`<section class="block">
    <h2>${title}</h2>
    <table>
      <tr>
        ${head === undefined ? '' : html`<th>${head}</th>`}
        <th>${l.currency}</th>
        <th class="num">${l.amount}</th>
        <th class="num">${countHead}</th>
      </tr>
      ${shown.map(
        (row) =>
          html`<tr>
            ${head === undefined ? '' : html`<td>${row.label}</td>`}
            <td>${row.currency}</td>
            <td class="num">${money(row.amount, row.currency)}</td>
            <td class="num">${row.cases}</td>
          </tr>`,
      )}
    </table>
    ${shown.length < rows.length ? html`<p class="muted">${l.more(shown.length, rows.length)}</p>` : ''}
  </section>`;
}

function delaySection({ requestToDecision: d }: PeriodFigures, l: PeriodLabels): SafeHtml {
  const text = (ms: number | null) => (ms === null ? '—' : l.days(ms));
  return html`<section class="block">
    <h2>${l.delay}</h2>
    <table class="fields">
      <tr>
        <th>${l.median}</th>
        <td>${text(d.medianMs)}</td>
      </tr>
      <tr>
        <th>${l.p90}</th>
        <td>${text(d.p90Ms)}</td>
      </tr>
      <tr>
        <th>${l.cases}</th>
        <td>${d.cases}</td>
      </tr>
    </table>
    <p class="muted">${l.delayNote}</p>
  </section>`;
}

function closingSection(figures: PeriodFigures, l: PeriodLabels): SafeHtml {
  const { total, cases } = figures.closingSoon;
  const title = l.closing(figures.query.closingDays);
  if (total === 0)
    return html`<h2>${title}</h2>
      <p>${l.noClosing}</p>`;
  return html`<h2>${title}</h2>
    <table>
      <tr>
        <th>${l.ref}</th>
        <th>${l.customer}</th>
        <th>${l.status}</th>
        <th>${l.closes}</th>
      </tr>
      ${cases.map(
        (c) =>
          html`<tr>
            <td>${c.ref}</td>
            <td>${c.customerName}</td>
            <td>${l.statuses[c.status]}</td>
            <td class="when">${zoned(c.windowClosesAt)}</td>
          </tr>`,
      )}
    </table>
    ${cases.length < total ? html`<p class="muted">${l.more(cases.length, total)}</p>` : ''}`;
}

function newerSection(figures: PeriodFigures, l: PeriodLabels, language: Language): SafeHtml {
  const newer = figures.newerRevision;
  if (newer === null) return html``;
  if (newer.total === 0)
    return html`<h2>${l.newer(newer.revision)}</h2>
      <p>${l.newerNone(newer.revision)}</p>`;
  const gist = (
    g: { outcome: keyof (typeof OUTCOME_TEXTS)['en']; refundAmount: number | null; revision: string },
    currency: string,
  ) =>
    `${OUTCOME_TEXTS[language][g.outcome]}${g.refundAmount === null ? '' : `, ${money(g.refundAmount, currency)}`} (${g.revision})`;
  return html`<h2>${l.newer(newer.revision)}</h2>
    <table>
      <tr>
        <th>${l.ref}</th>
        <th>${l.before}</th>
        <th>${l.after}</th>
      </tr>
      ${newer.cases.map(
        (c) =>
          html`<tr>
            <td>${c.ref}</td>
            <td>${gist(c.before, c.currency)}</td>
            <td>${gist(c.after, c.currency)}</td>
          </tr>`,
      )}
    </table>
    ${newer.cases.length < newer.total ? html`<p class="muted">${l.more(newer.cases.length, newer.total)}</p>` : ''}`;
}

function filtersText(figures: PeriodFigures, l: PeriodLabels, language: Language): string {
  const { kind, provider, agent } = figures.query;
  const parts = [
    kind === undefined || kind.length === 0
      ? null
      : `${l.kind}: ${kind.map((k) => KINDS[k].label[language]).join(', ')}`,
    provider === undefined ? null : `${l.provider}: ${provider}`,
    agent === undefined ? null : `${l.agent}: ${agent}`,
  ].filter((part) => part !== null);
  return parts.length === 0 ? l.noFilters : parts.join('; ');
}

/** A period's figures as a printable HTML document: each chart with its numbers as a table. */
export async function periodReportHtml(figures: PeriodFigures, options: PrintOptions): Promise<string> {
  const { language } = options;
  const l = PERIOD_LABELS[language];
  const total = figures.decidedCases;
  const span = `${zoned(figures.query.from)} – ${zoned(figures.query.to)}`;
  const decided =
    total === 0
      ? html`<p>${l.empty}</p>`
      : html`${countSection(
          l.byOutcome,
          labelled(figures.byOutcome, (o) => OUTCOME_TEXTS[language][o]),
          total,
          l,
          l.outcomeHead,
        )}
        ${countSection(
          l.byKind,
          labelled(figures.byKind, (k) => kindLabel(k, l, language)),
          total,
          l,
          l.kindHead,
        )}
        ${countSection(
          l.byProvider,
          topAndRest(
            labelled(figures.byProvider, (p) => p),
            l.otherProviders,
          ),
          total,
          l,
          l.providerHead,
        )}
        ${cashSection(l.cash, figures.cashRefunded, l)}
        ${cashSection(
          l.cashByKind,
          figures.cashByKind.map((row) => ({ ...row, label: kindLabel(row.key, l, language) })),
          l,
          l.kindHead,
        )}
        ${cashSection(
          l.cashByProvider,
          figures.cashByProvider.map((row) => ({ ...row, label: row.key })),
          l,
          l.providerHead,
        )}
        ${delaySection(figures, l)}`;
  const moved =
    figures.overrideCost.length === 0
      ? ''
      : cashSection(
          l.overrideCost,
          figures.overrideCost.map((row) => ({ ...row, label: row.key })),
          l,
          l.agentHead,
          l.overridesHead,
        );
  const body = html`<header>
      <h1>${l.title}</h1>
      <table class="fields">
        <tr>
          <th>${l.period}</th>
          <td>${span}</td>
        </tr>
        <tr>
          <th>${l.filters}</th>
          <td>${filtersText(figures, l, language)}</td>
        </tr>
        <tr>
          <th>${l.decidedCases}</th>
          <td class="lead">${total}</td>
        </tr>
        <tr>
          <th>${l.printed}</th>
          <td>${zoned(figures.at)}</td>
        </tr>
      </table>
      <p class="muted">${l.countNote}</p>
    </header>
    ${decided} ${overridesSection(figures, l, language)} ${moved} ${closingSection(figures, l)}
    ${newerSection(figures, l, language)}`;
  return documentHtml(options, {
    title: `${l.title} ${span}`,
    footer: `${l.title} ${span}`,
    pageOf: l.page,
    body,
  });
}
