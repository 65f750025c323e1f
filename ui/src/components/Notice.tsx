import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';

/** A message at the top of a form: announced to screen readers, amber rather than alarming red. */
export function FormAlert({ message, tone = 'attention' }: { message: string | null; tone?: 'attention' | 'info' }) {
  // The live region stays mounted so that a new message is reliably announced.
  return (
    <div className={message ? `notice notice--${tone}` : 'notice notice--empty'} role="alert" aria-atomic="true">
      {message}
    </div>
  );
}

/** The brand's mark alone (decorative); index.html shows the same one while the script loads. */
export function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="14" />
      <path d="M10 17l4 4 8-9" />
    </svg>
  );
}

export function Brand() {
  const { t } = useTranslation();
  return (
    <div className="brand">
      <BrandMark />
      <span className="brand__name">
        <span className="brand__first-word">{t('common.brandFirst')}</span>
        {t('common.brandSecond')}
      </span>
    </div>
  );
}

export function CenteredPage({ children }: { children: ReactNode }) {
  return (
    <div className="page page--centered">
      <header className="page__brand">
        <Brand />
      </header>
      <main className="auth-card" id="main">
        {children}
      </main>
    </div>
  );
}
