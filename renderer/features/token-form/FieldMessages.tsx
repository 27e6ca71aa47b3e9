import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../core/result';
import { useRenderRef } from '../../i18n/message-ref';

/** The errors and warnings of one field, announced to screen readers. */
export function FieldMessages({ id, issues, serviceMessage }: { id: string; issues: FieldIssue[]; serviceMessage?: string }) {
  const say = useRenderRef();
  const { t } = useTranslation('tokenForm');
  if (issues.length === 0 && !serviceMessage) return null;
  return (
    <ul className="field-messages" id={id} aria-live="polite">
      {serviceMessage && <li className="msg error">{t('serviceRefused', { message: serviceMessage })}</li>}
      {issues.map((i, n) => (
        <li key={n} className={`msg ${i.severity}`}>
          {say(i.message)}
        </li>
      ))}
    </ul>
  );
}
