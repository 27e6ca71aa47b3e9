import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SandboxLan } from '../../../core/api';
import { api } from '../../bridge';

/**
 * The built-in sandbox's reach: this computer only, or also one of its network addresses so a
 * phone on the branch Wi-Fi can open the link (with the warning that others can reach it too).
 */
export function SandboxLanChoice({ onChange }: { onChange(lan: SandboxLan): void }) {
  const { t } = useTranslation('desk');
  const id = useId();
  const [lan, setLan] = useState<SandboxLan>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.getSandboxLan({}).then((r) => {
      if (!live || !r.ok) return;
      setLan(r.value);
      onChange(r.value);
    });
    return () => {
      live = false;
    };
    // The choice is read once per hand-off; onChange is the parent's setter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!lan) return null;
  const choose = async (value: string) => {
    const address = value === '' ? null : value;
    setBusy(true);
    setProblem(undefined);
    const r = await api.setSandboxLan({ address });
    setBusy(false);
    if (r.ok) {
      setLan(r.value);
      onChange(r.value);
      return;
    }
    if (r.error.code === 'LAN_ADDRESS_UNKNOWN') setProblem(t('handoff.lanUnknown', { address: value }));
    else setProblem(t('handoff.lanFailed', { address: value, reason: r.error.reason ?? r.error.code }));
  };

  return (
    <div className="desk-lan">
      {lan.addresses.length === 0 ? (
        <p className="hint">{t('handoff.lanNone')}</p>
      ) : (
        <p>
          <label htmlFor={id}>{t('handoff.serveOn')}</label>{' '}
          <select id={id} value={lan.address ?? ''} disabled={busy} onChange={(e) => void choose(e.target.value)}>
            <option value="">{t('handoff.loopbackOnly')}</option>
            {lan.addresses.map((a) => (
              <option key={a.address} value={a.address}>
                {t('handoff.lanOption', { address: a.address, iface: a.interface })}
              </option>
            ))}
          </select>
        </p>
      )}
      {lan.lanBaseUrl && (
        <p className="msg warning" role="status">
          {t('handoff.lanWarning', { url: lan.lanBaseUrl })}
        </p>
      )}
      {problem && (
        <p className="msg error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
