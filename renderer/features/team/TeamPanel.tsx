import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatTime } from '../../../core/i18n/format';
import type { TeamStatus } from '../../../core/team';
import { TEAM_ERROR_PARAMS } from '../../../core/team-messages';
import { api } from '../../bridge';
import { useLanguage } from '../../i18n/language-store';
import { ToolDialog } from '../../app/ToolDialog';
import { fromDraft, toDraft, type TeamDraft } from './team-form';
import { errorText } from '../../i18n/error-text';

const TLS_MODES = ['verify-full', 'require', 'disable'] as const;

/** The publisher's state in words: backlog, last publish, last error. Refreshes every 2 s. */
export function TeamStatusLine({ status }: { status: TeamStatus }) {
  const { t } = useTranslation('team');
  const locale = useLanguage((s) => s.locale);
  const at = (ms: number) => formatTime(ms, locale, { seconds: true });
  const since = status.oldestAt ? formatDateTime(status.oldestAt, locale, { seconds: false }) : '';
  return (
    <div className="team-status" role="status" aria-live="polite">
      <p>{t(`state.${status.state}`, { at: status.nextAttemptAt ? at(status.nextAttemptAt) : '' })}</p>
      {status.state === 'read-only' && status.readOnly ? (
        <ReadOnlyLine login={status.readOnly} waiting={status.waiting} since={since} />
      ) : (
        <p>{t('backlog', { count: status.waiting, since })}</p>
      )}
      {status.branch && status.desk && <p>{t('origin', { branch: status.branch, desk: status.desk })}</p>}
      {status.lastPublishedAt && <p>{t('lastPublished', { at: at(status.lastPublishedAt) })}</p>}
      {status.lastError && (
        <p className="msg error">
          {t('lastError', {
            at: at(status.lastError.at),
            problem: t(`errors.${status.lastError.code}`, {
              errno: '',
              sqlstate: '',
              user: '',
              server: '',
              known: '',
              ...status.lastError.params,
            }),
          })}
        </p>
      )}
      {status.resultsAdopted ? <p>{t('adopted', { count: status.resultsAdopted })}</p> : null}
      {status.quarantined > 0 && <QuarantineLine status={status} />}
    </div>
  );
}

/** SQL string literal (the role name is the operator's input). */
const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * A support or auditor login the DBA did not map: what it reads, and that its own calls are kept
 * here (not waiting for a server that would refuse them) — for support, until it is mapped.
 */
function ReadOnlyLine({ login, waiting, since }: { login: NonNullable<TeamStatus['readOnly']>; waiting: number; since: string }) {
  const { t } = useTranslation('team');
  const user = login.user;
  return (
    <>
      <p>{t(`readOnly.${login.kind}`, { user })}</p>
      {login.kind === 'support' ? (
        <>
          <p>{t('readOnly.keptSupport', { user })}</p>
          <pre className="team-sql">
            <code>{`INSERT INTO faceid_team.desks (role_name, branch, desk)\n  VALUES (${sqlText(user)}, 'HQ', ${sqlText(`hq-${user}`)});`}</code>
          </pre>
          <p>{t('readOnly.keptSupportAfter')}</p>
        </>
      ) : (
        <p>{t('readOnly.keptAuditor')}</p>
      )}
      <p>{t('readOnly.kept', { count: waiting, since })}</p>
    </>
  );
}

/** The calls the server refused for good: how many, why, and the two ways out. */
function QuarantineLine({ status }: { status: TeamStatus }) {
  const { t } = useTranslation('team');
  const locale = useLanguage((s) => s.locale);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = (action: 'retry' | 'discard') => {
    setBusy(true);
    void api.teamOutbox({ action }).then((r) => {
      setBusy(false);
      setNote(
        r.ok
          ? t(action === 'retry' ? 'quarantineRetried' : 'quarantineDiscarded', { count: r.value.changed })
          : t(`errors.${r.error.code}`, { defaultValue: errorText(r.error) }),
      );
    });
  };
  const err = status.quarantineError;
  return (
    <div className="team-quarantine msg warning">
      <p>{t('quarantined', { count: status.quarantined })}</p>
      {err && (
        <p>
          {t('quarantineReason', {
            at: formatDateTime(err.at, locale, { seconds: false }),
            problem: t(`errors.${err.code}`, { ...TEAM_ERROR_PARAMS, ...err.params }),
          })}
        </p>
      )}
      <p>
        <button type="button" className="small" disabled={busy} onClick={() => act('retry')}>
          {t('quarantineRetry')}
        </button>{' '}
        <button type="button" className="small" disabled={busy} onClick={() => act('discard')}>
          {t('quarantineDiscard')}
        </button>
      </p>
      {note && <p role="status">{note}</p>}
    </div>
  );
}

