import { useEffect, useId, useRef } from 'react';
import { useTranslation } from '../i18n';

const KEYS = [
  { keys: ['n', '/'], what: 'capture' },
  { keys: ['j'], what: 'next' },
  { keys: ['k'], what: 'previous' },
  { keys: ['x'], what: 'complete' },
  { keys: ['e'], what: 'edit' },
  { keys: ['?'], what: 'help' },
] as const;

/** The list of keyboard shortcuts ("?"): a modal dialog, closed with Escape or its button. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => dialog?.close?.();
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className="task-dialog task-dialog--small"
      aria-labelledby={`${id}-heading`}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="task-dialog__header">
        <h2 className="task-dialog__heading" id={`${id}-heading`}>
          {t('shortcuts.heading')}
        </h2>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <dl className="shortcuts">
        {KEYS.map(({ keys, what }) => (
          <div className="shortcuts__row" key={what}>
            <dt>
              {keys.map((key, i) => (
                <span key={key}>
                  {i > 0 ? ` ${t('shortcuts.or')} ` : null}
                  <kbd className="kbd">{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(`shortcuts.keys.${what}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('shortcuts.note')}</p>
    </dialog>
  );
}
