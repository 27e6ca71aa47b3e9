import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The frame the desk's photo dialogs share (camera, crop): a modal with its title, the body, and
 * a row of actions ending in Cancel. Esc cancels; on opening, focus goes to the element marked
 * `data-autofocus` in the body, else to the dialog itself, so the keyboard starts inside.
 */
export function DeskDialog({
  title,
  children,
  actions,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  actions: ReactNode;
  onCancel(): void;
}) {
  const { t } = useTranslation('desk');
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = root.current;
    (el?.querySelector<HTMLElement>('[data-autofocus]') ?? el)?.focus();
  }, []);
  return (
    <div
      ref={root}
      className="desk-dialog"
      role="dialog"
      aria-modal="true"
      aria-label={title}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onCancel();
      }}
    >
      <h3>{title}</h3>
      {children}
      <div className="actions">
        {actions}
        <button type="button" onClick={onCancel}>
          {t('capture.cancel')}
        </button>
      </div>
    </div>
  );
}
