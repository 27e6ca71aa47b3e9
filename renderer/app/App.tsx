import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskView } from '../features/desk/DeskView';
import { CloneNotice } from '../features/history/CloneNotice';
import { HistoryView } from '../features/history/HistoryView';
import { ConfirmProduction } from '../features/profiles/ConfirmProduction';
import { ProfileBadge } from '../features/profiles/ProfileBadge';
import { ProfileSwitcher } from '../features/profiles/ProfileSwitcher';
import { SwitchNotice } from '../features/profiles/SwitchNotice';
import { ResultPanel } from '../features/result/ResultPanel';
import { SandboxPanel } from '../features/sandbox/SandboxPanel';
import { TeamPanel } from '../features/team/TeamPanel';
import { TokenForm } from '../features/token-form/TokenForm';
import { VerifyCallback } from '../features/verification/VerifyCallback';
import { useLanguage } from '../i18n/language-store';
import { Announcer } from './announcer';
import { LanguageMenu } from './LanguageMenu';
import { useConsole } from './store';
import { tabKeyTarget, VIEWS, type View } from './view-tabs';

/** The console: header with the active profile and the three views (Desk, Support, Expert). */
export function App() {
  const { t } = useTranslation('app');
  const loadError = useConsole((s) => s.loadError);
  const view = useConsole((s) => s.view);
  const setView = useConsole((s) => s.setView);
  const [tool, setTool] = useState<'verify' | 'sandbox' | 'team' | null>(null);
  const { t: tt } = useTranslation('team');
  const onSandbox = useConsole((s) => s.profiles.find((p) => p.id === s.activeProfileId)?.builtIn ?? false);
  const tabs = useRef<Partial<Record<View, HTMLButtonElement | null>>>({});
  // Roving tabindex: only the selected tab is in the Tab order; arrows, Home and End move between tabs.
  const tab = (v: View) => (
    <button
      key={v}
      ref={(el) => {
        tabs.current[v] = el;
      }}
      type="button"
      role="tab"
      id={`tab-${v}`}
      aria-controls={`view-${v}`}
      aria-selected={view === v}
      tabIndex={view === v ? 0 : -1}
      className={`view-tab${view === v ? ' active' : ''}`}
      onClick={() => setView(v)}
      onKeyDown={(e) => {
        const next = tabKeyTarget(e.key, v);
        if (!next) return;
        e.preventDefault();
        setView(next);
        tabs.current[next]?.focus();
      }}
    >
      {t(`views.${v}`)}
    </button>
  );
  useEffect(() => {
    void useConsole.getState().load();
    void useLanguage.getState().load();
  }, []);

  return (
    <div className={`app view-${view}`}>
      <header className="app-header">
        <h1>{t('title')}</h1>
        <div className="view-tabs" role="tablist" aria-label={t('views.label')}>
          {VIEWS.map(tab)}
        </div>
        <ProfileBadge />
        <ProfileSwitcher />
        <div className="tools" role="group" aria-label={t('tools.label')}>
          <button type="button" className="small header-button" onClick={() => setTool('verify')}>
            {t('tools.verify')}
          </button>
          {onSandbox && (
            <button type="button" className="small header-button" onClick={() => setTool('sandbox')}>
              {t('tools.sandbox')}
            </button>
          )}
          <button type="button" className="small header-button" onClick={() => setTool('team')}>
            {tt('menu')}
          </button>
          <LanguageMenu />
        </div>
      </header>
      {tool === 'verify' && <VerifyCallback onClose={() => setTool(null)} />}
      {tool === 'sandbox' && <SandboxPanel onClose={() => setTool(null)} />}
      {tool === 'team' && <TeamPanel onClose={() => setTool(null)} />}
      <main className="app-main">
        <SwitchNotice />
        {loadError && (
          <p className="msg error banner" role="alert">
            {loadError}
          </p>
        )}
        {view === 'desk' ? (
          <div role="tabpanel" id="view-desk" aria-labelledby="tab-desk" className="desk-panel">
            <DeskView onExpert={() => setView('expert')} />
          </div>
        ) : view === 'expert' ? (
          <div role="tabpanel" id="view-expert" aria-labelledby="tab-expert">
            <CloneNotice />
            <div className="layout">
              <div className="pane form-pane">
                <TokenForm />
              </div>
              <aside className="pane result-pane">
                <ResultPanel />
              </aside>
            </div>
          </div>
        ) : (
          <div role="tabpanel" id="view-support" aria-labelledby="tab-support" className="history-panel">
            <HistoryView onCloned={() => setView('expert')} />
          </div>
        )}
      </main>
      <Announcer />
      <ConfirmProduction />
    </div>
  );
}
