import { SERVICE_CLOCKS } from '../../../shared/model/service-targets';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KINDS } from '../../../shared/model/catalogue';
import type { DashboardFigures, DashboardQuery } from '../../../shared/model/dashboard';
import { api, call } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { useQueue } from '../../state/queue';
import { useRoute } from '../../state/route';
import { CashTable } from './CashTable';
import { FigureSection, type FigureRow } from './FigureSection';
import { drillFilters, policyDate, presetPeriod, PRESETS, type Drill, type Preset } from './period';
import './dashboard.css';

/** The largest groups by name and the rest as one row (not a filter), as the period report does. */
const TOP = 12;

function useDuration() {
  const { t } = useTranslation();
  return (ms: number | null) => {
    if (ms === null) return t('dashboard.noDuration');
    const minutes = Math.round(ms / 60_000);
    if (minutes < 60) return t('dashboard.durationMinutes', { m: minutes });
    if (minutes < 48 * 60)
      return t('dashboard.durationHours', { h: Math.floor(minutes / 60), m: minutes % 60 });
    return t('dashboard.durationDays', {
      d: Math.floor(minutes / 1440),
      h: Math.floor((minutes % 1440) / 60),
    });
  };
}

/** Today, the last 7 or 30 days, or two dates: whole days of the policy zone (UTC+8). */
function PeriodPicker({ onChange }: { onChange: (query: Pick<DashboardQuery, 'from' | 'to'>) => void }) {
  const { t } = useTranslation();
  const [preset, setPreset] = useState<Preset>('days7');
  const today = policyDate(Date.now());
  const [from, setFrom] = useState(presetPeriod('days7', Date.now()).from);
  const [to, setTo] = useState(today);
  return (
    <form
      className="dashboard-period"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ from, to });
      }}
    >
      <fieldset>
        <legend>{t('dashboard.period')}</legend>
        {PRESETS.map((choice) => (
          <label key={choice} className="radio">
            <input
              type="radio"
              name="dashboard-period"
              checked={preset === choice}
              onChange={() => {
                setPreset(choice);
                if (choice !== 'custom') onChange(presetPeriod(choice, Date.now()));
              }}
            />
            {t(`dashboard.${choice}`)}
          </label>
        ))}
      </fieldset>
      {preset === 'custom' && (
        <>
          <label>
            {t('dashboard.from')}
            <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} required />
          </label>
          <label>
            {t('dashboard.to')}
            <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} required />
          </label>
          <button type="submit">{t('dashboard.show')}</button>
        </>
      )}
    </form>
  );
}

