// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeAccountsServer } from '../test/fakeGraphQL';
import { renderApp } from '../test/renderApp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => cleanup());

describe('Forgot password', () => {
  it('is linked from sign-in and always answers calmly, naming the address typed', async () => {
    const server = new FakeAccountsServer();
    await renderApp('/signin', server);
    fireEvent.click(await screen.findByRole('link', { name: 'Forgot password?' }));
    await screen.findByRole('heading', { level: 1, name: 'Forgot your password?' });
    expect(window.location.pathname).toBe('/forgot-password');
    type('Email', 'someone@example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Send me a link' }));
    await screen.findByRole('heading', { level: 1, name: 'Check your mail' });
    expect(screen.getByRole('status').textContent).toContain('If an account uses someone@example.com');
    expect(server.settings.callsOf('RequestPasswordReset')[0]!.variables.input).toEqual({ email: 'someone@example.com' });
  });

  it('shows the server’s message when asked too often', async () => {
    const server = new FakeAccountsServer();
    server.settings.overrides.RequestPasswordReset = () =>
      new Response(
        JSON.stringify({
          data: { requestPasswordReset: { userErrors: [{ field: null, message: 'Please wait a little before asking again.', code: 'RATE_LIMITED' }] } },
        }),
        { headers: { 'Content-Type': 'application/json' } },
      );
    await renderApp('/forgot-password', server);
    type('Email', 'ada@example.com');
    fireEvent.click(await screen.findByRole('button', { name: 'Send me a link' }));
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('Please wait a little before asking again.'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Forgot your password?');
  });
});

describe('Reset password', () => {
  it('takes the token out of the address, sets the new password and offers to sign in', async () => {
    const server = new FakeAccountsServer();
    server.settings.resetTokens.add('tok-1');
    await renderApp('/reset-password?token=tok-1', server);
    await screen.findByRole('heading', { level: 1, name: 'Choose a new password' });
    await waitFor(() => expect(window.location.search).toBe(''));
    type('New password', 'a-brand-new-passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Save new password' }));
    await screen.findByRole('heading', { level: 1, name: 'Your password is changed' });
    expect(server.settings.password).toBe('a-brand-new-passphrase');
    fireEvent.click(screen.getByRole('link', { name: 'Sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
  });

  it('says when the link no longer works, with a way to ask again', async () => {
    const server = new FakeAccountsServer();
    await renderApp('/reset-password?token=spent', server);
    type('New password', 'a-brand-new-passphrase');
    fireEvent.click(await screen.findByRole('button', { name: 'Save new password' }));
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('This link has expired or was already used.'));
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe('/forgot-password');
  });

  it('explains a link without its token', async () => {
    await renderApp('/reset-password', new FakeAccountsServer());
    await screen.findByRole('heading', { level: 1, name: 'This link is incomplete' });
  });
});

describe('Verify email', () => {
  it('confirms the address once, even when the page mounts twice', async () => {
    const server = new FakeAccountsServer();
    server.settings.verifyTokens.set('v-1', 'ada@example.com');
    await renderApp('/verify-email?token=v-1', server, { strict: true });
    await screen.findByRole('heading', { level: 1, name: 'Your address is confirmed' });
    expect(screen.getByRole('status').textContent).toContain('ada@example.com is confirmed');
    expect(server.settings.callsOf('VerifyEmail')).toHaveLength(1);
    expect(window.location.search).toBe('');
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy();
  });

  it('offers a new link to a signed-in person whose link no longer works', async () => {
    const server = new FakeAccountsServer();
    server.cookie = 'cookie-0';
    await renderApp('/verify-email?token=old', server);
    await screen.findByRole('heading', { level: 1, name: 'This link doesn’t work any more' });
    fireEvent.click(screen.getByRole('button', { name: 'Send me a new link' }));
    await waitFor(() => expect(screen.getAllByRole('status').some((s) => /new link is on its way/.test(s.textContent ?? ''))).toBe(true));
    expect(server.settings.callsOf('ResendVerification')).toHaveLength(1);
  });
});
