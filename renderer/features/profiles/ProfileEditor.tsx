import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileInput, ProfileSummary, VaultStatus } from '../../../core/api';
import { FORM_PARAMS } from '../../../core/faceid/catalogue';
import { REGIONS, checkBaseUrl } from '../../../core/faceid/regions';
import { DeskSettingsFields } from '../desk/DeskSettingsFields';
import { ClientTimeoutField } from '../history/ClientTimeoutField';
import { renderRef } from '../../i18n/message-ref';

const COMMON_DEFAULTS = ['return_url', 'notify_url', 'scene_id', 'language'];
const COLORS = ['#2f855a', '#3182ce', '#805ad5', '#dd6b20', '#c53030', '#2c7a7b'];

interface Props {
  profile?: ProfileSummary;
  protection: VaultStatus['protection'] | undefined;
  busy: boolean;
  onSave(input: ProfileInput): void;
  onCancel(): void;
}

function initialInput(p?: ProfileSummary): ProfileInput {
  if (!p) return { name: '', color: '#3182ce', environment: 'test', region: 'idn', apiKey: '', defaults: {} };
  return {
    name: p.name,
    color: p.color,
    environment: p.environment,
    region: p.region,
    baseUrl: p.region === 'custom' ? p.baseUrl : undefined,
    confirmProduction: p.confirmProduction,
    defaults: { ...p.defaults },
    desk: { ...p.desk },
    timeoutMs: p.timeoutMs,
  };
}

