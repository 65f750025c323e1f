// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserRouter } from 'react-router';
import { queryParam, useAddressToken } from './router';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function TokenPage({ seen }: { seen: (token: string | null) => void }) {
  seen(useAddressToken());
  return null;
}

describe('useAddressToken', () => {
  afterEach(cleanup);

  it('reads a one-time token once, then takes it out of the address, keeping the rest', async () => {
    window.history.replaceState(null, '', '/reset-password?token=abc&x=1');
    const tokens: (string | null)[] = [];
    await act(async () => {
      render(
        <BrowserRouter>
          <TokenPage seen={(token) => tokens.push(token)} />
        </BrowserRouter>,
      );
    });
    expect(tokens.every((token) => token === 'abc')).toBe(true);
    expect(window.location.pathname + window.location.search).toBe('/reset-password?x=1');
    expect(queryParam('token')).toBeNull();
  });
});
