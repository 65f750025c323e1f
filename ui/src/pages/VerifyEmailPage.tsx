import { useEffect, useState } from 'react';
import { useSession, useSessionState } from '../auth/SessionContext';
import { MessagePage } from '../components/MessagePage';
import { StatusLine } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import { RESEND_VERIFICATION, VERIFY_EMAIL } from '../graphql/operations';
import { failureText, mutationOutcome, type Failure } from '../lib/formErrors';
import { linkProps, PATHS, useAddressToken } from '../lib/router';

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
    <a className="button button--primary button--block" {...linkProps(PATHS.today)}>
      Go to Today
    </a>
  ) : (
    <a className="button button--primary button--block" {...linkProps(PATHS.signin)}>
      Sign in
    </a>
  );

  if (!token) {
    return (
      <MessagePage title="This link is incomplete" actions={next}>
        <p className="lead">Part of the link seems to be missing. Try opening it again from the mail.</p>
      </MessagePage>
    );
  }
  if (result === null) {
    return (
      <MessagePage title="Confirming your address…" live>
        <p className="lead">This takes a moment.</p>
      </MessagePage>
    );
  }
  if (result.kind === 'success') {
    return (
      <MessagePage title="Your address is confirmed" live actions={next}>
        <p className="lead">
          {result.email ? (
            <>
              <strong className="nowrap-anywhere">{result.email}</strong> is confirmed.
            </>
          ) : (
            'Thank you.'
          )}{' '}
          Mail from your assistant goes there.
        </p>
      </MessagePage>
    );
  }
  return (
    <MessagePage
      title="This link doesn’t work any more"
      live
      actions={signedIn ? <ResendButton client={session.client} /> : next}
    >
      <p className="lead">{failureText(result)}</p>
      <p className="muted">
        {signedIn
          ? 'Links work for 24 hours, once. You can have a new one sent now.'
          : 'Links work for 24 hours, once. Sign in to have a new one sent from Settings.'}
      </p>
    </MessagePage>
  );
}

function ResendButton({ client }: { client: GraphQLClient }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const resend = async () => {
    if (busy) return;
    setBusy(true);
    const outcome = mutationOutcome(await client.request(RESEND_VERIFICATION, {}), (d) => d.resendVerification);
    setBusy(false);
    setMessage(outcome.kind === 'success' ? 'A new link is on its way. It works for 24 hours.' : failureText(outcome));
  };
  return (
    <>
      <button type="button" className="button button--primary button--block" onClick={resend} aria-disabled={busy || undefined}>
        {busy ? 'Sending…' : 'Send me a new link'}
      </button>
      <StatusLine message={message} />
      <a className="message__secondary" {...linkProps(PATHS.today)}>
        Go to Today
      </a>
    </>
  );
}
