import { useEffect, useRef } from 'react';
import { useConsole } from '../../app/store';

/** Asks before a token is issued on a production profile. */
export function ConfirmProduction() {
  const confirming = useConsole((s) => s.confirming);
  const profile = useConsole((s) => s.profiles.find((p) => p.id === s.activeProfileId));
  const bizNo = useConsole((s) => s.values.biz_no ?? '');
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (confirming && !d.open) d.showModal();
    if (!confirming && d.open) d.close();
  }, [confirming]);

  return (
    <dialog ref={dialog} className="confirm" aria-label="Confirm production call" onCancel={() => useConsole.getState().confirmIssue(false)}>
      <h2>Issue a real token on production?</h2>
      <p>
        Profile <strong style={{ color: profile?.color }}>{profile?.name}</strong> is a <strong>production</strong> connection ({profile?.baseUrl}). This call is billed and
        creates a real verification for biz_no <code>{bizNo}</code>.
      </p>
      <div className="actions">
        <button type="button" onClick={() => useConsole.getState().confirmIssue(false)}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={() => useConsole.getState().confirmIssue(true)}>
          Issue on production
        </button>
      </div>
    </dialog>
  );
}
