import type { ReactNode } from 'react';
import { useConsole } from '../../app/store';

/** Says what a profile switch changed in the form, so no value carries over unseen. */
export function SwitchNotice() {
  const n = useConsole((s) => s.switchNotice);
  if (!n) return null;
  const list = (keys: string[]) => keys.map((k) => <code key={k}>{k}</code>).reduce<ReactNode[]>((acc, el, i) => (i === 0 ? [el] : [...acc, ', ', el]), []);
  return (
    <div className="switch-notice" role="status" aria-label="Profile switch">
      <span>
        Switched from <strong>{n.from}</strong> to <strong>{n.to}</strong>.
      </span>
      {n.applied.length > 0 && <span> Set from {n.to}'s defaults: {list(n.applied)}.</span>}
      {n.cleared.length > 0 && <span> Cleared (came from {n.from}): {list(n.cleared)}.</span>}
      {n.kept.length > 0 && <span> Kept your own values: {list(n.kept)}.</span>}
      <button type="button" className="small" onClick={() => useConsole.getState().dismissSwitchNotice()}>
        Dismiss
      </button>
    </div>
  );
}