export function DashboardScreen() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const duration = useDuration();
  const go = useRoute((s) => s.go);
  const [period, setPeriod] = useState(() => presetPeriod('days7', Date.now()));
  const [figures, setFigures] = useState<DashboardFigures | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    call(api['dashboard.figures']({ ...period, closingDays: 7 }))
      .then((answer) => current && setFigures(answer))
      .catch((failure: Error) => current && setError(failure.message));
    return () => {
      current = false;
    };
  }, [period]);

  const open = (drill: Drill) => {
    if (figures === null) return;
    useQueue.setState({ view: 'all', query: '', filters: drillFilters(figures, drill), chosen: new Set() });
    go({ name: 'queue' });
  };
  const rows = <K,>(
    counted: { key: K; n: number }[],
    label: (key: K) => string,
    drill: (key: K) => Drill | null,
  ) => {
    const all: FigureRow[] = counted.map(({ key, n }) => {
      const target = drill(key);
      return { label: label(key), n, open: target === null ? undefined : () => open(target) };
    });
    if (all.length <= TOP + 1) return all;
    const rest = all.slice(TOP);
    return [
      ...all.slice(0, TOP),
      { label: t('dashboard.others', { count: rest.length }), n: rest.reduce((sum, row) => sum + row.n, 0) },
    ];
  };

  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      <p className="hint">{t('dashboard.intro')}</p>
      <PeriodPicker onChange={setPeriod} />
      {error !== null && (
        <p role="alert" className="error">
          {t('common.error', { message: error })}
        </p>
      )}
      {figures === null ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('dashboard.range', { from: figures.query.from, to: figures.query.to })}
          </p>
          <dl className="dashboard-tiles">
            <div>
              <dt>{t('dashboard.decidedCases')}</dt>
              <dd>{figures.decidedCases.toLocaleString(language === 'zh' ? 'zh-CN' : 'en')}</dd>
            </div>
            <div>
              <dt>{t('dashboard.median')}</dt>
              <dd>{duration(figures.requestToDecision.medianMs)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.p90')}</dt>
              <dd>{duration(figures.requestToDecision.p90Ms)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.closingTotal', { days: figures.query.closingDays })}</dt>
              <dd>{figures.closing.total.toLocaleString(language === 'zh' ? 'zh-CN' : 'en')}</dd>
            </div>
            {SERVICE_CLOCKS.map((clock) => (
              <div key={clock} className={figures.breaches[clock] > 0 ? 'breached' : undefined}>
                <dt>{t(`dashboard.breached.${clock}`)}</dt>
                <dd>{figures.breaches[clock].toLocaleString(language === 'zh' ? 'zh-CN' : 'en')}</dd>
              </div>
            ))}
          </dl>
          <p className="muted small">
            {t('dashboard.delayNote', { count: figures.requestToDecision.cases })}
          </p>
          <div className="dashboard-grid">
            <FigureSection
              id="by-outcome"
              title={t('dashboard.byOutcome')}
              head={t('dashboard.outcome')}
              rows={rows(
                figures.byOutcome,
                (key) => t(`outcome.${key}`),
                (key) => ({ by: 'outcome', key }),
              )}
              total={figures.decidedCases}
            />
            <FigureSection
              id="by-kind"
              title={t('dashboard.byKind')}
              head={t('dashboard.kind')}
              rows={rows(
                figures.byKind,
                (key) => (key === null ? t('dashboard.noKind') : KINDS[key].label[language]),
                (key) => (key === null ? null : { by: 'kind', key }),
              )}
              total={figures.decidedCases}
            />
            <FigureSection
              id="by-provider"
              title={t('dashboard.byProvider')}
              head={t('dashboard.provider')}
              rows={rows(
                figures.byProvider,
                (key) => key,
                (key) => ({ by: 'provider', key }),
              )}
              total={figures.decidedCases}
            />
            <FigureSection
              id="overrides"
              title={t('dashboard.overrides')}
              head={t('dashboard.agent')}
              countHead={t('dashboard.count')}
              rows={rows(
                figures.overridesByAgent,
                (key) => key,
                (key) => ({ by: 'agent', key }),
              )}
            />
            <FigureSection
              id="closing"
              title={t('dashboard.closing')}
              head={t('dashboard.day')}
              rows={figures.closing.byDay.map((day) => ({
                label: day.day,
                n: day.n,
                open: day.n === 0 ? undefined : () => open({ by: 'closing', from: day.from, to: day.to }),
              }))}
              keepEmpty
            />
            <CashTable id="cash" title={t('dashboard.cash')} rows={figures.cashRefunded} />
            <CashTable
              id="cash-by-kind"
              title={t('dashboard.cashByKind')}
              head={t('dashboard.kind')}
              rows={figures.cashByKind.map((row) => ({
                ...row,
                label: row.key === null ? t('dashboard.noKind') : KINDS[row.key].label[language],
              }))}
            />
            <CashTable
              id="cash-by-provider"
              title={t('dashboard.cashByProvider')}
              head={t('dashboard.provider')}
              rows={figures.cashByProvider.map((row) => ({ ...row, label: row.key }))}
            />
            <CashTable
              id="override-cost"
              title={t('dashboard.overrideCost')}
              head={t('dashboard.agent')}
              countHead={t('dashboard.count')}
              rows={figures.overrideCost.map((row) => ({ ...row, label: row.key }))}
            />
          </div>
        </>
      )}
    </section>
  );
}
