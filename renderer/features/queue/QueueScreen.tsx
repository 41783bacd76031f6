import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isTyping } from '../../lib/keys';
import { useQueue, VIEWS } from '../../state/queue';
import { useRoute } from '../../state/route';
import { useUi } from '../../state/ui';
import { ExportButton } from '../export/ExportDialog';
import { QueueRow, ROW_HEIGHT } from './QueueRow';

/** Pages load while the agent is this many rows from the end of what is loaded. */
const PREFETCH_ROWS = 60;

export function QueueScreen() {
  const { t } = useTranslation();
  const { view, items, total, next, loading, query, selected, setView, reload, loadMore, setQuery, select } =
    useQueue();
  const go = useRoute((s) => s.go);
  const scroller = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const searchRequested = useUi((s) => s.searchRequested);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const rows = virtualizer.getVirtualItems();
  const lastRow = rows.at(-1)?.index ?? 0;

  useEffect(() => void reload(), [reload]);
  useEffect(() => {
    if (!searchRequested) return;
    search.current?.focus();
    useUi.setState({ searchRequested: false });
  }, [searchRequested]);
  useEffect(() => {
    if (next !== null && lastRow >= items.length - PREFETCH_ROWS) void loadMore();
  }, [lastRow, items.length, next, loadMore]);

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
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select, go, virtualizer]);

  const searching = query.trim() !== '';
  return (
    <section className="queue" aria-labelledby="queue-title">
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
            : t('queue.count', { shown: items.length, total })}
        </span>
      </div>
      <div className="queue-head" aria-hidden="true">
        <span>{t('queue.col.ref')}</span>
        <span>{t('queue.col.customer')}</span>
        <span>{t('queue.col.kind')}</span>
        <span>{t('queue.col.status')}</span>
        <span>{t('queue.col.outcome')}</span>
        <span>{t('queue.col.deadline')}</span>
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
                onOpen={() => go({ name: 'case', ref: item.ref })}
              />
            );
          })}
        </div>
      </div>
      {!loading && items.length === 0 && <p className="empty">{t('queue.empty')}</p>}
      <p className="muted hint">{t('queue.hint')}</p>
    </section>
  );
}
