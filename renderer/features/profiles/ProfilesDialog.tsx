import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/store';
import { ToolDialog } from '../../app/ToolDialog';
import { ProfileEditor } from './ProfileEditor';
import { useProfiles } from './profiles-store';
import { renderRef } from '../../i18n/message-ref';

/** Profile management: list, create, edit, duplicate, delete, import/export, test connection. */
export function ProfilesDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('profiles');
  const profiles = useConsole((s) => s.profiles);
  const activeId = useConsole((s) => s.activeProfileId);
  const { status, mode, message, checks, busy } = useProfiles();
  const actions = useProfiles.getState();
  const importer = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void useProfiles.getState().open();
  }, []);

  const editing = mode.kind === 'edit' ? profiles.find((p) => p.id === mode.id) : undefined;

  return (
    <ToolDialog title={t('dialog.title')} className="profiles-dialog" onClose={onClose}>
      {status && (
        <p className={`vault-status level-${status.protection.level}`}>
          <strong>{t('dialog.atRest')}</strong> {renderRef(status.protection.explanation)}{' '}
          <small>{t('dialog.storedIn', { path: status.path })}</small>
        </p>
      )}
      {message && (
        <p className={`msg ${message.kind === 'error' ? 'error' : 'ok'}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {t(message.key, message.params)}
        </p>
      )}
      <div className="profiles-body">
        <ul className="profile-list" aria-label={t('dialog.list')}>
          {profiles.map((p) => {
            const check = checks[p.id];
            return (
              <li key={p.id} className={p.id === activeId ? 'active' : ''}>
                <span className="swatch" style={{ background: p.color }} aria-hidden="true" />
                <span className="profile-name">{p.name}</span>
                <span className={`env-tag env-${p.environment}`}>{t(`environment.${p.environment}`)}</span>
                <span className="profile-meta">
                  {t('dialog.meta', {
                    baseUrl: p.baseUrl,
                    keyHint: p.keyHint || '—',
                    secret: p.secretStorage === 'none' ? t('dialog.secretMissing') : p.secretStorage,
                  })}
                </span>
                <span className="profile-actions">
                  <button
                    type="button"
                    className="small"
                    onClick={() => actions.setMode({ kind: 'edit', id: p.id })}
                    aria-label={t('dialog.editLabel', { name: p.name })}
                  >
                    {t('dialog.edit')}
                  </button>
                  {!p.builtIn && (
                    <button
                      type="button"
                      className="small"
                      onClick={() => void actions.duplicate(p.id)}
                      aria-label={t('dialog.duplicateLabel', { name: p.name })}
                    >
                      {t('dialog.duplicate')}
                    </button>
                  )}
                  {!p.builtIn && (
                    <button
                      type="button"
                      className="small"
                      onClick={() => actions.setMode({ kind: 'delete', id: p.id })}
                      aria-label={t('dialog.deleteLabel', { name: p.name })}
                    >
                      {t('dialog.delete')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="small"
                    aria-label={t('dialog.testLabel', { name: p.name })}
                    disabled={check === 'running'}
                    onClick={() => void actions.testConnection(p.id)}
                  >
                    {check === 'running' ? t('dialog.testing') : t('dialog.test')}
                  </button>
                </span>
                {check && check !== 'running' && (
                  <span className={`msg ${check.ok ? 'ok' : 'error'}`} role="status">
                    {check.words.map(renderRef).join(' ')}
                  </span>
                )}
                {mode.kind === 'delete' && mode.id === p.id && (
                  <span className="confirm-delete" role="group" aria-label={t('dialog.confirmLabel', { name: p.name })}>
                    {t('dialog.confirmText', { name: p.name })}
                    <button type="button" className="small danger" onClick={() => void actions.remove(p.id)}>
                      {t('dialog.delete')}
                    </button>
                    <button type="button" className="small" onClick={() => actions.setMode({ kind: 'view' })}>
                      {t('dialog.keep')}
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        <div className="profile-tools">
          <button type="button" onClick={() => actions.setMode({ kind: 'new' })}>
            {t('dialog.new')}
          </button>
          <button type="button" onClick={() => void actions.exportAll()}>
            {t('dialog.export')}
          </button>
          <button type="button" onClick={() => importer.current?.click()}>
            {t('dialog.import')}
          </button>
          <input
            ref={importer}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            tabIndex={-1}
            aria-label={t('dialog.importFile')}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void file.text().then((json) => actions.importJson(json));
            }}
          />
        </div>
        {(mode.kind === 'new' || (mode.kind === 'edit' && editing)) && (
          <ProfileEditor
            key={mode.kind === 'edit' ? mode.id : 'new'}
            profile={editing}
            protection={status?.protection}
            busy={busy}
            onSave={(input) => void actions.save(input)}
            onCancel={() => actions.setMode({ kind: 'view' })}
          />
        )}
      </div>
    </ToolDialog>
  );
}
