// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { forgetQuery, navigate, queryParam, routeFor } from './router';

describe('routeFor', () => {
  it('knows every page, with or without a trailing slash', () => {
    expect(routeFor('/')).toBe('root');
    expect(routeFor('/settings/')).toBe('settings');
    expect(routeFor('/reset-password')).toBe('resetPassword');
    expect(routeFor('/verify-email')).toBe('verifyEmail');
    expect(routeFor('/forgot-password')).toBe('forgotPassword');
    expect(routeFor('/admin')).toBe('admin');
    expect(routeFor('/nope')).toBe('notFound');
  });
});

describe('navigate', () => {
  it('keeps a query the page has yet to read when sent to the same path without one', () => {
    window.history.replaceState(null, '', '/signin?deleted=1');
    navigate('/signin', { replace: true });
    expect(window.location.search).toBe('?deleted=1');
    navigate('/today');
    expect(window.location.pathname + window.location.search).toBe('/today');
  });
});

describe('queryParam and forgetQuery', () => {
  it('reads a one-time token, then takes it out of the address, keeping the rest', () => {
    window.history.replaceState(null, '', '/reset-password?token=abc&x=1');
    expect(queryParam('token')).toBe('abc');
    forgetQuery('token');
    expect(window.location.pathname + window.location.search).toBe('/reset-password?x=1');
    forgetQuery('x');
    expect(window.location.search).toBe('');
  });
});
