import type { FieldIssue } from '../../../core/result';
import { useRenderRef } from '../../i18n/message-ref';

/** The errors and warnings of one field, announced to screen readers. */
export function FieldMessages({ id, issues, serviceMessage }: { id: string; issues: FieldIssue[]; serviceMessage?: string }) {
  const say = useRenderRef();
  if (issues.length === 0 && !serviceMessage) return null;
  return (
    <ul className="field-messages" id={id} aria-live="polite">
      {serviceMessage && <li className="msg error">The service refused this field: {serviceMessage}</li>}
      {issues.map((i, n) => (
        <li key={n} className={`msg ${i.severity}`}>
          {say(i.message)}
        </li>
      ))}
    </ul>
  );
}