/** Team history settings and status; the password is write-only. */
export function TeamPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('team');
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [draft, setDraft] = useState<TeamDraft | null>(null);
  const [problems, setProblems] = useState<Partial<Record<keyof TeamDraft, string>>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    const load = async (first: boolean) => {
      const r = await api.getTeamStatus({});
      if (!live) return;
      if (!r.ok) return setMessage({ kind: 'error', text: t(`errors.${r.error.code}`, { defaultValue: errorText(r.error) }) });
      setStatus(r.value);
      if (first) setDraft(toDraft(r.value.settings));
    };
    void load(true);
    const timer = setInterval(() => void load(false), 2000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [t]);

  const edit = (patch: Partial<TeamDraft>) => {
    if (draft) setDraft({ ...draft, ...patch });
    setMessage(null);
  };
  const save = async () => {
    if (!draft) return;
    const checked = fromDraft(draft);
    if ('problems' in checked) return setProblems(checked.problems);
    setProblems({});
    const r = await api.updateTeamSettings(checked);
    if (!r.ok) return setMessage({ kind: 'error', text: errorText(r.error) });
    setStatus(r.value);
    setDraft(toDraft(r.value.settings));
    setMessage({ kind: 'ok', text: t('saved') });
  };
  const field = (k: 'host' | 'port' | 'database' | 'user', extra: { inputMode?: 'numeric'; maxLength: number }) => (
    <div className="team-field">
      <label htmlFor={`team-${k}`}>{t(k)}</label>
      <input
        id={`team-${k}`}
        type="text"
        value={draft?.[k] ?? ''}
        onChange={(e) => edit({ [k]: e.target.value })}
        aria-invalid={problems[k] ? true : undefined}
        aria-describedby={problems[k] ? `team-${k}-msg` : undefined}
        {...extra}
      />
      {problems[k] && (
        <span className="msg error" id={`team-${k}-msg`}>
          {problems[k]}
        </span>
      )}
    </div>
  );

  return (
    <ToolDialog title={t('title')} onClose={onClose}>
      <form
        className="stack team-panel"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="notes">{t('intro')}</p>
        {status && <TeamStatusLine status={status} />}
        {draft && (
          <>
            <label className="checkbox">
              <input type="checkbox" checked={draft.enabled} onChange={(e) => edit({ enabled: e.target.checked })} />
              {t('enabled')}
            </label>
            <div className="team-grid">
              {field('host', { maxLength: 255 })}
              {field('port', { inputMode: 'numeric', maxLength: 5 })}
              {field('database', { maxLength: 63 })}
              {field('user', { maxLength: 63 })}
            </div>
            <label>
              {t('password')}
              <input
                type="password"
                autoComplete="new-password"
                value={draft.password}
                onChange={(e) => edit({ password: e.target.value })}
                aria-describedby="team-password-note"
              />
            </label>
            {status?.hasPassword && (
              <p className="notes" id="team-password-note">
                {status.passwordSessionOnly ? t('passwordSession') : t('passwordKept')}
              </p>
            )}
            <label htmlFor="team-tls">{t('tlsMode')}</label>
            <select id="team-tls" value={draft.tlsMode} onChange={(e) => edit({ tlsMode: e.target.value as TeamDraft['tlsMode'] })}>
              {TLS_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`tls.${m}`)}
                </option>
              ))}
            </select>
            {draft.tlsMode === 'verify-full' && (
              <label>
                {t('caPem')}
                <textarea rows={3} value={draft.caPem} onChange={(e) => edit({ caPem: e.target.value })} spellCheck={false} />
              </label>
            )}
          </>
        )}
        {message && (
          <p className={`msg ${message.kind === 'ok' ? 'ok' : 'error'}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={!draft}>
            {t('save')}
          </button>
        </div>
      </form>
    </ToolDialog>
  );
}
