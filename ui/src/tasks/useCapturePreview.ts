import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { GraphQLClient } from '../graphql/client';
import { queryKeys } from '../graphql/queryKeys';
import { PARSE_CAPTURE, type CapturePreview } from './api';

export const PREVIEW_DELAY_MS = 250;

export interface PreviewState {
  /** The text this preview is for. */
  text: string;
  /** The server's reading of it; null when it could not be asked. */
  preview: CapturePreview | null;
}

/**
 * How the server would read `text`, asked once typing pauses for {@link PREVIEW_DELAY_MS}, through the query cache
 * (a text read once is not asked again; an answer for an older text never replaces the newer one's). `stale` is
 * true while the shown preview is for an older text.
 */
export function useCapturePreview(text: string, today: string, client: GraphQLClient): { state: PreviewState | null; stale: boolean } {
  const [asked, setAsked] = useState<string | null>(null);

  useEffect(() => {
    if (!text.trim()) {
      setAsked(null);
      return;
    }
    const timer = setTimeout(() => setAsked(text), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const query = useQuery({
    queryKey: queryKeys.capture.preview(asked ?? '', today),
    queryFn: async (): Promise<PreviewState> => {
      const input = asked ?? '';
      const result = await client.request(PARSE_CAPTURE, { text: input });
      return { text: input, preview: result.kind === 'ok' ? result.data.parseCapture : null };
    },
    enabled: asked !== null,
    placeholderData: keepPreviousData,
  });
  const state = asked !== null && text.trim() ? (query.data ?? null) : null;
  return { state, stale: state !== null && state.text !== text };
}
