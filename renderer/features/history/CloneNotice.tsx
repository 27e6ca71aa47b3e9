import { formatBytes } from '../../../core/faceid/photo';
import { useConsole } from '../../app/store';
import type { CloneReport } from './clone';
import { formatTime } from './format';

function ProfileLine({ p }: { p: CloneReport['profile'] }) {
  switch (p.kind) {
    case 'same':
      return <li>Profile: {p.name}, as in the original call.</li>;
    case 'switch':
      return <li>Switched to the call's profile, {p.name}.</li>;
    case 'missing':
      return (
        <li className="msg warning">
          The call's profile “{p.name}” no longer exists: the active profile {p.activeName} is kept. Check that it is the connection you
          mean.
        </li>
      );
    case 'switch-failed':
      return (
        <li className="msg warning">
          Could not switch to the call's profile “{p.name}” ({p.message}); the active profile {p.activeName} is kept.
        </li>
      );
  }
}

/** Says what "Clone into form" did: profile, fresh biz_no, photos back or to attach again. */
export function CloneNotice() {
  const n = useConsole((s) => s.cloneNotice);
  if (!n) return null;
  return (
    <div className="clone-notice" role="status" aria-label="Cloned from history">
      <p>
        <strong>Cloned call #{n.rowId}</strong> ({formatTime(n.startedAt)}) into the form.
      </p>
      <ul>
        <li>
          biz_no: a fresh one, <code>{n.newBizNo}</code>, is suggested; the original call used <code>{n.fromBizNo || '(none)'}</code> and
          biz_no must be unique.
        </li>
        <ProfileLine p={n.profile} />
        {n.reattached.map((p) => (
          <li key={p.param}>
            {p.param}: re-attached {p.filename} from the kept copy.
          </li>
        ))}
        {n.missing.map((p) => (
          <li key={p.param} className="msg warning">
            {p.param}: attach again <strong>{p.filename}</strong> ({formatBytes(p.bytes)}, sha256 <code className="sha">{p.sha256}</code>) —{' '}
            {p.reason}.
          </li>
        ))}
        {n.hidden.length > 0 && <li>Also sent again, though the form has no control for them: {n.hidden.join(', ')}.</li>}
      </ul>
      <button type="button" className="small" onClick={() => useConsole.getState().dismissCloneNotice()}>
        Dismiss
      </button>
    </div>
  );
}
