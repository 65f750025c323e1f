import { useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { useSession } from '../auth/SessionContext';
import { AppShell } from '../components/AppShell';
import { PageHeading } from '../components/PageHeading';
import type { User } from '../graphql/operations';
import { useLocale, useTranslation } from '../i18n';
import { useDocumentTitle, useFocusOnNavigation } from '../lib/focus';
import { useGraphQLQuery } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { AGENDA, type Task } from '../tasks/api';
import { addDays, dayWords, longDay, timeOfDay } from '../tasks/format';
import { StatusToast } from '../tasks/StatusToast';
import { useDay } from '../tasks/useDay';
import { useTaskList } from '../tasks/useTaskList';
import { moveInput, weekPlan, WEEK_DAYS } from '../tasks/weekPlan';

const EVERY_TASK = { tag: null, priority: null, text: '' };
const DRAG_TYPE = 'application/x-task-id';

/**
 * The next 7 days of open tasks, a column a day (with the events of connected calendars above them), and the tasks
 * still to plan (from earlier days or undated) beside them. A task is dragged to another day, or moved a day at a time with its buttons (the keyboard's way).
 */
export function WeekPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const day = useDay(user.timeZone);
  const list = useTaskList(session.client, EVERY_TASK, day, user.timeZone);
  const [dropDay, setDropDay] = useState<string | null>(null);
  const lastDay = addDays(day, WEEK_DAYS - 1);
  // Events of connected calendars, beside the tasks (none without a connected calendar; nothing shown if unreachable).
  const agenda = useGraphQLQuery(session.client, queryKeys.agenda.range(day, lastDay), AGENDA, { from: day, to: lastDay });
  const events = agenda.state.status === 'ready' ? (agenda.state.data.agenda?.items ?? []).filter((item) => item.kind === 'EVENT') : [];
  useDocumentTitle(t('week.title'));
  useFocusOnNavigation(headingRef);

  const plan = useMemo(() => (list.tasks ? weekPlan(list.tasks, day, user.timeZone, Date.now()) : null), [list.tasks, day, user.timeZone]);

  const move = (task: Task, to: string) => {
    if (list.busy.has(task.id)) return;
    void list.update(task, moveInput(task, to, user.timeZone)).then((problem) => {
      if (problem) list.say(problem);
      else list.say(t('week.moved', { title: task.title, day: dayWords(to, day, locale) }));
    });
  };

  const dropOn = (to: string) => ({
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      setDropDay(to);
    },
    onDragLeave: () => setDropDay((current) => (current === to ? null : current)),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setDropDay(null);
      const task = list.tasks?.find((candidate) => candidate.id === e.dataTransfer.getData(DRAG_TYPE));
      if (task) move(task, to);
    },
  });

  const card = (task: Task, taskDay: string | null) => (
    <li
      key={task.id}
      className="week-task"
      data-task-id={task.id}
      draggable
      aria-busy={list.busy.has(task.id) || undefined}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, task.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <p className="week-task__title">{task.title}</p>
      {task.dueAt ? (
        <p className="week-task__time">
          <time dateTime={task.dueAt}>{timeOfDay(task.dueAt, user.timeZone, locale)}</time>
        </p>
      ) : null}
      <div className="week-task__moves">
        {taskDay === null ? (
          <button
            type="button"
            className="button button--small"
            aria-label={t('week.planTodayFor', { title: task.title })}
            onClick={() => move(task, day)}
          >
            {t('week.planToday')}
          </button>
        ) : (
          <>
            {taskDay > day ? (
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={t('week.earlier', { title: task.title })}
                onClick={() => move(task, addDays(taskDay, -1))}
              >
                ←
              </button>
            ) : null}
            {taskDay < lastDay ? (
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={t('week.later', { title: task.title })}
                onClick={() => move(task, addDays(taskDay, 1))}
              >
                →
              </button>
            ) : null}
          </>
        )}
      </div>
    </li>
  );

  return (
    <AppShell user={user} current="week" mainClassName="app-main week-page" wide>
      <PageHeading ref={headingRef}>{t('week.title')}</PageHeading>
      <p className="muted">{t('week.lead')}</p>
      {list.load === 'failed' && !list.tasks ? (
        <div className="card tasks__problem">
          <p>{t('tasksPage.loadFailed')}</p>
          <button type="button" className="button button--quiet" onClick={() => void list.reload()}>
            {t('common.tryAgain')}
          </button>
        </div>
      ) : !plan ? (
        <p className="tasks__loading" role="status">
          <span className="restoring__dot" aria-hidden="true" /> {t('tasksPage.loading')}
        </p>
      ) : (
        <div className="week">
          {plan.days.map((group) => (
            <section
              key={group.day}
              className={dropDay === group.day ? 'week__day card week__day--drop' : 'week__day card'}
              aria-labelledby={`${id}-${group.day}`}
              data-day={group.day}
              {...dropOn(group.day)}
            >
              <h2 className="week__heading" id={`${id}-${group.day}`}>
                <time dateTime={group.day}>{group.day === day ? t('week.today') : longDay(group.day, locale)}</time>{' '}
                <span className="tasks__count">{group.tasks.length}</span>
              </h2>
              {events.some((e) => e.date === group.day) ? (
                <ul className="week__events" aria-label={t('week.events')}>
                  {events
                    .filter((e) => e.date === group.day)
                    .map((e, i) => (
                      <li key={`${e.title}-${e.startsAt ?? i}`} className="week-event">
                        {e.allDay || !e.startsAt ? null : (
                          <>
                            <time className="week-event__time" dateTime={e.startsAt}>
                              {timeOfDay(e.startsAt, user.timeZone, locale)}
                            </time>{' '}
                          </>
                        )}
                        {e.title}
                      </li>
                    ))}
                </ul>
              ) : null}
              {group.tasks.length === 0 ? <p className="muted week__free">{t('week.free')}</p> : null}
              <ul className="week__tasks">{group.tasks.map((task) => card(task, group.day))}</ul>
            </section>
          ))}
          {plan.toPlan.length > 0 ? (
            <section className="week__day week__day--to-plan card" aria-labelledby={`${id}-to-plan`}>
              <h2 className="week__heading" id={`${id}-to-plan`}>
                {t('week.toPlan')} <span className="tasks__count">{plan.toPlan.length}</span>
              </h2>
              <p className="muted">{t('week.toPlanLead')}</p>
              <ul className="week__tasks">{plan.toPlan.map((task) => card(task, null))}</ul>
            </section>
          ) : null}
        </div>
      )}
      <StatusToast status={list.status} onDismiss={list.dismiss} onUndo={(undo) => undo.run()} />
    </AppShell>
  );
}
