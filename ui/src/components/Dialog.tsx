import * as Primitive from '@radix-ui/react-dialog';
import { forwardRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n';

/**
 * The one modal dialog of the app (the task panel, the shortcuts list), on Radix's accessible dialog: labelled by its
 * heading, focus kept inside while it is open and given back where it was after, Escape and the Close button close it,
 * the page behind is hidden from screen readers and does not scroll. It is open while it is rendered: the caller
 * shows it, and `onClose` asks the caller to stop.
 */
export const Dialog = forwardRef<
  HTMLDivElement,
  { title: string; onClose: () => void; size?: 'large' | 'small'; children: ReactNode }
>(function Dialog({ title, onClose, size = 'large', children }, ref) {
  const { t } = useTranslation();
  return (
    <Primitive.Root
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Primitive.Portal>
        <Primitive.Overlay className="dialog-overlay" />
        {/* No Description: the dialogs are read from their heading and their content. */}
        <Primitive.Content
          ref={ref}
          className={size === 'small' ? 'task-dialog task-dialog--small' : 'task-dialog'}
          aria-describedby={undefined}
          data-modal-dialog=""
        >
          <div className="task-dialog__header">
            <Primitive.Title className="task-dialog__heading">{title}</Primitive.Title>
            <Primitive.Close className="button button--quiet button--small">{t('common.close')}</Primitive.Close>
          </div>
          {children}
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  );
});
