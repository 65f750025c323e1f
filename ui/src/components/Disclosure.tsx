import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A button that shows and hides a part of the page (a form to change something), so that a long page stays calm.
 * Opening moves focus to the first field inside; closing (Cancel, or done) brings it back to the button.
 */
export function Disclosure({
  label,
  open,
  onOpenChange,
  children,
}: {
  label: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}) {
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(open);

  useEffect(() => {
    if (open && !wasOpen.current) panelRef.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    if (!open && wasOpen.current) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <div className="disclosure">
      <button
        ref={buttonRef}
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => onOpenChange(!open)}
      >
        {label}
      </button>
      <div id={panelId} ref={panelRef} className="disclosure__panel" hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  );
}
