import { useEffect } from 'react';
import { ConfirmProduction } from '../features/profiles/ConfirmProduction';
import { ProfileBadge } from '../features/profiles/ProfileBadge';
import { ProfileSwitcher } from '../features/profiles/ProfileSwitcher';
import { SwitchNotice } from '../features/profiles/SwitchNotice';
import { ResultPanel } from '../features/result/ResultPanel';
import { TokenForm } from '../features/token-form/TokenForm';
import { useConsole } from './store';

/** The console: header with the active profile, the form on the left, the result on the right. */
export function App() {
  const loadError = useConsole((s) => s.loadError);
  useEffect(() => {
    void useConsole.getState().load();
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>FaceID Console</h1>
        <ProfileBadge />
        <ProfileSwitcher />
      </header>
      <SwitchNotice />
      {loadError && (
        <p className="msg error banner" role="alert">
          {loadError}
        </p>
      )}
      <main className="layout">
        <div className="pane form-pane">
          <TokenForm />
        </div>
        <aside className="pane result-pane">
          <ResultPanel />
        </aside>
      </main>
      <ConfirmProduction />
    </div>
  );
}
