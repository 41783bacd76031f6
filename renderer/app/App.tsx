import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PolicyZoneScreen } from '../components/When';
import { ApprovalsScreen } from '../features/approvals/ApprovalsScreen';
import { CaseScreen } from '../features/case/CaseScreen';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { DecideScreen } from '../features/decide/DecideScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { NewCaseScreen } from '../features/new-case/NewCaseScreen';
import { PolicyChangesScreen } from '../features/policy-changes/PolicyChangesScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { ReplyScreen } from '../features/reply/ReplyScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { useRoute } from '../state/route';
import type { Route } from '../state/route-path';
import { useSettings } from '../state/settings';
import { useUi } from '../state/ui';
import { ShortcutList } from './ShortcutList';
import { CommandPalette } from './CommandPalette';
import { StoreHealth } from './StoreHealth';
import { TeamStatus } from './TeamStatus';
import { useGlobalShortcuts, useMenuCommands } from './shortcuts';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'queue':
      return <QueueScreen />;
    case 'new':
      return <NewCaseScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'policy-changes':
      return <PolicyChangesScreen />;
    case 'import':
      return <ImportScreen />;
    case 'approvals':
      return <ApprovalsScreen />;
    case 'case':
      return <CaseScreen key={route.ref} caseRef={route.ref} />;
    case 'decide':
      return <DecideScreen key={route.ref} caseRef={route.ref} />;
    case 'reply':
      // The reply gives the customer's deadline in the policy zone: the screen shows that zone too.
      return (
        <PolicyZoneScreen>
          <ReplyScreen key={route.ref} caseRef={route.ref} />
        </PolicyZoneScreen>
      );
  }
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute((s) => s.route);
  const go = useRoute((s) => s.go);
  const { loaded, agentName, load } = useSettings();
  const { paletteOpen, shortcutsOpen, setPalette, message } = useUi();
  useGlobalShortcuts();
  useMenuCommands();
  useEffect(() => void load(), [load]);

  const link = (target: Route, label: string) => (
    <a href={`#/${target.name}`} aria-current={route.name === target.name ? 'page' : undefined}>
      {label}
    </a>
  );

  return (
    <>
      {/* Past the top bar to the screen, for keyboard and screen-reader users; no route change. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('keys.skip')}
      </a>
      <header className="topbar">
        <strong className="brand">{t('app.title')}</strong>
        <nav aria-label={t('app.nav')}>
          {link({ name: 'queue' }, t('app.queue'))}
          {link({ name: 'new' }, t('app.newCase'))}
          {link({ name: 'import' }, t('import.nav'))}
          {link({ name: 'dashboard' }, t('dashboard.nav'))}
          {link({ name: 'policy-changes' }, t('app.policyChanges'))}
          {link({ name: 'approvals' }, t('approvals.nav'))}
          {link({ name: 'settings' }, t('app.settings'))}
        </nav>
        <button type="button" className="ghost" onClick={() => setPalette(true)}>
          {t('app.palette')} <kbd>Ctrl K</kbd>
        </button>
        <span className="muted agent">{agentName}</span>
      </header>
      <StoreHealth />
      <TeamStatus />
      {loaded && agentName === '' && (
        <p className="banner" role="note">
          <button type="button" className="linkish" onClick={() => go({ name: 'settings' })}>
            {t('app.agentMissing')}
          </button>
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <Screen route={route} />
      </main>
      <footer className="statusbar">
        <p role="status" className={message?.kind === 'error' ? 'error' : undefined}>
          {message?.text}
        </p>
        <span className="muted">{t('app.shortcuts')}</span>
      </footer>
      {paletteOpen && <CommandPalette />}
      {shortcutsOpen && <ShortcutList onClose={() => useUi.setState({ shortcutsOpen: false })} />}
    </>
  );
}
