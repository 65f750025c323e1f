import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type FormEvent } from 'react';
import type { GraphQLClient } from '../graphql/client';
import { CAPTURE_TASK, type CapturePreview, type Task } from './api';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { dueWords, priorityWords, reminderWords, repeatWords } from './format';
import { BellIcon, CalendarIcon, PriorityIcon, RepeatIcon } from './icons';
import type { Timers } from './latest';
import { useCapturePreview } from './useCapturePreview';
import { failureMessage, userErrorMessage } from './useToday';

export const CAPTURE_LABEL = 'Capture a task';
export const CAPTURE_PLACEHOLDER = 'Capture a task… e.g. call mom tomorrow 5pm !high #family';
/** On a phone the example would be cut mid-word; the hint under the box gives the grammar instead. */
export const CAPTURE_PLACEHOLDER_NARROW = 'Capture a task…';
const NARROW = '(max-width: 30rem)';

function matchNarrow(): MediaQueryList | null {
  try {
    return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(NARROW) : null;
  } catch {
    return null;
  }
}

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => matchNarrow()?.matches ?? false);
  useEffect(() => {
    const query = matchNarrow();
    if (!query) return;
    const update = () => setNarrow(query.matches);
    update();
    query.addEventListener?.('change', update);
    return () => query.removeEventListener?.('change', update);
  }, []);
  return narrow;
}
const EMPTY_MESSAGE = 'Type a task first — for example “water plants every day”.';

export interface CaptureBarHandle {
  focus(): void;
}

interface CaptureBarProps {
  client: GraphQLClient;
  /** The person's current day (YYYY-MM-DD) and zone, for the preview's "today"/"tomorrow". */
  today: string;
  timeZone: string;
  /** Where the text being typed is kept across a reload of this tab (never across sign-out); null keeps it nowhere. */
  draftKey: string | null;
  onCaptured: (task: Task) => void;
  timers?: Timers;
}

/**
 * One line to capture a task. While typing, a preview shows how it will be read; Enter saves it. Whatever was typed
 * stays until it is saved: a failure keeps it, and text typed while saving is not cleared.
 */
export const CaptureBar = forwardRef<CaptureBarHandle, CaptureBarProps>(function CaptureBar(
  { client, today, timeZone, draftKey, onCaptured, timers },
  ref,
) {
  const id = useId();
  const [text, setText] = useState(() => (draftKey ? loadDraft(draftKey) : ''));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const textRef = useRef(text);
  textRef.current = text;
  const savingRef = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const { state, stale } = useCapturePreview(text, client, timers);
  const narrow = useNarrow();

  useImperativeHandle(ref, () => ({ focus: () => inputRef.current?.focus() }), []);

  useEffect(() => {
    if (draftKey) saveDraft(draftKey, text);
  }, [draftKey, text]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (savingRef.current) return;
    const submitted = text;
    if (!submitted.trim()) {
      setError(EMPTY_MESSAGE);
      inputRef.current?.focus();
      return;
    }
    savingRef.current = true;
    setSaving(true);
    setError(null);
    const result = await client.request(CAPTURE_TASK, { input: { text: submitted } });
    savingRef.current = false;
    setSaving(false);
    if (result.kind !== 'ok') {
      setError(`${failureMessage(result)} What you typed is still here.`);
      return;
    }
    const payload = result.data.captureTask;
    if (!payload.task) {
      setError(userErrorMessage(payload.userErrors));
      return;
    }
    // Only what was saved leaves the box: anything typed meanwhile stays.
    const current = textRef.current;
    const rest = current === submitted ? '' : current.startsWith(submitted) ? current.slice(submitted.length).trimStart() : current;
    setText(rest);
    if (!rest && draftKey) clearDraft(draftKey);
    onCaptured(payload.task);
    inputRef.current?.focus();
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const previewId = `${id}-preview`;
  return (
    <form className="capture" onSubmit={submit} noValidate aria-busy={saving || undefined}>
      <label className="visually-hidden" htmlFor={`${id}-input`}>
        {CAPTURE_LABEL}
      </label>
      <div className={`capture__row${error ? ' capture__row--invalid' : ''}`}>
        <input
          ref={inputRef}
          id={`${id}-input`}
          className="capture__input"
          type="text"
          name="capture"
          value={text}
          placeholder={narrow ? CAPTURE_PLACEHOLDER_NARROW : CAPTURE_PLACEHOLDER}
          autoComplete="off"
          enterKeyHint="done"
          maxLength={1000}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : null, text.trim() ? previewId : hintId].filter(Boolean).join(' ')}
        />
        <button className="button button--primary capture__add" type="submit" aria-disabled={saving || undefined}>
          {saving ? 'Saving…' : 'Add'}
        </button>
      </div>
      <div className="capture__below">
        {/* The preview and the hint share one place, so the page does not jump while typing. */}
        <div
          className={`capture__preview${stale ? ' capture__preview--stale' : ''}`}
          id={previewId}
          aria-live="polite"
          aria-atomic="true"
          data-testid="capture-preview"
        >
          {state && text.trim() ? <PreviewLine preview={state.preview} today={today} timeZone={timeZone} /> : null}
        </div>
        {text.trim() ? null : (
          <p className="capture__hint" id={hintId}>
            Press Enter to save. Dates, times, <span className="kbd">!high</span> and{' '}
            <span className="kbd">#tags</span> are understood.
          </p>
        )}
      </div>
      <div className="capture__error" id={errorId} role="alert" aria-atomic="true">
        {error ? (
          <p className="field__error">
            <span className="field__error-icon" aria-hidden="true">
              !
            </span>
            {error}
          </p>
        ) : null}
      </div>
    </form>
  );
});

