import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/SessionContext';
import { AppShell } from '../components/AppShell';
import { PageHeading } from '../components/PageHeading';
import type { Priority } from '../graphql/generated/graphql';
import type { User } from '../graphql/operations';
import { useLocale, useTranslation } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { useShortcut } from '../lib/shortcuts';
import type { Task } from '../tasks/api';
import { CaptureBar, type CaptureBarHandle } from '../tasks/CaptureBar';
import { draftKeyFor } from '../tasks/draft';
import { longDay } from '../tasks/format';
import { ShortcutsDialog } from '../tasks/ShortcutsDialog';
import { StatusToast } from '../tasks/StatusToast';
import { TaskDialog } from '../tasks/TaskDialog';
import { checkboxId, TaskItem, type DueTone } from '../tasks/TaskItem';
import { groupTasks, shownOrder, type ListFilter } from '../tasks/taskList';
import { useDoneTasksQuery } from '../tasks/taskQueries';
import { useDay } from '../tasks/useDay';
import { useTaskList } from '../tasks/useTaskList';

const PRIORITIES: readonly Priority[] = ['URGENT', 'HIGH', 'MEDIUM', 'LOW'];
const TEXT_DELAY_MS = 300;

function priorityOf(value: string | null): Priority | null {
  return PRIORITIES.find((p) => p === value) ?? null;
}

/**
 * Every open task, grouped Overdue / Today / Upcoming (by day) / Someday, with the resting (snoozed) ones apart; filters
 * by tag, priority and words (kept in the address); the done history with Undo; the task panel to edit one.
 */
