import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useSession, useSessionState } from '../auth/SessionContext';
import { MessagePage } from '../components/MessagePage';
import { StatusLine } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import { RESEND_VERIFICATION, VERIFY_EMAIL } from '../graphql/operations';
import { failureText, mutationOutcome, type Failure } from '../lib/formErrors';
import { Trans, useTranslation } from '../i18n';
import { PATHS, useAddressToken } from '../lib/router';

type Verification = { kind: 'success'; email: string | null } | Failure;

/**
 * Each token is sent once per page load: React may mount the page twice (StrictMode), and a second call with a
 * spent token would answer that the link no longer works.
 */
const verifications = new Map<string, Promise<Verification>>();

function verifyOnce(client: GraphQLClient, token: string): Promise<Verification> {
  let pending = verifications.get(token);
  if (!pending) {
    pending = client
      .request(VERIFY_EMAIL, { input: { token } }, { authenticated: false, retryOnUnauthorized: false })
      .then((result) => {
        const outcome = mutationOutcome(result, (d) => d.verifyEmail);
        return outcome.kind === 'success' ? { kind: 'success' as const, email: outcome.payload.email } : outcome;
      });
    verifications.set(token, pending);
  }
  return pending;
}

/** Opened from a verification mail (or an email change's): confirms the address with the link's token. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const session = useSession();
  const state = useSessionState();
  const signedIn = state.status === 'signedIn';
  const token = useAddressToken();
  const [result, setResult] = useState<Verification | null>(null);

  useEffect(() => {
    if (!token) return;
    let live = true;
    void verifyOnce(session.client, token).then((outcome) => {
      if (!live) return;
      setResult(outcome);
      // A confirmed email change: the signed-in person's address is now the new one.
      if (outcome.kind === 'success') void session.reloadUser();
    });
    return () => {
      live = false;
    };
  }, [session, token]);

  const next = signedIn ? (
    <Link className="button button--primary button--block" to={PATHS.today}>
      {t('common.goToToday')}
    </Link>
  ) : (
    <Link className="button button--primary button--block" to={PATHS.signin}>
      {t('common.signIn')}
    </Link>
  );

  if (!token) {
    return (
      <MessagePage title={t('reset.incompleteTitle')} actions={next}>
        <p className="lead">{t('verify.incompleteText')}</p>
      </MessagePage>
    );
  }
  if (result === null) {
    return (
      <MessagePage title={t('verify.confirming')} live>
        <p className="lead">{t('verify.moment')}</p>
      </MessagePage>
    );
  }
  if (result.kind === 'success') {
    return (
      <MessagePage title={t('verify.doneTitle')} live actions={next}>
        <p className="lead">
          {result.email ? (
            <Trans i18nKey="verify.doneText" values={{ email: result.email }} components={{ address: <strong className="nowrap-anywhere" /> }} />
          ) : (
            t('verify.doneThanks')
          )}
        </p>
      </MessagePage>
    );
  }
  return (
    <MessagePage
      title={t('verify.expiredTitle')}
      live
      actions={signedIn ? <ResendButton client={session.client} /> : next}
    >
      <p className="lead">{failureText(result)}</p>
      <p className="muted">
        {signedIn ? t('verify.expiredSignedIn') : t('verify.expiredSignedOut')}
      </p>
    </MessagePage>
  );
}

function ResendButton({ client }: { client: GraphQLClient }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const resend = async () => {
    if (busy) return;
    setBusy(true);
    const outcome = mutationOutcome(await client.request(RESEND_VERIFICATION, {}), (d) => d.resendVerification);
    setBusy(false);
    setMessage(outcome.kind === 'success' ? t('verify.resent') : failureText(outcome));
  };
  return (
    <>
      <button type="button" className="button button--primary button--block" onClick={resend} aria-disabled={busy || undefined}>
        {busy ? t('common.sending') : t('verify.resend')}
      </button>
      <StatusLine message={message} />
      <Link className="message__secondary" to={PATHS.today}>
        {t('common.goToToday')}
      </Link>
    </>
  );
}
