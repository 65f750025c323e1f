import { describe, expect, it, vi } from 'vitest';
import { Session } from '../auth/session';
import { GraphQLClient } from '../graphql/client';
import { downloadExport, exportFileName } from './dataExport';

function sessionWith(token: string | null, refreshed: string | null) {
  const session = new Session({ client: new GraphQLClient({ fetch: vi.fn() as unknown as typeof fetch }) });
  vi.spyOn(session, 'getAccessToken').mockReturnValue(token);
  vi.spyOn(session, 'refresh').mockResolvedValue(refreshed ? { ok: true, accessToken: refreshed } : { ok: false, reason: 'signed-out' });
  return session;
}

const file = (status: number) =>
  new Response(status === 200 ? '{"tasks":[]}' : 'no', {
    status,
    headers: status === 200 ? { 'Content-Disposition': 'attachment; filename="personal-assistant-export-2026-11-25.json"' } : {},
  });

describe('downloadExport', () => {
  it('fetches /account/export with the access token and saves it under the server’s file name', async () => {
    const fetchImpl = vi.fn(async () => file(200));
    const save = vi.fn();
    expect(await downloadExport(sessionWith('t-1', null), fetchImpl as unknown as typeof fetch, save)).toBe('saved');
    expect(fetchImpl).toHaveBeenCalledWith('/account/export', { headers: { Authorization: 'Bearer t-1' }, credentials: 'same-origin' });
    expect(save.mock.calls[0]![0]).toBe('personal-assistant-export-2026-11-25.json');
    expect(await (save.mock.calls[0]![1] as Blob).text()).toBe('{"tasks":[]}');
  });

  it('refreshes the session once on a 401 and tries again', async () => {
    const fetchImpl = vi.fn().mockResolvedValueOnce(file(401)).mockResolvedValueOnce(file(200));
    const save = vi.fn();
    expect(await downloadExport(sessionWith('old', 'new'), fetchImpl as unknown as typeof fetch, save)).toBe('saved');
    expect(fetchImpl.mock.calls[1]![1]).toMatchObject({ headers: { Authorization: 'Bearer new' } });
  });

  it('says signed-out when the session cannot be refreshed, and network when offline', async () => {
    expect(await downloadExport(sessionWith('old', null), (async () => file(401)) as unknown as typeof fetch, vi.fn())).toBe('signed-out');
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await downloadExport(sessionWith('t', null), offline, vi.fn())).toBe('network');
  });
});

describe('exportFileName', () => {
  it('keeps a plain file name and refuses anything else', () => {
    expect(exportFileName('attachment; filename="a-b_1.json"')).toBe('a-b_1.json');
    expect(exportFileName('attachment; filename="../../etc/passwd"')).toBe('personal-assistant-export.json');
    expect(exportFileName(null)).toBe('personal-assistant-export.json');
  });
});
