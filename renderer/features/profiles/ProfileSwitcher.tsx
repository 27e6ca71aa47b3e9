import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/store';
import { ProfilesDialog } from './ProfilesDialog';

/** The active profile chooser in the header, and the way into profile management. */
export function ProfileSwitcher() {
  const { t } = useTranslation('profiles');
  const profiles = useConsole((s) => s.profiles);
  const activeId = useConsole((s) => s.activeProfileId);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="profile-switcher">
      <select
        aria-label={t('switcher.label')}
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
            {t('switcher.option', { name: p.name, environment: t(`environment.${p.environment}`) })}
          </option>
        ))}
      </select>
      <button type="button" className="small header-button" onClick={() => setOpen(true)}>
        {t('switcher.manage')}
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
