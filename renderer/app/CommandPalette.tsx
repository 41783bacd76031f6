import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../shared/model/case';
import { api, call } from '../api/client';
import { useQueue, VIEWS } from '../state/queue';
import { useRoute } from '../state/route';
import { useSettings } from '../state/settings';
import { useUi } from '../state/ui';
import { openExport } from '../features/export/export-state';

interface Command {
  id: string;
  label: string;
  run(): void;
}

export function focusSearch(): void {
  useUi.setState({ searchRequested: true });
  useRoute.getState().go({ name: 'queue' });
}

const CASES_SHOWN = 6;
const SEARCH_DEBOUNCE_MS = 80;

/** Cases whose name, ids, product, provider or notes match what is typed (2+ characters). */
function useMatchingCases(text: string): CaseSummary[] {
  const [cases, setCases] = useState<CaseSummary[]>([]);
  useEffect(() => {
    const query = text.trim();
    if ([...query].length < 2) {
      setCases([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      call(api['cases.search']({ query, limit: CASES_SHOWN }))
        .then(({ items }) => current && setCases(items))
        .catch(() => current && setCases([]));
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  return cases;
}

function useCommands(text: string): Command[] {
  const { t } = useTranslation();
  const go = useRoute((s) => s.go);
  const language = useSettings((s) => s.language);
  const cases = useMatchingCases(text);
  return useMemo(() => {
    const ref = /^\s*(RC-\d{6,})\s*$/i.exec(text)?.[1]?.toUpperCase();
    const all: Command[] = [
      ...(ref
        ? [{ id: 'open', label: t('palette.open', { ref }), run: () => go({ name: 'case', ref }) }]
        : []),
      { id: 'queue', label: t('palette.queue'), run: () => go({ name: 'queue' }) },
      { id: 'new', label: t('palette.newCase'), run: () => go({ name: 'new' }) },
      { id: 'search', label: t('palette.search'), run: focusSearch },
      { id: 'import', label: t('import.palette'), run: () => go({ name: 'import' }) },
      { id: 'approvals', label: t('approvals.palette'), run: () => go({ name: 'approvals' }) },
      { id: 'export', label: t('export.palette'), run: openExport },
      { id: 'settings', label: t('palette.settings'), run: () => go({ name: 'settings' }) },
      { id: 'dashboard', label: t('dashboard.palette'), run: () => go({ name: 'dashboard' }) },
      {
        id: 'policy-changes',
        label: t('palette.policyChanges'),
        run: () => go({ name: 'policy-changes' }),
      },
      {
        id: 'language',
        label: t('palette.language'),
        run: () => void useSettings.getState().save({ language: language === 'en' ? 'zh' : 'en' }),
      },
      ...VIEWS.map((view) => ({
        id: `view-${view}`,
        label: t('palette.view', { name: t(`queue.view.${view}`) }),
        run: () => {
          go({ name: 'queue' });
          void useQueue.getState().setView(view);
        },
      })),
    ];
    const needle = text.trim().toLowerCase();
    const found: Command[] = cases
      .filter((found) => found.ref !== ref)
      .map((found) => ({
        id: `case-${found.ref}`,
        label: t('palette.case', { ref: found.ref, name: found.customerName, product: found.productName }),
        run: () => go({ name: 'case', ref: found.ref }),
      }));
    const matching = ref || needle === '' ? all : all.filter((c) => c.label.toLowerCase().includes(needle));
    return [...matching, ...found];
  }, [text, t, go, language, cases]);
}

/** Ctrl/Cmd+K: every action by name, and a case by its ref or by what search finds (a customer's name). */
export function CommandPalette() {
  const { t } = useTranslation();
  const setPalette = useUi((s) => s.setPalette);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const commands = useCommands(text);
  const input = useRef<HTMLInputElement>(null);
  const previous = useRef<Element | null>(document.activeElement);

  useEffect(() => {
    input.current?.focus();
    const restore = previous.current;
    return () => (restore as HTMLElement | null)?.focus?.();
  }, []);

  const run = (command: Command | undefined) => {
    if (command === undefined) return;
    setPalette(false);
    command.run();
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, commands.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') run(commands[active]);
    else if (event.key === 'Escape') setPalette(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="palette-backdrop" onMouseDown={() => setPalette(false)}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label={t('palette.title')}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <input
          ref={input}
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={commands[active] ? `palette-${commands[active].id}` : undefined}
          aria-label={t('palette.input')}
          placeholder={t('palette.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="palette-list" role="listbox" aria-label={t('palette.title')}>
          {commands.map((command, index) => (
            <li
              key={command.id}
              id={`palette-${command.id}`}
              role="option"
              aria-selected={index === active}
              onClick={() => run(command)}
            >
              {command.label}
            </li>
          ))}
          {commands.length === 0 && <li className="muted">{t('palette.empty')}</li>}
        </ul>
      </div>
    </div>
  );
}