export function TasksPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const captureRef = useRef<CaptureBarHandle>(null);
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'done' ? 'done' : 'open';
  const filter: ListFilter = useMemo(
    () => ({ tag: params.get('tag'), priority: priorityOf(params.get('priority')), text: params.get('q') ?? '' }),
    [params],
  );
  const [text, setText] = useState(filter.text);
  const day = useDay(user.timeZone);
  const list = useTaskList(session.client, filter, day, user.timeZone);
  const doneQuery = useDoneTasksQuery(session.client, filter, view === 'done');
  const done = {
    tasks: useMemo(() => doneQuery.data?.pages.flatMap((page) => page.edges.map((e) => e.node)) ?? [], [doneQuery.data]),
    total: doneQuery.data?.pages.at(-1)?.totalCount ?? 0,
    load: doneQuery.status === 'error' && !doneQuery.isFetching ? 'failed' : doneQuery.data ? 'ready' : 'loading',
  };
  const [openId, setOpenId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [knownTags, setKnownTags] = useState<string[]>([]);
  useDocumentTitle(t('tasksPage.title'));
  useFocusOnNavigation(headingRef);

  const setParam = useCallback(
    (name: string, value: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  // The words typed are searched once typing pauses.
  useEffect(() => {
    if (text === filter.text) return;
    const timer = setTimeout(() => setParam('q', text.trim() ? text : null), TEXT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filter.text, setParam]);

  useEffect(() => {
    if (!list.tasks) return;
    setKnownTags((known) => {
      const all = new Set([...known, ...list.tasks!.flatMap((task) => task.tags)]);
      return all.size === known.length ? known : [...all].sort();
    });
  }, [list.tasks]);

  const groups = useMemo(() => (list.tasks ? groupTasks(list.tasks, day, user.timeZone, Date.now()) : null), [list.tasks, day, user.timeZone]);
  const order = useMemo(() => (groups ? shownOrder(groups) : []), [groups]);
  const openTask = list.tasks?.find((task) => task.id === openId) ?? null;
  const filtered = Boolean(filter.tag || filter.priority || filter.text.trim());

  // ---------- keyboard: n or / capture, j/k move, x done, e edit, ? the list of keys ----------
  const focusTask = (task: Task | undefined) => {
    if (!task) return;
    setSelectedId(task.id);
    document.getElementById(checkboxId(task.id))?.focus();
  };
  const currentTask = (): Task | undefined => {
    const fromFocus = (document.activeElement as HTMLElement | null)?.closest?.('[data-task-id]')?.getAttribute('data-task-id');
    return order.find((task) => task.id === (fromFocus ?? selectedId));
  };
  const move = (step: 1 | -1) => {
    if (view !== 'open' || order.length === 0) return;
    const current = currentTask();
    const index = current ? order.indexOf(current) : -1;
    focusTask(order[index < 0 ? (step === 1 ? 0 : order.length - 1) : Math.min(order.length - 1, Math.max(0, index + step))]);
  };
  useShortcut(['n', '/'], () => captureRef.current?.focus(), !openTask && !helpOpen);
  useShortcut(['j'], () => move(1), !openTask && !helpOpen);
  useShortcut(['k'], () => move(-1), !openTask && !helpOpen);
  useShortcut(
    ['x'],
    () => {
      const task = currentTask();
      if (!task) return;
      const index = order.indexOf(task);
      const next = order[index + 1] ?? order[index - 1];
      void list.complete(task).then(() => focusTask(next));
    },
    !openTask && !helpOpen,
  );
  useShortcut(
    ['e'],
    () => {
      const task = currentTask();
      if (task) setOpenId(task.id);
    },
    !openTask && !helpOpen,
  );
  useShortcut(['?'], () => setHelpOpen(true), !openTask && !helpOpen);

  const closeTask = () => {
    const closed = openId;
    setOpenId(null);
    // Back to the task the panel was opened from (or the next one when it is gone).
    requestAnimationFrame(() => {
      const title = closed ? document.querySelector<HTMLElement>(`[data-task-id="${closed}"] .task__title--button`) : null;
      if (title) title.focus();
      else headingRef.current?.focus();
    });
  };

  const item = (task: Task, dueTone: DueTone) => (
    <TaskItem
      key={task.id}
      task={task}
      dueTone={dueTone}
      today={day}
      timeZone={user.timeZone}
      busy={list.busy}
      selected={task.id === selectedId}
      onComplete={list.complete}
      onToggleStep={list.toggleStep}
      onSnooze={list.snooze}
      onWake={list.wake}
      onBreakDown={list.breakDown}
      onOpen={(t) => {
        setSelectedId(t.id);
        setOpenId(t.id);
      }}
      onTag={(tag) => setParam('tag', tag)}
    />
  );

  const group = (key: string, title: string, tasks: Task[], tone: DueTone, lead?: string) =>
    tasks.length > 0 ? (
      <section className="card task-group" aria-labelledby={`${id}-${key}`} key={key}>
        <h2 className="tasks__heading" id={`${id}-${key}`}>
          {title} <span className="tasks__count">{tasks.length}</span>
        </h2>
        {lead ? <p className="tasks__lead">{lead}</p> : null}
        <ul className="tasks">{tasks.map((task) => item(task, tone))}</ul>
      </section>
    ) : null;

  return (
    <AppShell user={user} current="tasks" mainClassName="app-main tasks-page">
      <div className="tasks-page__header">
        <PageHeading ref={headingRef}>{t('tasksPage.title')}</PageHeading>
        <button type="button" className="link-button" onClick={() => setHelpOpen(true)}>
          {t('tasksPage.shortcuts')}
        </button>
      </div>

      <CaptureBar
        ref={captureRef}
        client={session.client}
        today={day}
        timeZone={user.timeZone}
        draftKey={draftKeyFor(user.id)}
        onCaptured={(task) => {
          list.say(t('tasks.saved', { title: task.title }));
        }}
      />

      <form className="filters card" role="search" aria-label={t('tasksPage.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field filters__text">
          <label className="field__label" htmlFor={`${id}-q`}>
            {t('tasksPage.search')}
          </label>
          <input id={`${id}-q`} className="field__input" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-tag`}>
            {t('tasksPage.tag')}
          </label>
          <select
            id={`${id}-tag`}
            className="field__input field__select"
            value={filter.tag ?? ''}
            onChange={(e) => setParam('tag', e.target.value || null)}
          >
            <option value="">{t('tasksPage.anyTag')}</option>
            {[...new Set([...knownTags, ...(filter.tag ? [filter.tag] : [])])].map((tag) => (
              <option key={tag} value={tag}>
                #{tag}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-priority`}>
            {t('tasksPage.priority')}
          </label>
          <select
            id={`${id}-priority`}
            className="field__input field__select"
            value={filter.priority ?? ''}
            onChange={(e) => setParam('priority', e.target.value || null)}
          >
            <option value="">{t('tasksPage.anyPriority')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priorityShort.${p}`)}
              </option>
            ))}
          </select>
        </div>
        {filtered ? (
          <button
            type="button"
            className="link-button filters__clear"
            onClick={() => {
              setText('');
              setParams(view === 'done' ? { view } : {}, { replace: true });
            }}
          >
            {t('tasksPage.clearFilters')}
          </button>
        ) : null}
      </form>

      <nav className="view-switch" aria-label={t('tasksPage.views')}>
        <button type="button" className="view-switch__button" aria-pressed={view === 'open'} onClick={() => setParam('view', null)}>
          {t('tasksPage.open')}
          {list.tasks ? <span className="tasks__count">{list.tasks.length}</span> : null}
        </button>
        <button type="button" className="view-switch__button" aria-pressed={view === 'done'} onClick={() => setParam('view', 'done')}>
          {t('tasksPage.done')}
        </button>
      </nav>

      {view === 'open' ? (
        list.load === 'failed' && !list.tasks ? (
          <div className="card tasks__problem">
            <p>{t('tasksPage.loadFailed')}</p>
            <button type="button" className="button button--quiet" onClick={() => void list.reload()}>
              {t('common.tryAgain')}
            </button>
          </div>
        ) : !groups ? (
          <p className="tasks__loading" role="status">
            <span className="restoring__dot" aria-hidden="true" /> {t('tasksPage.loading')}
          </p>
        ) : order.length === 0 ? (
          <div className="card empty-state">
            <p className="empty-state__title">{filtered ? t('tasksPage.noMatch') : t('tasksPage.emptyTitle')}</p>
            <p className="empty-state__text">{filtered ? t('tasksPage.noMatchText') : t('tasksPage.emptyText')}</p>
          </div>
        ) : (
          <>
            {group('overdue', t('tasksPage.groups.overdue'), groups.overdue, 'past', t('tasksPage.groups.overdueLead'))}
            {group('today', t('tasksPage.groups.today'), groups.today, 'today')}
            {groups.upcoming.length > 0 ? (
              <section className="card task-group" aria-labelledby={`${id}-upcoming`}>
                <h2 className="tasks__heading" id={`${id}-upcoming`}>
                  {t('tasksPage.groups.upcoming')}{' '}
                  <span className="tasks__count">{groups.upcoming.reduce((n, g) => n + g.tasks.length, 0)}</span>
                </h2>
                {groups.upcoming.map((g) => (
                  <div key={g.day} className="task-group__day">
                    <h3 className="task-group__day-heading">
                      <time dateTime={g.day}>{longDay(g.day, locale)}</time>
                    </h3>
                    <ul className="tasks">{g.tasks.map((task) => item(task, 'any'))}</ul>
                  </div>
                ))}
              </section>
            ) : null}
            {group('someday', t('tasksPage.groups.someday'), groups.someday, 'any', t('tasksPage.groups.somedayLead'))}
            {group('resting', t('tasksPage.groups.resting'), groups.resting, 'any', t('tasksPage.groups.restingLead'))}
          </>
        )
      ) : (
        <section className="card task-group" aria-labelledby={`${id}-done`}>
          <h2 className="tasks__heading" id={`${id}-done`}>
            {t('tasksPage.doneHeading')} {done.load === 'ready' ? <span className="tasks__count">{done.total}</span> : null}
          </h2>
          {done.load === 'failed' ? (
            <div className="tasks__problem">
              <p>{t('tasksPage.loadFailed')}</p>
              <button type="button" className="button button--quiet" onClick={() => void doneQuery.refetch()}>
                {t('common.tryAgain')}
              </button>
            </div>
          ) : done.load === 'loading' && done.tasks.length === 0 ? (
            <p className="tasks__loading" role="status">
              {t('tasksPage.loading')}
            </p>
          ) : done.tasks.length === 0 ? (
            <p className="muted">{filtered ? t('tasksPage.noMatch') : t('tasksPage.noneDone')}</p>
          ) : (
            <ul className="tasks">
              {done.tasks.map((task) => (
                <li key={task.id} className="task task--checked" data-task-id={task.id}>
                  <div className="task__row">
                    <div className="task__body">
                      <p className="task__title">{task.title}</p>
                      <p className="task__meta">
                        {task.completedAt ? (
                          <span className="chip chip--done">
                            {t('tasksPage.doneAt', { when: formatDateTime(task.completedAt, user.timeZone) })}
                          </span>
                        ) : null}
                        {task.tags.map((tag) => (
                          <span className="chip chip--tag" key={tag}>
                            #{tag}
                          </span>
                        ))}
                      </p>
                    </div>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('tasksPage.undoDoneFor', { title: task.title })}
                      aria-disabled={list.busy.has(task.id) || undefined}
                      onClick={() => void list.reopen(task)}
                    >
                      {t('tasksPage.undoDone')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {doneQuery.hasNextPage ? (
            <button type="button" className="button button--quiet" onClick={() => void doneQuery.fetchNextPage()}>
              {t('tasksPage.showMore')}
            </button>
          ) : null}
        </section>
      )}

      {openTask ? (
        <TaskDialog
          key={openTask.id}
          client={session.client}
          task={openTask}
          today={day}
          timeZone={user.timeZone}
          locale={locale}
          busy={list.busy}
          actions={list}
          onClose={closeTask}
        />
      ) : null}
      {helpOpen ? <ShortcutsDialog onClose={() => setHelpOpen(false)} /> : null}
      <StatusToast
        status={list.status}
        onDismiss={list.dismiss}
        onUndo={(undo) => {
          undo.run();
          setSelectedId(undo.taskId);
        }}
      />
    </AppShell>
  );
}
