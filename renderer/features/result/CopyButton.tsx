import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies a value to the clipboard and says so. */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const { t } = useTranslation('result');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      className="small copy"
      aria-label={t('copy.label', { what })}
      onClick={() => {
        navigator.clipboard.writeText(value).then(
          () => setState('copied'),
          () => setState('failed'),
        );
        setTimeout(() => setState('idle'), 1500);
      }}
    >
      {t(`copy.${state}`)}
    </button>
  );
}
