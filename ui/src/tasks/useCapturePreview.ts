import { useEffect, useRef, useState } from 'react';
import type { GraphQLClient, GraphQLResult } from '../graphql/client';
import { PARSE_CAPTURE, type CapturePreview } from './api';
import { DebouncedLatest, type Timers } from './latest';

export const PREVIEW_DELAY_MS = 250;

export interface PreviewState {
  /** The text this preview is for. */
  text: string;
  /** The server's reading of it; null when it could not be asked. */
  preview: CapturePreview | null;
}

/**
 * How the server would read `text`, asked once typing pauses for {@link PREVIEW_DELAY_MS}; only the latest request's
 * answer is kept. `stale` is true while the shown preview is for an older text.
 */
export function useCapturePreview(
  text: string,
  client: GraphQLClient,
  timers?: Timers,
): { state: PreviewState | null; stale: boolean } {
  const [state, setState] = useState<PreviewState | null>(null);
  const scheduler = useRef<DebouncedLatest<string, GraphQLResult<{ parseCapture: CapturePreview | null }>> | null>(null);
  if (scheduler.current === null) {
    scheduler.current = new DebouncedLatest({
      delayMs: PREVIEW_DELAY_MS,
      run: (input) => client.request(PARSE_CAPTURE, { text: input }),
      onResult: (input, result) => {
        setState({ text: input, preview: result.kind === 'ok' ? result.data.parseCapture : null });
      },
      timers,
    });
  }

  useEffect(() => {
    const latest = scheduler.current!;
    if (!text.trim()) {
      latest.cancel();
      setState(null);
      return;
    }
    latest.push(text);
  }, [text]);

  useEffect(() => {
    const latest = scheduler.current!;
    return () => latest.cancel();
  }, []);

  return { state, stale: state !== null && state.text !== text };
}