/**
 * The preview as one calm line: the title, then chips for the due (asking "next year?" when the server flags it),
 * priority, tags, repeat rule and reminder.
 */
export function PreviewLine({
  preview,
  today,
  timeZone,
  locale,
}: {
  preview: CapturePreview | null;
  today: string;
  timeZone: string;
  locale?: string;
}) {
  if (!preview) {
    return <p className="preview preview--quiet">No preview right now — Enter still tries to save.</p>;
  }
  if (preview.userErrors.length > 0) {
    return <p className="preview preview--quiet">{userErrorMessage(preview.userErrors)}</p>;
  }
  const due = dueWords(preview, today, timeZone, { locale });
  const priority = priorityWords(preview.priority);
  const repeat = repeatWords(preview.recurrence);
  const reminder = preview.remindAt ? reminderWords(preview.remindAt, today, timeZone, locale) : null;
  return (
    <p className="preview">
      <span className="visually-hidden">Will be saved as: </span>
      {preview.title ? (
        <span className="preview__title">{preview.title}</span>
      ) : (
        <span className="preview__title preview__title--missing">Add a few words for the title</span>
      )}
      {due ? (
        <span className="chip chip--due">
          <CalendarIcon />
          <span className="visually-hidden">, due </span>
          {due}
        </span>
      ) : null}
      {due && preview.flags.includes('DUE_FAR_AHEAD') ? (
        // A date without its year, read as almost a year away: the person may have meant one just past.
        <span className="preview__ask">
          <span className="visually-hidden">, </span>next year?
        </span>
      ) : null}
      {due ? null : (
        <span className="chip chip--quiet">
          <span className="visually-hidden">, </span>no date
        </span>
      )}
      {priority ? (
        <span className="chip chip--priority">
          <PriorityIcon />
          <span className="visually-hidden">, </span>
          {priority}
        </span>
      ) : null}
      {preview.tags.map((tag) => (
        <span className="chip chip--tag" key={tag}>
          <span className="visually-hidden">, tag </span>#{tag}
        </span>
      ))}
      {repeat ? (
        <span className="chip chip--repeat">
          <RepeatIcon />
          <span className="visually-hidden">, repeats </span>
          {repeat}
        </span>
      ) : null}
      {reminder ? (
        <span className="chip chip--reminder">
          <BellIcon />
          <span className="visually-hidden">, reminder </span>
          {reminder}
        </span>
      ) : null}
    </p>
  );
}
