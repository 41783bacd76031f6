import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KINDS } from '../../../shared/model/catalogue';
import { OUTCOMES, type Outcome } from '../../../shared/model/decision';
import { PRODUCT_TYPES, type ProductType } from '../../../shared/model/facts';
import { currentLanguage } from '../../i18n';
import { currentQuery, useQueue } from '../../state/queue';
import { SORT_LABEL, sortOf } from '../../state/queue-query';
import type { QueueQuery } from '../../../shared/model/queue';
import { queueActions } from '../../state/queue-actions';
import { useSettings } from '../../state/settings';
import { useAction } from '../../state/use-action';
import { DrillDown } from './DrillDown';
import { MultiChoice } from './MultiChoice';

const UNASSIGNED = '\u0000unassigned';
type QueueSort = NonNullable<QueueQuery['sort']>;
const SORTS: readonly QueueSort[] = ['deadline', 'breach', 'updated'];

/** Kind, outcome, assignee and provider over the view; saved views and saving the filters as one. */
export function QueueFilters() {
  const { t } = useTranslation();
  const { filters, setFilters, savedViews } = useQueue();
  const agentName = useSettings((s) => s.agentName);
  const { busy, run } = useAction();
  const [provider, setProvider] = useState(filters.provider ?? '');
  const [assignee, setAssignee] = useState(filters.assignee ?? '');
  const [viewName, setViewName] = useState('');
  const language = currentLanguage();

  const typedFilters = () => ({
    ...filters,
    provider: provider.trim() === '' ? undefined : provider.trim(),
    assignee: assignee === UNASSIGNED ? '' : assignee.trim() === '' ? undefined : assignee.trim(),
  });

  return (
    <div className="queue-filters">
      <DrillDown />
      <form
        role="search"
        aria-label={t('queueTools.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          void setFilters(typedFilters());
        }}
      >
        <MultiChoice<ProductType>
          label={t('queueTools.kind')}
          options={PRODUCT_TYPES.map((kind) => ({ value: kind, label: KINDS[kind].label[language] }))}
          chosen={filters.productType}
          onChange={(productType) => void setFilters({ ...filters, productType })}
        />
        <MultiChoice<Outcome>
          label={t('queueTools.outcome')}
          options={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`outcome.${outcome}`) }))}
          chosen={filters.latestOutcome}
          onChange={(latestOutcome) => void setFilters({ ...filters, latestOutcome })}
        />
        <label>
          {t('queueTools.assignee')}
          <input list="assignee-choices" value={assignee} onChange={(e) => setAssignee(e.target.value)} />
        </label>
        <datalist id="assignee-choices">
          <option value={agentName} />
        </datalist>
        <label>
          {t('queueTools.sort')}
          <select
            value={sortOf(currentQuery())}
            onChange={(e) => void setFilters({ ...filters, sort: e.target.value as QueueSort })}
          >
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(SORT_LABEL[sort])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('queueTools.provider')}
          <input value={provider} onChange={(e) => setProvider(e.target.value)} />
        </label>
        <button type="submit">{t('queueTools.filters')}</button>
        <button
          type="button"
          onClick={() => {
            setProvider('');
            setAssignee('');
            void setFilters({});
          }}
        >
          {t('queueTools.clear')}
        </button>
      </form>
      <div className="saved-views" role="group" aria-label={t('queueTools.savedViews')}>
        {savedViews.map((view) => (
          <span key={view.name} className="saved-view">
            <button
              type="button"
              onClick={() => {
                setProvider(view.query.provider ?? '');
                setAssignee(view.query.assignee ?? '');
                void useQueue.setState({ view: 'all' });
                void setFilters(view.query);
              }}
            >
              {view.name} <span className="badge">{view.count}</span>
            </button>
            <button
              type="button"
              className="linkish"
              aria-label={t('queueTools.deleteView', { name: view.name })}
              onClick={() => void run(() => queueActions.deleteView(view.name, agentName))}
            >
              ×
            </button>
          </span>
        ))}
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const name = viewName.trim();
            void run(
              () => queueActions.saveView(name, agentName),
              () => t('queueTools.viewSaved', { name }),
            ).then((done) => done !== undefined && setViewName(''));
          }}
        >
          <label htmlFor="view-name">{t('queueTools.viewName')}</label>
          <input id="view-name" value={viewName} onChange={(e) => setViewName(e.target.value)} />
          <button type="submit" disabled={busy || viewName.trim() === '' || agentName === ''}>
            {t('queueTools.save')}
          </button>
        </form>
      </div>
    </div>
  );
}
