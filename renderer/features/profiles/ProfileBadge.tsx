import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/store';

/** The active profile's name, colour and environment, always visible. */
export function ProfileBadge() {
  const { t } = useTranslation('profiles');
  const profile = useConsole((s) => s.profiles.find((p) => p.id === s.activeProfileId));
  if (!profile) return null;
  return (
    <span className={`profile-badge env-${profile.environment}`} style={{ borderColor: profile.color }} data-testid="profile-badge">
      <span className="swatch" style={{ background: profile.color }} aria-hidden="true" />
      <span className="name">{profile.name}</span>
      <span className="env">{t(`environment.${profile.environment}`)}</span>
    </span>
  );
}
