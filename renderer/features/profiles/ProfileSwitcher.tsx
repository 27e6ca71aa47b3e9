import { useState } from 'react';
import { useConsole } from '../../app/store';
import { ProfilesDialog } from './ProfilesDialog';

/** The active profile chooser in the header, and the way into profile management. */
export function ProfileSwitcher() {
  const profiles = useConsole((s) => s.profiles);
  const activeId = useConsole((s) => s.activeProfileId);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="profile-switcher">
      <label>
        <span className="visually-hidden">Active profile</span>
        <select
          aria-label="Active profile"
          value={activeId}
          onChange={(e) => {
            void useConsole
              .getState()
              .switchProfile(e.target.value)
              .then((err) => setError(err));
          }}
        >
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.environment})
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="small header-button" onClick={() => setOpen(true)}>
        Profiles…
      </button>
      {error && (
        <span className="msg error" role="alert">
          {error}
        </span>
      )}
      {open && <ProfilesDialog onClose={() => setOpen(false)} />}
    </div>
  );
}
