import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SandboxScene } from '../../../core/api';
import { useConsole } from '../../app/store';

const TRANSPORT_KEYS = { reset: 'scenes.reset', 'proxy-502': 'scenes.proxy502', trickle: 'scenes.trickle' } as const;

/** The sandbox's magic uuids with what each forces, each one click from the token form. */
export function SandboxScenes({ scenes, onUsed }: { scenes: SandboxScene[]; onUsed(): void }) {
  const { t } = useTranslation('support');
  const [used, setUsed] = useState<string>();
  const answerOf = (s: SandboxScene): string => {
    if (s.answer === 'latency') return t('scenes.latency', { max: s.maxLatencyMs ?? 0 });
    const transport = TRANSPORT_KEYS[s.answer as keyof typeof TRANSPORT_KEYS];
    const what = transport ? t(transport) : s.answer;
    return s.httpStatus !== undefined && !transport ? `${t('scenes.http', { status: s.httpStatus })} ${what}` : what;
  };
  return (
    <section className="sandbox-scenes" aria-label={t('scenes.title')}>
      <h3>{t('scenes.title')}</h3>
      <p className="hint">{t('scenes.hint')}</p>
      <table className="scenes-table">
        <thead>
          <tr>
            <th scope="col">{t('scenes.uuid')}</th>
            <th scope="col">{t('scenes.answer')}</th>
            <th scope="col" aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {scenes.map((s) => (
            <tr key={s.uuid}>
              <th scope="row">
                <code>{s.uuid}</code>
              </th>
              <td>
                {answerOf(s)}
                {s.needsReference && <small className="hint"> — {t('scenes.needsReference')}</small>}
              </td>
              <td>
                <button
                  type="button"
                  className="small"
                  aria-label={`${t('scenes.useInForm')}: ${s.uuid}`}
                  onClick={() => {
                    useConsole.getState().setValue('uuid', s.uuid);
                    setUsed(s.uuid);
                    onUsed();
                  }}
                >
                  {t('scenes.useInForm')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {used && (
        <p className="msg ok" role="status">
          {t('scenes.used', { uuid: used })}
        </p>
      )}
    </section>
  );
}
