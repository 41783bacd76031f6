import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isTyping } from '../../lib/keys';
import { currentQuery, useQueue, VIEWS } from '../../state/queue';
import { queueActions } from '../../state/queue-actions';
import { SORT_LABEL, sortOf } from '../../state/queue-query';
import { useRoute } from '../../state/route';
import { useSettings } from '../../state/settings';
import { useUi } from '../../state/ui';
import { ExportButton } from '../export/ExportDialog';
import { useAction } from '../../state/use-action';
import { inputOfFile, useIncoming } from '../../state/incoming';
import { BulkBar } from './BulkBar';
import { QueueFilters } from './QueueFilters';
import { QueueRow, ROW_HEIGHT } from './QueueRow';
import { useFormatInstant } from '../../components/When';
import { teamActions, teamClaims, useCaseSyncStates } from '../../state/team';
import { claimText } from '../team/claim-text';

/** Pages load while the agent is this many rows from the end of what is loaded. */
const PREFETCH_ROWS = 60;

export function QueueScreen() {
  const { t } = useTranslation();
  const { view, items, total, next, loading, query, selected, setView, reload, loadMore, setQuery, select } =
    useQueue();
  const chosen = useQueue((s) => s.chosen);
  const toggleChosen = useQueue((s) => s.toggleChosen);
  const loadSavedViews = useQueue((s) => s.loadSavedViews);
  const agentName = useSettings((s) => s.agentName);
  const { busy, run } = useAction();
  const go = useRoute((s) => s.go);
  const scroller = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const searchRequested = useUi((s) => s.searchRequested);
  const receive = useIncoming((s) => s.receive);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const rows = virtualizer.getVirtualItems();
  const lastRow = rows.at(-1)?.index ?? 0;
  const formatInstant = useFormatInstant();
  useCaseSyncStates(
    rows.map((row) => items[row.index]?.ref ?? '').filter((ref) => ref !== ''),
    items,
  );

  useEffect(() => void reload(), [reload]);
  useEffect(() => void loadSavedViews(), [loadSavedViews]);
  useEffect(() => {
    if (!searchRequested) return;
    search.current?.focus();
    useUi.setState({ searchRequested: false });
  }, [searchRequested]);
  useEffect(() => {
    if (next !== null && lastRow >= items.length - PREFETCH_ROWS) void loadMore();
  }, [lastRow, items.length, next, loadMore]);

  // A message pasted on the queue (not into its search) opens a new case from it.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isTyping(event.target)) return;
      const file = event.clipboardData?.files[0];
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (file === undefined && text.trim() === '') return;
      event.preventDefault();
      void (file === undefined ? receive({ text }) : inputOfFile(file).then(receive));
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [receive]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const { selected: current, items: list } = useQueue.getState();
      const move = event.key === 'j' ? 1 : event.key === 'k' ? -1 : 0;
      if (move !== 0) {
        select(current + move);
        virtualizer.scrollToIndex(Math.max(0, current + move), { align: 'auto' });
      } else if (event.key === 'Enter' && list[current]) {
        go({ name: 'case', ref: list[current].ref });
      } else if (event.key === 'x' && list[current]) {
        toggleChosen(list[current].ref);
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select, go, virtualizer, toggleChosen]);

  const searching = query.trim() !== '';
  const claimNext = async () => {
    if (teamClaims()) return claimNextOnTeam();
    const claimed = await run(() => queueActions.claimNext(agentName));
    if (claimed === undefined) return;
    if (claimed === null) return useUi.getState().notify(t('lifecycle.noneToClaim'));
    // The store claims the open unassigned case whose refund window ends first, else the oldest.
    const { ref, windowClosesAt } = claimed;
    useUi
      .getState()
      .notify(
        windowClosesAt === null
          ? t('lifecycle.claimedOldest', { ref })
          : t('lifecycle.claimed', { ref, when: formatInstant(windowClosesAt) }),
      );
    go({ name: 'case', ref });
  };
  // In team mode the team server grants the claim (or, offline, it is provisional until a sync).
  const claimNextOnTeam = async () => {
    const claimed = await run(() => teamActions.claimNext(agentName));
    if (claimed === undefined) return;
    if (claimed === null) return useUi.getState().notify(t('lifecycle.noneToClaim'));
    useUi.getState().notify(claimText(t, claimed.ref, claimed.claim, formatInstant));
    go({ name: 'case', ref: claimed.ref });
  };
  return (
    <section
      className="queue"
      aria-labelledby="queue-title"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        const file = event.dataTransfer.files[0];
        if (file === undefined) return;
        event.preventDefault();
        void inputOfFile(file).then(receive);
      }}
    >
      <div className="queue-tools">
        <h1 id="queue-title">{t('queue.title')}</h1>
        <input
          ref={search}
          id="queue-search"
          type="search"
          aria-label={t('queue.search')}
          placeholder={t('queue.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && items[0])
              go({ name: 'case', ref: items[selected]?.ref ?? items[0].ref });
          }}
        />
        <ExportButton />
        <button
          type="button"
          className="primary"
          disabled={busy || agentName === ''}
          onClick={() => void claimNext()}
        >
          {t('lifecycle.claimNext')}
        </button>
      </div>
      <div className="views" role="group" aria-label={t('queue.views')}>
        {VIEWS.map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={!searching && view === name}
            onClick={() => void setView(name)}
          >
            {t(`queue.view.${name}`)}
          </button>
        ))}
        <span className="muted count" aria-live="polite">
          {searching
            ? t('queue.results', { count: items.length, query: query.trim() })
            : t('queue.count', {
                shown: items.length,
                total,
                sort: t(SORT_LABEL[sortOf(currentQuery())]),
              })}
        </span>
      </div>
      <QueueFilters />
      <BulkBar />
      <div className="queue-head" aria-hidden="true">
        <span />
        <span>{t('queue.col.ref')}</span>
        <span>{t('queue.col.customer')}</span>
        <span>{t('queue.col.kind')}</span>
        <span className="queue-amount">{t('queue.col.amount')}</span>
        <span>{t('queue.col.status')}</span>
        <span>{t('queue.col.outcome')}</span>
        <span>{t('queue.col.deadline')}</span>
        <span>{t('queue.col.age')}</span>
        <span>{t('queue.col.assignee')}</span>
      </div>
      <div
        ref={scroller}
        className="queue-scroll"
        role="listbox"
        tabIndex={0}
        aria-label={t('queue.list')}
        aria-busy={loading}
        aria-activedescendant={items[selected] ? `row-${items[selected].ref}` : undefined}
      >
        <div className="queue-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const item = items[row.index]!;
            return (
              <QueueRow
                key={item.ref}
                item={item}
                top={row.start}
                selected={row.index === selected}
                chosen={chosen.has(item.ref)}
                onOpen={() => go({ name: 'case', ref: item.ref })}
                onChoose={() => toggleChosen(item.ref)}
              />
            );
          })}
        </div>
      </div>
      {!loading && items.length === 0 && <p className="empty">{t('queue.empty')}</p>}
      <p className="muted hint">
        {t('queue.hint')} · {t('message.onQueue')}
      </p>
    </section>
  );
}
