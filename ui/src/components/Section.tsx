import { forwardRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n';

/** One card of a page made of sections (Settings, Admin), labelled by its h2 (which can take focus, for links within the page). */
export function Section({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="card section" id={id} aria-labelledby={`${id}-heading`}>
      <h2 className="section__heading" id={`${id}-heading`} tabIndex={-1}>
        {title}
      </h2>
      {lead ? <p className="section__lead">{lead}</p> : null}
      {children}
    </section>
  );
}

/** A part of a section with its own h3 (e.g. "Change password" under Security). */
export function SubSection({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <div className="subsection" id={id}>
      <h3 className="subsection__heading">{title}</h3>
      {children}
    </div>
  );
}

/**
 * A polite, always-mounted live region for what just happened ("Saved."): screen readers announce each new message
 * without moving focus.
 */
export function StatusLine({ message }: { message: string | null }) {
  return (
    <p className={message ? 'status-line' : 'status-line status-line--empty'} role="status" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  );
}

/** A form's submit button that says when it is busy (and ignores clicks then) rather than going disabled. */
export const SubmitButton = forwardRef<
  HTMLButtonElement,
  { busy: boolean; label: string; busyLabel: string; tone?: 'primary' | 'quiet' | 'careful' }
>(function SubmitButton({ busy, label, busyLabel, tone = 'primary' }, ref) {
  return (
    <button ref={ref} className={`button button--${tone}`} type="submit" aria-disabled={busy || undefined}>
      {busy ? busyLabel : label}
    </button>
  );
});

/** What a section shows while its data loads, or when it could not be loaded (with a retry). */
export function LoadProblem({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="section__problem">
      <p>{message}</p>
      <button type="button" className="button button--small" onClick={onRetry}>
        {t('common.tryAgain')}
      </button>
    </div>
  );
}

/** `what`: the thing being loaded as the sentence names it, in the current language ("your profile"). */
export function Loading({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <p className="section__loading" role="status">
      {t('common.loadingWhat', { what })}
    </p>
  );
}
