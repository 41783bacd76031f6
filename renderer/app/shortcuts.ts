import { useEffect } from 'react';
import { onMenuCommand } from '../api/client';
import { isTyping } from '../lib/keys';
import { useRoute } from '../state/route';
import { useSettings } from '../state/settings';
import { parentOf } from '../state/route-path';
import { useUi } from '../state/ui';
import { focusSearch } from './CommandPalette';
import { routeForMenuCommand, themeForMenuCommand } from './menu-commands';
import { openExport } from '../features/export/export-state';
import { saveCaseReport } from '../features/case/case-report';
import { i18n } from '../i18n';

/** App-wide keys; each screen adds its own (j/k in the queue, d/r on a case, c in a reply). */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { paletteOpen, setPalette } = useUi.getState();
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPalette(!paletteOpen);
        return;
      }
      if (paletteOpen || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') {
        if (isTyping(event.target)) (event.target as HTMLElement).blur();
        else useRoute.getState().go(parentOf(useRoute.getState().route));
        return;
      }
      if (isTyping(event.target)) return;
      if (event.key === '/') {
        event.preventDefault();
        focusSearch();
      } else if (event.key === 'n') useRoute.getState().go({ name: 'new' });
      else if (event.key === '?') useUi.setState({ shortcutsOpen: true });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Follows the desktop app's menu; in a browser (dev:web) there is no menu and nothing to do. */
export function useMenuCommands(): void {
  useEffect(
    () =>
      onMenuCommand((command) => {
        const route = routeForMenuCommand(command);
        if (route !== null) useRoute.getState().go(route);
        else if (command === 'cases.export') openExport();
        else if (command === 'report.open') reportOfOpenCase();
        const theme = themeForMenuCommand(command);
        // Kept in the settings, so the next start (and the menu's check mark) remember it.
        if (theme !== null) {
          useSettings
            .getState()
            .save({ theme })
            .catch((error: Error) => useUi.getState().notify(error.message, 'error'));
        }
      }),
    [],
  );
}

/** File → Report…: the report of the case on screen; with none open, says to open one. */
function reportOfOpenCase(): void {
  const { route } = useRoute.getState();
  const t = i18n.t.bind(i18n);
  if ('ref' in route) void saveCaseReport(route.ref, t);
  else useUi.getState().notify(t('caseView.reportNeedsCase'), 'error');
}
