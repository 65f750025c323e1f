// The data export is a download (GET /account/export), not a GraphQL field: fetched with the access token, saved as
// a file. A 401 gets one session refresh and one retry, as GraphQL requests do.
import type { Session } from '../auth/session';
import { downloadUrl } from '../lib/download';

export const EXPORT_PATH = '/account/export';
const FALLBACK_NAME = 'personal-assistant-export.json';

export type ExportOutcome = 'saved' | 'network' | 'error' | 'signed-out';

/** The file name a Content-Disposition header gives, or a sensible one. */
export function exportFileName(contentDisposition: string | null): string {
  const match = contentDisposition?.match(/filename="?([^";]+)"?/i);
  const name = match?.[1]?.trim();
  return name && /^[\w.-]+$/.test(name) ? name : FALLBACK_NAME;
}

export async function downloadExport(
  session: Session,
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
  save: (filename: string, blob: Blob) => void = (filename, blob) => downloadUrl(filename, URL.createObjectURL(blob)),
): Promise<ExportOutcome> {
  const ask = (token: string | null) =>
    fetchImpl(EXPORT_PATH, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      credentials: 'same-origin',
    });
  let response: Response;
  try {
    response = await ask(session.getAccessToken());
    if (response.status === 401) {
      const refreshed = await session.refresh();
      if (!refreshed.ok) return refreshed.reason === 'network' ? 'network' : refreshed.reason === 'signed-out' ? 'signed-out' : 'error';
      response = await ask(refreshed.accessToken);
    }
    if (response.status === 401) return 'signed-out';
    if (!response.ok) return 'error';
    save(exportFileName(response.headers.get('Content-Disposition')), await response.blob());
    return 'saved';
  } catch {
    return 'network';
  }
}