/** Create or edit a profile. The secret is write-only: the field is always empty; typing replaces it. */
export function ProfileEditor({ profile, protection, busy, onSave, onCancel }: Props) {
  const { t } = useTranslation('profiles');
  const [input, setInput] = useState<ProfileInput>(() => initialInput(profile));
  const [keyEdited, setKeyEdited] = useState(!profile);
  const [extraParam, setExtraParam] = useState('');
  const [extraKeys, setExtraKeys] = useState<string[]>([]);
  const builtIn = profile?.builtIn ?? false;
  const set = (patch: Partial<ProfileInput>) => setInput((i) => ({ ...i, ...patch }));
  const setDefault = (k: string, v: string) =>
    setInput((i) => {
      const defaults = { ...i.defaults };
      if (v === '') delete defaults[k];
      else defaults[k] = v;
      return { ...i, defaults };
    });
  const baseUrlProblem = input.region === 'custom' ? checkBaseUrl(input.baseUrl ?? '') : null;
  const defaultKeys = [...new Set([...COMMON_DEFAULTS, ...Object.keys(input.defaults), ...extraKeys])];
  const unprotected = protection?.level === 'none';

  return (
    <form
      className="profile-editor"
      aria-label={profile ? t('editor.editLabel', { name: profile.name }) : t('editor.newTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        // An untouched key field means "keep the stored key": the editor never received it.
        onSave({ ...input, secret: input.secret === '' ? undefined : input.secret, apiKey: keyEdited ? input.apiKey : undefined });
      }}
    >
      <h3>{profile ? t('editor.editTitle', { name: profile.name }) : t('editor.newTitle')}</h3>
      {!builtIn && (
        <>
          <label>
            {t('editor.name')}
            <input type="text" value={input.name} required maxLength={60} onChange={(e) => set({ name: e.target.value })} />
          </label>
          <fieldset className="inline">
            <legend>{t('editor.environment')}</legend>
            {(['test', 'production', 'sandbox'] as const).map((env) => (
              <label key={env}>
                <input
                  type="radio"
                  name="environment"
                  checked={input.environment === env}
                  onChange={() => set({ environment: env, confirmProduction: env === 'production' ? true : input.confirmProduction })}
                />{' '}
                {t(`environment.${env}`)}
              </label>
            ))}
          </fieldset>
          <fieldset className="inline">
            <legend>{t('editor.region')}</legend>
            {REGIONS.map((r) => (
              <label key={r.id} title={t(r.id === 'idn' ? 'editor.regionIdnNote' : 'editor.regionSgpNote')}>
                <input type="radio" name="region" checked={input.region === r.id} onChange={() => set({ region: r.id })} />{' '}
                {t(r.id === 'idn' ? 'editor.regionIdn' : 'editor.regionSgp')} <small>{r.baseUrl}</small>
              </label>
            ))}
            <label>
              <input type="radio" name="region" checked={input.region === 'custom'} onChange={() => set({ region: 'custom' })} />{' '}
              {t('editor.custom')}
            </label>
          </fieldset>
          {input.region === 'custom' && (
            <label>
              {t('editor.baseUrl')}
              <input
                type="text"
                value={input.baseUrl ?? ''}
                placeholder={t('editor.baseUrlPlaceholder')}
                onChange={(e) => set({ baseUrl: e.target.value })}
                aria-invalid={baseUrlProblem !== null || undefined}
              />
              {baseUrlProblem && <span className="msg error">{renderRef(baseUrlProblem)}</span>}
            </label>
          )}
          <label>
            api_key {profile && !keyEdited && <small>{t('editor.keyStored', { hint: profile.keyHint || t('editor.none') })}</small>}
            <input
              type="text"
              value={keyEdited ? (input.apiKey ?? '') : ''}
              placeholder={profile && !keyEdited ? t('editor.keyPlaceholder', { hint: profile.keyHint }) : ''}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => {
                setKeyEdited(true);
                set({ apiKey: e.target.value });
              }}
            />
          </label>
          <label>
            api_secret{' '}
            <small>{profile?.hasSecret ? t('editor.secretStored', { storage: profile.secretStorage }) : t('editor.secretNone')}</small>
            <input
              type="password"
              value={input.secret ?? ''}
              autoComplete="new-password"
              placeholder={profile?.hasSecret ? t('editor.secretUnchanged') : ''}
              onChange={(e) => set({ secret: e.target.value })}
            />
          </label>
          {unprotected && (
            <div className="msg warning">
              <p>{protection && renderRef(protection.explanation)}</p>
              <label>
                <input
                  type="checkbox"
                  checked={input.acceptUnprotectedSecret ?? false}
                  onChange={(e) => set({ acceptUnprotectedSecret: e.target.checked })}
                />{' '}
                {t('editor.acceptUnprotected')}
              </label>
            </div>
          )}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={input.confirmProduction ?? input.environment === 'production'}
              onChange={(e) => set({ confirmProduction: e.target.checked })}
            />{' '}
            {t('editor.confirmProduction')}
          </label>
        </>
      )}
      <fieldset className="inline">
        <legend>{t('editor.colour')}</legend>
        {COLORS.map((c) => (
          <label key={c} className="swatch-choice" style={{ background: c }} title={c}>
            <input
              type="radio"
              name="color"
              aria-label={t('editor.colourLabel', { colour: c })}
              checked={input.color === c}
              onChange={() => set({ color: c })}
            />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('editor.defaults')}</legend>
        {defaultKeys.map((k) => (
          <label key={k}>
            {t('editor.defaultFor')} <code>{k}</code>
            <input type="text" value={input.defaults[k] ?? ''} onChange={(e) => setDefault(k, e.target.value)} />
          </label>
        ))}
        <label>
          {t('editor.addDefault')}
          <select value={extraParam} onChange={(e) => setExtraParam(e.target.value)}>
            <option value="">{t('editor.pickParam')}</option>
            {FORM_PARAMS.filter((p) => !defaultKeys.includes(p.name)).map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="small"
            disabled={extraParam === ''}
            onClick={() => {
              setExtraKeys((k) => [...k, extraParam]);
              setExtraParam('');
            }}
          >
            {t('editor.add')}
          </button>
        </label>
      </fieldset>
      <DeskSettingsFields value={input.desk} builtIn={builtIn} onChange={(desk) => set({ desk })} />
      <ClientTimeoutField value={input.timeoutMs} onChange={(timeoutMs) => set({ timeoutMs })} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || baseUrlProblem !== null}>
          {profile ? t('editor.save') : t('editor.create')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  );
}
