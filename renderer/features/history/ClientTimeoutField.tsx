import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_TIMEOUT_DEFAULT_MS, CLIENT_TIMEOUT_MAX_MS, CLIENT_TIMEOUT_MIN_MS } from '../../../core/client-timeout';

/**
 * The profile's client timeout in whole seconds (stored in ms). Only a value inside the bounds is
 * handed on; while the field holds anything else the browser's own validity check stops the form.
 */
export function ClientTimeoutField({ value, onChange }: { value: number | undefined; onChange(ms: number): void }) {
  const { t } = useTranslation('support');
  const [text, setText] = useState(String(Math.round((value ?? CLIENT_TIMEOUT_DEFAULT_MS) / 1000)));
  return (
    <label>
      {t('timeout.label')}
      <input
        type="number"
        inputMode="numeric"
        min={CLIENT_TIMEOUT_MIN_MS / 1000}
        max={CLIENT_TIMEOUT_MAX_MS / 1000}
        step={1}
        required
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const seconds = Number(e.target.value);
          const ms = seconds * 1000;
          if (e.target.value !== '' && Number.isInteger(seconds) && ms >= CLIENT_TIMEOUT_MIN_MS && ms <= CLIENT_TIMEOUT_MAX_MS)
            onChange(ms);
        }}
      />
      <small className="hint">{t('timeout.hint')}</small>
    </label>
  );
}
