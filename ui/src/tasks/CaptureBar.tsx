import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type FormEvent } from 'react';
import type { GraphQLClient } from '../graphql/client';
import { Trans, useTranslation } from '../i18n';
import { codePointLength } from '../lib/validation';
import type { CapturePreview, Task } from './api';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { dueWords, priorityWords, reminderWords, repeatWords } from './format';
import { BellIcon, CalendarIcon, PriorityIcon, RepeatIcon } from './icons';
import { useCapturePreview } from './useCapturePreview';
import { useCaptureTask, UserErrorsError, writeProblem } from './taskWrites';
import { userErrorMessage } from './useTaskRequests';

/** The longest title the server keeps (TaskRules.MAX_TITLE), counted as it counts: in characters. */
export const TITLE_LIMIT = 500;
/** The counter shows from this many characters on, so that nobody meets the limit by surprise. */
const COUNTER_FROM = 400;
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
}

/**
 * One line to capture a task. While typing, a preview shows how it will be read; Enter saves it. Whatever was typed
 * stays until it is saved: a failure keeps it, and text typed while saving is not cleared.
 */
export const CaptureBar = forwardRef<CaptureBarHandle, CaptureBarProps>(function CaptureBar(
  { client, today, timeZone, draftKey, onCaptured },
  ref,
) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(() => (draftKey ? loadDraft(draftKey) : ''));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { mutateAsync: capture } = useCaptureTask(client);
  const textRef = useRef(text);
  textRef.current = text;
  const savingRef = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const { state, stale } = useCapturePreview(text, today, client);
  const narrow = useNarrow();
  const errorRef = useRef<HTMLDivElement>(null);
  // The title is what the preview says once it is for this text; until then the whole text counts.
  const current = state && !stale && state.preview && state.preview.userErrors.length === 0 ? state.preview : null;
  const titleLength = codePointLength(current ? current.title : text.trim());
  const over = titleLength - TITLE_LIMIT;
  const titleMissing = current !== null && text.trim() !== '' && current.title.trim() === '';

  const showError = (message: string) => {
    setError(message);
    inputRef.current?.focus();
    // The message sits under the box: bring it into view on a small screen.
    requestAnimationFrame(() => errorRef.current?.scrollIntoView?.({ block: 'nearest' }));
  };

  useImperativeHandle(ref, () => ({ focus: () => inputRef.current?.focus() }), []);

  useEffect(() => {
    if (draftKey) saveDraft(draftKey, text);
  }, [draftKey, text]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (savingRef.current) return;
    const submitted = text;
    if (!submitted.trim()) return showError(t('capture.empty'));
    if (over > 0) return showError(t('capture.tooLong', { limit: TITLE_LIMIT, count: over }));
    if (titleMissing) return showError(t('capture.titleMissing'));
    savingRef.current = true;
    setSaving(true);
    setError(null);
    let task: Task;
    try {
      task = await capture(submitted);
    } catch (error) {
      // Text that is nothing but recognised phrases ("tomorrow !high #x") has no title: say what to do about it.
      if (!(error instanceof UserErrorsError)) return showError(t('capture.failed', { failure: writeProblem(error) }));
      const noTitle = error.userErrors.some((e) => e.field?.endsWith('title') && e.code === 'TOO_SHORT');
      return showError(noTitle ? t('capture.titleMissing') : userErrorMessage(error.userErrors));
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
    // Only what was saved leaves the box: anything typed meanwhile stays.
    const current = textRef.current;
    const rest = current === submitted ? '' : current.startsWith(submitted) ? current.slice(submitted.length).trimStart() : current;
    setText(rest);
    if (!rest && draftKey) clearDraft(draftKey);
    onCaptured(task);
    inputRef.current?.focus();
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const previewId = `${id}-preview`;
  const counterId = `${id}-counter`;
  const showCounter = titleLength >= COUNTER_FROM;
  return (
    <form className="capture" onSubmit={submit} noValidate aria-busy={saving || undefined}>
      <label className="visually-hidden" htmlFor={`${id}-input`}>
        {t('capture.label')}
      </label>
      <div className={`capture__row${error || over > 0 ? ' capture__row--invalid' : ''}`}>
        <input
          ref={inputRef}
          id={`${id}-input`}
          className="capture__input"
          type="text"
          name="capture"
          value={text}
          placeholder={narrow ? t('capture.placeholderNarrow') : t('capture.placeholder')}
          autoComplete="off"
          enterKeyHint="done"
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(null);
          }}
          aria-invalid={error || over > 0 ? true : undefined}
          aria-describedby={[error ? errorId : null, showCounter ? counterId : null, text.trim() ? previewId : hintId]
            .filter(Boolean)
            .join(' ')}
        />
        <button className="button button--primary capture__add" type="submit" aria-disabled={saving || undefined}>
          {saving ? t('common.saving') : t('capture.add')}
        </button>
      </div>
      {showCounter ? (
        <p className={`capture__counter${over > 0 ? ' capture__counter--over' : ''}`} id={counterId} aria-live="polite">
          {over > 0
            ? t('capture.counterOver', { limit: TITLE_LIMIT, count: over })
            : t('capture.counter', { length: titleLength, limit: TITLE_LIMIT })}
        </p>
      ) : null}
      <div className="capture__below">
        {/* The preview and the hint share one place, so the page does not jump while typing. */}
        <div
          className={`capture__preview${stale ? ' capture__preview--stale' : ''}`}
          id={previewId}
          aria-live="polite"
          aria-atomic="true"
          data-testid="capture-preview"
        >
          {state && text.trim() && over <= 0 ? <PreviewLine preview={state.preview} today={today} timeZone={timeZone} /> : null}
        </div>
        {text.trim() ? null : (
          <p className="capture__hint" id={hintId}>
            <Trans i18nKey="capture.hint" components={{ kbd: <span className="kbd" /> }} />
          </p>
        )}
      </div>
      <div className="capture__error" id={errorId} role="alert" aria-atomic="true" ref={errorRef}>
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
  const { t } = useTranslation();
  if (!preview) {
    return <p className="preview preview--quiet">{t('capture.noPreview')}</p>;
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
      <span className="visually-hidden">{t('capture.savedAs')}</span>
      {preview.title ? (
        <span className="preview__title">{preview.title}</span>
      ) : (
        <span className="preview__title preview__title--missing">{t('capture.titleMissingShort')}</span>
      )}
      {due ? (
        <span className="chip chip--due">
          <CalendarIcon />
          <span className="visually-hidden">{t('capture.srDue')}</span>
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
          <span className="visually-hidden">, </span>
          {t('capture.noDate')}
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
          <span className="visually-hidden">{t('capture.srTag')}</span>#{tag}
        </span>
      ))}
      {repeat ? (
        <span className="chip chip--repeat">
          <RepeatIcon />
          <span className="visually-hidden">{t('capture.srRepeats')}</span>
          {repeat}
        </span>
      ) : null}
      {reminder ? (
        <span className="chip chip--reminder">
          <BellIcon />
          <span className="visually-hidden">{t('capture.srReminder')}</span>
          {reminder}
        </span>
      ) : null}
    </p>
  );
}
