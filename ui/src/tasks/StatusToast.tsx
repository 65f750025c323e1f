import { useTranslation } from '../i18n';
import type { StatusMessage } from './useTaskRequests';

/** The polite live region for what just happened ("Done: pay rent. Undo"); stays until replaced or dismissed. */
export function StatusToast({
  status,
  onDismiss,
  onUndo,
}: {
  status: StatusMessage | null;
  onDismiss: () => void;
  onUndo: (undo: NonNullable<StatusMessage['undo']>) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="toast-region" role="status" aria-live="polite" aria-atomic="true">
      {status ? (
        <div className="toast" key={status.id}>
          <p className="toast__text">{status.text}</p>
          {status.undo ? (
            <button type="button" className="toast__button" onClick={() => onUndo(status.undo!)}>
              {status.undo.label}
            </button>
          ) : null}
          <button type="button" className="toast__close" aria-label={t('common.dismiss')} onClick={onDismiss}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
