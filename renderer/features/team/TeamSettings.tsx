import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopFiles } from '../../api/client';
import { useSettings } from '../../state/settings';
import { teamActions, useTeam } from '../../state/team';
import { useAction } from '../../state/use-action';
import './team.css';

/**
 * The team server's address and the agent's login. The password goes to the OS keychain in
 * the desktop app; the browser console takes it from its environment and never keeps one.
 */
export function TeamSettings() {
  const { t } = useTranslation();
  const agentName = useSettings((s) => s.agentName);
  const status = useTeam((s) => s.status);
  const [url, setUrl] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { busy, run } = useAction();
  const desktop = desktopFiles() !== null;

  useEffect(() => {
    setUrl(status?.server ?? '');
    setLogin(status?.login ?? '');
  }, [status?.server, status?.login]);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const done = await run(
      () =>
        teamActions.configure({
          url: url.trim(),
          login: login.trim(),
          ...(password === '' ? {} : { password }),
          agent: agentName,
        }),
      () => t('team.saved'),
    );
    if (done !== undefined) setPassword('');
  };

  return (
    <section className="team-settings" aria-labelledby="team-settings-title">
      <h2 id="team-settings-title">{t('team.settingsTitle')}</h2>
      <p className="muted">{status?.configured ? t('team.settingsIntro') : t('team.notSet')}</p>
      <form onSubmit={save} className="team-form">
        <label htmlFor="team-url">{t('team.url')}</label>
        <input
          id="team-url"
          value={url}
          placeholder="postgres://team.example.com:5432/refund_team"
          aria-describedby="team-url-hint"
          onChange={(e) => setUrl(e.target.value)}
        />
        <small id="team-url-hint" className="muted">
          {t('team.urlHint')}
        </small>
        <label htmlFor="team-login">{t('team.login')}</label>
        <input
          id="team-login"
          value={login}
          autoComplete="username"
          onChange={(e) => setLogin(e.target.value)}
        />
        <label htmlFor="team-password">{t('team.password')}</label>
        <input
          id="team-password"
          type="password"
          value={password}
          autoComplete="current-password"
          aria-describedby="team-password-hint"
          onChange={(e) => setPassword(e.target.value)}
        />
        <small id="team-password-hint" className="muted">
          {desktop ? t('team.passwordDesktop') : t('team.passwordBrowser')}
        </small>
        <div className="team-form-actions">
          <button
            type="submit"
            disabled={busy || agentName === '' || url.trim() === '' || login.trim() === ''}
          >
            {t('team.save')}
          </button>
          {status?.configured && (
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(
                  () => teamActions.configure({ url: null, agent: agentName }),
                  () => t('team.left'),
                )
              }
            >
              {t('team.leave')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
