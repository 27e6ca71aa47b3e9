import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { LanguageMenu } from './LanguageMenu';
import { useConsole } from './store';

type View = 'issue' | 'history';

/** The console: header with the active profile and the views; the form and result, or the history. */
export function App() {
  const { t } = useTranslation('app');
  const loadError = useConsole((s) => s.loadError);
  const [view, setView] = useState<View>('issue');
  const [tool, setTool] = useState<'verify' | 'sandbox' | 'team' | null>(null);
  const { t: tt } = useTranslation('team');
  const onSandbox = useConsole((s) => s.profiles.find((p) => p.id === s.activeProfileId)?.builtIn ?? false);
  const tab = (v: View, label: string) => (
    <button type="button" role="tab" id={`tab-${v}`} aria-controls={`view-${v}`} aria-selected={view === v} className={`view-tab${view === v ? ' active' : ''}`} onClick={() => setView(v)}>
      {label}
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
          {tab('issue', t('views.issue'))}
          {tab('history', t('views.history'))}
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
      <SwitchNotice />
      {loadError && (
        <p className="msg error banner" role="alert">
          {loadError}
        </p>
      )}
      {view === 'issue' ? (
        <div role="tabpanel" id="view-issue" aria-labelledby="tab-issue">
          <CloneNotice />
          <main className="layout">
            <div className="pane form-pane">
              <TokenForm />
            </div>
            <aside className="pane result-pane">
              <ResultPanel />
            </aside>
          </main>
        </div>
      ) : (
        <main role="tabpanel" id="view-history" aria-labelledby="tab-history" className="history-panel">
          <HistoryView onCloned={() => setView('issue')} />
        </main>
      )}
      <ConfirmProduction />
    </div>
  );
}
