import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PER_CUSTOMER_PARAMS } from '../../../core/faceid/catalogue';
import { useConsole } from '../../app/store';
import { useNow } from '../result/useNow';
import { DeskCall } from './DeskCall';
import { DeskForm } from './DeskForm';
import { useDesk } from './desk-store';
import { TodayList, useTodayRows } from './TodayList';
import { useWatch } from './useWatch';
import { renderRef } from '../../i18n/message-ref';
import { errorText } from '../../i18n/error-text';

/**
 * The desk: a clerk's task on one screen — the customer form, the call (QR, status, verdict,
 * record) and today's customers. Same store and operations as the Expert view.
 */
export function DeskView({ onExpert }: { onExpert(): void }) {
  const { t } = useTranslation('desk');
  const call = useConsole((s) => s.call);
  const shownId = useDesk((s) => s.shownId);
  const now = useNow(1000);
  const issuedId =
    call.phase === 'done' && call.result.ok && call.result.value.outcome === 'issued' ? call.result.value.historyId : undefined;
  const current = shownId ?? issuedId;
  const rows = useTodayRows(issuedId);
  const ids = useMemo(
    () => [...new Set([...(current !== undefined ? [current] : []), ...rows.filter((r) => r.status === 'issued').map((r) => r.id)])],
    [current, rows],
  );
  const watch = useWatch(ids);
  const profile = useConsole((s) => s.profiles.find((p) => p.id === s.activeProfileId));

  useEffect(() => {
    // A profile's default for a per-customer field (the sandbox's default uuid) is a developer's
    // convenience; at the desk it would carry one customer's id over to the next.
    if (!profile) return;
    const { values, setValue } = useConsole.getState();
    for (const p of PER_CUSTOMER_PARAMS)
      if (p !== 'biz_no' && profile.defaults[p] !== undefined && values[p] === profile.defaults[p]) setValue(p, '');
  }, [profile]);

  useEffect(() => {
    // A fresh desk starts with a blank customer (a profile's default uuid is a developer's convenience).
    if (useConsole.getState().call.phase === 'idle') useDesk.getState().newCustomer({ focus: false });
    const onKey = (e: KeyboardEvent) => {
      if (
        e.altKey &&
        !e.ctrlKey &&
        !e.metaKey &&
        e.code === 'KeyN' &&
        !document.querySelector('dialog[open], [role="dialog"][aria-modal="true"]')
      ) {
        e.preventDefault();
        useDesk.getState().newCustomer();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const failed = call.phase === 'done' && shownId === undefined && (!call.result.ok || call.result.value.outcome !== 'issued');
  return (
    <div className="desk">
      <DeskForm onExpert={onExpert} />
      {current !== undefined ? (
        <DeskCall
          key={current}
          id={current}
          watch={watch.get(current)}
          nowMs={now}
          fromForm={current === issuedId}
          onNext={() => useDesk.getState().newCustomer()}
        />
      ) : failed && call.phase === 'done' ? (
        <section className="desk-call pane msg error" role="alert">
          <h2>{t('error.title')}</h2>
          <p>
            {call.result.ok
              ? call.result.value.outcome === 'issued'
                ? ''
                : `${call.result.value.error.code}: ${renderRef(call.result.value.error.title)}`
              : errorText(call.result.error)}
          </p>
        </section>
      ) : (
        <section className="desk-call pane desk-idle">
          <h2>{t('idle.title')}</h2>
          <p>{t('idle.text')}</p>
        </section>
      )}
      <TodayList rows={rows} watch={watch} shownId={current} nowMs={now} onPick={(id) => useDesk.getState().show(id)} />
    </div>
  );
}
