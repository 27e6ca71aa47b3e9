import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ToolDialogProps {
  /** The heading; also the dialog's accessible name unless `label` is given. */
  title: ReactNode;
  /** An accessible name other than the heading's text. */
  label?: string;
  onClose(): void;
  /** A wider dialog (tables, logs). */
  wide?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * The one dialog of the console's tools: a native modal <dialog> (focus is trapped inside it and
 * the page behind is inert), named by its heading, closed by its Close button or Escape; focus
 * goes back to whatever opened it (WCAG 2.4.3). The parent unmounts it on `onClose`.
 */
export function ToolDialog({ title, label, onClose, wide, className, children }: ToolDialogProps) {
  const { t } = useTranslation('app');
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => {
      // An unmounted dialog leaves the top layer with its element; focus must be put back by hand.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={['tool-dialog', wide ? 'wide' : '', className ?? ''].filter(Boolean).join(' ')}
      aria-labelledby={label === undefined ? headingId : undefined}
      aria-label={label}
      onClose={onClose}
    >
      <header className="tool-dialog-head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="small" onClick={() => dialog.current?.close()}>
          {t('dialog.close')}
        </button>
      </header>
      {children}
    </dialog>
  );
}
