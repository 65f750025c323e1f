import { useRef } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/SessionContext';
import { BrandMark, CenteredPage } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { useTranslation } from '../i18n';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { PATHS } from '../lib/router';

export function RestoringPage() {
  const { t } = useTranslation();
  useDocumentTitle('');
  return (
    <div className="page page--centered" aria-busy="true">
      <header className="page__brand">
        <BrandMark />
      </header>
      <main className="restoring" id="main">
        <span className="restoring__dot" aria-hidden="true" />
        <p role="status">{t('status.restoring')}</p>
      </main>
    </div>
  );
}

/** While a page's code arrives (it loads when first opened). */
export function LoadingPage() {
  const { t } = useTranslation();
  return (
    <div className="page page--centered" aria-busy="true">
      <main className="restoring" id="main">
        <span className="restoring__dot" aria-hidden="true" />
        <p role="status">{t('status.loadingPage')}</p>
      </main>
    </div>
  );
}

export function UnreachablePage() {
  const { t } = useTranslation();
  const session = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('status.unreachableTitle'));
  useFocusOnNavigation(headingRef);
  return (
    <CenteredPage>
      <PageHeading ref={headingRef}>{t('status.unreachableHeading')}</PageHeading>
      <p className="lead" role="alert">
        {t('status.unreachableText')}
      </p>
      <button className="button button--primary button--block" type="button" onClick={() => void session.start()}>
        {t('common.tryAgain')}
      </button>
    </CenteredPage>
  );
}

export function NotFoundPage({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('status.notFoundTitle'));
  useFocusOnNavigation(headingRef);
  return (
    <CenteredPage>
      <PageHeading ref={headingRef}>{t('status.notFoundHeading')}</PageHeading>
      <p className="lead">{t('status.notFoundText')}</p>
      <Link className="button button--primary button--block" to={signedIn ? PATHS.today : PATHS.signin}>
        {signedIn ? t('common.goToToday') : t('common.goToSignIn')}
      </Link>
    </CenteredPage>
  );
}

/** A page this person may not use (Admin for someone who is not an administrator): said once, plainly. */
export function NotAvailablePage() {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('status.notAvailableTitle'));
  useFocusOnNavigation(headingRef);
  return (
    <CenteredPage>
      <PageHeading ref={headingRef}>{t('status.notAvailableHeading')}</PageHeading>
      <p className="lead">{t('status.notAvailableText')}</p>
      <Link className="button button--primary button--block" to={PATHS.today}>
        {t('common.goToToday')}
      </Link>
    </CenteredPage>
  );
}
