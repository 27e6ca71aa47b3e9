import { useEffect, useRef, useState } from 'react';
import type { ConnectionCheck, ProfileInput, VaultStatus } from '../../../core/api';
import { useConsole } from '../../app/store';
import { api } from '../../bridge';
import { downloadText } from '../../app/download';
import { ProfileEditor } from './ProfileEditor';

type Mode = { kind: 'view' } | { kind: 'edit'; id: string } | { kind: 'new' } | { kind: 'delete'; id: string };

/** Profile management: list, create, edit, duplicate, delete, import/export, test connection. */
export function ProfilesDialog({ onClose }: { onClose(): void }) {
  const profiles = useConsole((s) => s.profiles);
  const activeId = useConsole((s) => s.activeProfileId);
  const [status, setStatus] = useState<VaultStatus>();
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [checks, setChecks] = useState<Record<string, ConnectionCheck | 'running'>>({});
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const importer = useRef<HTMLInputElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
    void api.getVaultStatus({}).then((r) => r.ok && setStatus(r.value));
  }, []);

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    try {
      const err = await work();
      if (err) setMessage({ kind: 'error', text: err });
      await useConsole.getState().refreshProfiles();
      return err === null;
    } finally {
      setBusy(false);
    }
  };

  const save = (input: ProfileInput) =>
    void run(async () => {
      const r = mode.kind === 'edit' ? await api.updateProfile({ profileId: mode.id, profile: input }) : await api.createProfile({ profile: input });
      if (!r.ok) return `${r.error.field ? `${r.error.field}: ` : ''}${r.error.message}`;
      setMessage({ kind: 'ok', text: `Saved “${r.value.name}”.` });
      setMode({ kind: 'view' });
      return null;
    });

  const editing = mode.kind === 'edit' ? profiles.find((p) => p.id === mode.id) : undefined;

  return (
    <dialog ref={dialog} className="profiles-dialog" aria-label="Profiles" onClose={onClose}>
      <header>
        <h2>Profiles</h2>
        <button type="button" className="small" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </header>
      {status && (
        <p className={`vault-status level-${status.protection.level}`}>
          <strong>Secrets at rest:</strong> {status.protection.explanation} <small>Stored in {status.path}</small>
        </p>
      )}
      {message && (
        <p className={`msg ${message.kind === 'error' ? 'error' : 'ok'}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div className="profiles-body">
        <ul className="profile-list" aria-label="Profile list">
          {profiles.map((p) => {
            const check = checks[p.id];
            return (
              <li key={p.id} className={p.id === activeId ? 'active' : ''}>
                <span className="swatch" style={{ background: p.color }} aria-hidden="true" />
                <span className="profile-name">{p.name}</span>
                <span className={`env-tag env-${p.environment}`}>{p.environment}</span>
                <span className="profile-meta">
                  {p.baseUrl} · key {p.keyHint || '—'} · secret {p.secretStorage === 'none' ? 'missing' : p.secretStorage}
                </span>
                <span className="profile-actions">
                  <button type="button" className="small" onClick={() => setMode({ kind: 'edit', id: p.id })} aria-label={`Edit ${p.name}`}>
                    Edit
                  </button>
                  {!p.builtIn && (
                    <button type="button" className="small" onClick={() => void run(async () => { const r = await api.duplicateProfile({ profileId: p.id }); return r.ok ? null : r.error.message; })} aria-label={`Duplicate ${p.name}`}>
                      Duplicate
                    </button>
                  )}
                  {!p.builtIn && (
                    <button type="button" className="small" onClick={() => setMode({ kind: 'delete', id: p.id })} aria-label={`Delete ${p.name}`}>
                      Delete
                    </button>
                  )}
                  <button
                    type="button"
                    className="small"
                    aria-label={`Test connection of ${p.name}`}
                    disabled={check === 'running'}
                    onClick={() => {
                      setChecks((c) => ({ ...c, [p.id]: 'running' }));
                      void api.testConnection({ profileId: p.id }).then((r) =>
                        setChecks((c) => ({ ...c, [p.id]: r.ok ? r.value : { ok: false, verdict: 'unexpected', message: r.error.message, elapsedMs: 0 } })),
                      );
                    }}
                  >
                    {check === 'running' ? 'Testing…' : 'Test connection'}
                  </button>
                </span>
                {check && check !== 'running' && (
                  <span className={`msg ${check.ok ? 'ok' : 'error'}`} role="status">
                    {check.message}
                  </span>
                )}
                {mode.kind === 'delete' && mode.id === p.id && (
                  <span className="confirm-delete" role="group" aria-label={`Confirm deleting ${p.name}`}>
                    Delete “{p.name}” and its stored secret?
                    <button type="button" className="small danger" onClick={() => void run(async () => { const r = await api.deleteProfile({ profileId: p.id }); setMode({ kind: 'view' }); return r.ok ? null : r.error.message; })}>
                      Delete
                    </button>
                    <button type="button" className="small" onClick={() => setMode({ kind: 'view' })}>
                      Keep
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        <div className="profile-tools">
          <button type="button" onClick={() => setMode({ kind: 'new' })}>
            New profile
          </button>
          <button
            type="button"
            onClick={() =>
              void api.exportProfiles({}).then((r) => {
                if (!r.ok) return setMessage({ kind: 'error', text: r.error.message });
                downloadText(r.value.json, 'faceid-console-profiles.json', 'application/json');
                setMessage({ kind: 'ok', text: `Exported ${r.value.count} profile(s), without secrets.` });
              })
            }
          >
            Export…
          </button>
          <button type="button" onClick={() => importer.current?.click()}>
            Import…
          </button>
          <input
            ref={importer}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            aria-label="Import profiles file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              void file.text().then((json) =>
                run(async () => {
                  const r = await api.importProfiles({ json });
                  if (!r.ok) return r.error.message;
                  setMessage({ kind: 'ok', text: `Imported ${r.value.imported.length} profile(s). Enter their secrets before use.` });
                  return null;
                }),
              );
            }}
          />
        </div>
        {(mode.kind === 'new' || (mode.kind === 'edit' && editing)) && (
          <ProfileEditor key={mode.kind === 'edit' ? mode.id : 'new'} profile={editing} protection={status?.protection} busy={busy} onSave={save} onCancel={() => setMode({ kind: 'view' })} />
        )}
      </div>
    </dialog>
  );
}
