import { useRef, type FormEvent, type ReactNode } from 'react';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { CenteredPage, FormAlert } from './Notice';
import { PageHeading } from './PageHeading';

interface AuthFormPageProps {
  /** The page's heading and document title. */
  title: string;
  lead: string;
  formError: string | null;
  /** A calm note above the form (not an error), e.g. after deleting an account. */
  info?: string | null;
  submitting: boolean;
  onSubmit: (event: FormEvent) => void;
  submitLabel: string;
  /** The button's label while the form is being sent. */
  submittingLabel: string;
  /** Below the form, before the footer (e.g. "Sign in with Google"). */
  after?: ReactNode;
  /** The line under the form, e.g. the link to the other form. */
  footer: ReactNode;
  /** The form's fields. */
  children: ReactNode;
}

/** The page around the sign-in and sign-up forms: heading (focused on arrival), form-level alert and submit button. */
export function AuthFormPage({
  title,
  lead,
  formError,
  info = null,
  submitting,
  onSubmit,
  submitLabel,
  submittingLabel,
  after = null,
  footer,
  children,
}: AuthFormPageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title);
  useFocusOnNavigation(headingRef);
  return (
    <CenteredPage>
      <PageHeading ref={headingRef}>{title}</PageHeading>
      <p className="lead">{lead}</p>
      {info ? <p className="notice notice--info auth-card__info">{info}</p> : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={submitting}>
        <FormAlert message={formError} />
        {children}
        <button className="button button--primary button--block" type="submit" aria-disabled={submitting || undefined}>
          {submitting ? submittingLabel : submitLabel}
        </button>
      </form>
      {after}
      <p className="switch">{footer}</p>
    </CenteredPage>
  );
}
