import { keepPreviousData, useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Section, StatusLine } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import type { Role, UsersQuery } from '../graphql/generated/graphql';
import { i18n, useTranslation } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { failureText, mutationOutcome, type Failure } from '../lib/formErrors';
import { failureOfError, present, queryFailureMessage, requestData } from '../graphql/query';
import { queryKeys } from '../graphql/queryKeys';
import { CHANGE_ROLE, DEACTIVATE_USER, REACTIVATE_USER, USERS, type ManagedUser } from './api';

const PAGE = 20;

type UserOutcome = { kind: 'success'; payload: { user: ManagedUser | null } } | Failure;

/** Every role of the schema (admin.roles names each one), in the order the pickers show them. */
const ROLES: readonly Role[] = ['USER', 'PREMIUM', 'ADMIN'];

/** A role's name in the current language. */
export function roleName(role: Role): string {
  return i18n.t(`admin.roles.${role}`);
}

interface Search {
  search: string;
  role: Role | '';
}

/**
 * People: search by email or name (and role), change a role, deactivate or reactivate an account. Each person can
 * open their entries in the audit log.
 */
export function PeopleSection({
  client,
  timeZone,
  onShowAudit,
}: {
  client: GraphQLClient;
  timeZone: string;
  onShowAudit: (person: ManagedUser) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Search>({ search: '', role: '' });
  // The newest accounts at first; later searches come from the form.
  const [applied, setApplied] = useState<Search>({ search: '', role: '' });
  const [status, setStatus] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const searchId = useId();
  const roleId = useId();
  const search = { search: applied.search.trim() || null, role: applied.role || null };
  const key = queryKeys.admin.users(search);
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: async ({ pageParam }) => {
      // `users` is null only for someone without the permission.
      const page = present((await requestData(client, USERS, { ...search, first: PAGE, after: pageParam })).users, 'forbidden');
      // Each search's answer says how many it found.
      if (pageParam === null) setStatus(i18n.t('admin.people.found', { count: page.totalCount }));
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? (last.pageInfo.endCursor ?? undefined) : undefined),
    // What was found stays shown until the next search's answer replaces it.
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages;
  const people = useMemo(() => (pages ? { ...pages.at(-1)!, edges: pages.flatMap((p) => p.edges) } : null), [pages]);
  const failure = query.status === 'error' ? failureOfError(query.error) : null;
  const loading = query.isFetching;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.search === applied.search && draft.role === applied.role) void query.refetch();
    else setApplied({ ...draft });
  };

  const updated = (user: ManagedUser) =>
    queryClient.setQueryData<InfiniteData<NonNullable<UsersQuery['users']>>>(key, (data) =>
      data
        ? { ...data, pages: data.pages.map((p) => ({ ...p, edges: p.edges.map((e) => (e.node.id === user.id ? { ...e, node: user } : e)) })) }
        : data,
    );

  return (
    <Section id="people" title={t('admin.people.title')} lead={t('admin.people.lead')}>
      <form className="search-form" role="search" aria-label={t('admin.people.search')} onSubmit={submit}>
        <div className="field search-form__text">
          <label className="field__label" htmlFor={searchId}>
            {t('admin.people.searchLabel')}
          </label>
          <input
            id={searchId}
            className="field__input"
            type="search"
            name="search"
            autoComplete="off"
            value={draft.search}
            onChange={(e) => setDraft((d) => ({ ...d, search: e.target.value }))}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={roleId}>
            {t('admin.people.role')}
          </label>
          <select
            id={roleId}
            className="field__input field__select"
            value={draft.role}
            onChange={(e) => setDraft((d) => ({ ...d, role: e.target.value as Role | '' }))}
          >
            <option value="">{t('admin.people.anyRole')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roleName(role)}
              </option>
            ))}
          </select>
        </div>
        <button className="button button--primary" type="submit" aria-disabled={loading || undefined}>
          {loading ? t('admin.people.searching') : t('admin.people.submit')}
        </button>
      </form>
      <StatusLine message={status} />
      {failure ? <p className="section__problem">{queryFailureMessage(failure)}</p> : null}
      {people ? (
        <ul className="people" aria-label={t('admin.people.list')}>
          {people.edges.map(({ node }) => (
            <Person
              key={node.id}
              client={client}
              person={node}
              timeZone={timeZone}
              onUpdated={updated}
              onSaid={setStatus}
              onShowAudit={onShowAudit}
            />
          ))}
        </ul>
      ) : null}
      {people?.pageInfo.hasNextPage ? (
        <button
          type="button"
          className="button button--small"
          aria-disabled={loading || undefined}
          onClick={() => void query.fetchNextPage()}
        >
          {loading ? t('admin.loadingMore') : t('admin.people.more')}
        </button>
      ) : null}
    </Section>
  );
}

function Person({
  client,
  person,
  timeZone,
  onUpdated,
  onSaid,
  onShowAudit,
}: {
  client: GraphQLClient;
  person: ManagedUser;
  timeZone: string;
  onUpdated: (user: ManagedUser) => void;
  onSaid: (message: string) => void;
  onShowAudit: (person: ManagedUser) => void;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(person.role);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const roleId = useId();
  const name = person.displayName || person.email;

  useEffect(() => setRole(person.role), [person.role]);

  const run = async (work: () => Promise<UserOutcome>, done: (user: ManagedUser) => string) => {
    if (busy) return;
    setBusy(true);
    const outcome = await work();
    setBusy(false);
    setConfirming(false);
    if (outcome.kind !== 'success' || !outcome.payload.user) {
      onSaid(outcome.kind === 'success' ? failureText({ kind: 'error' }) : failureText(outcome));
      setRole(person.role);
      return;
    }
    onUpdated(outcome.payload.user);
    onSaid(done(outcome.payload.user));
  };

  const changeRole = () =>
    run(
      async () => mutationOutcome(await client.request(CHANGE_ROLE, { input: { userId: person.id, role } }), (d) => d.changeRole),
      (user) => t('admin.people.nowRole', { name, role: roleName(user.role) }),
    );
  const deactivate = () =>
    run(
      async () => mutationOutcome(await client.request(DEACTIVATE_USER, { input: { userId: person.id } }), (d) => d.deactivateUser),
      () => t('admin.people.deactivated', { name }),
    );
  const reactivate = () =>
    run(
      async () => mutationOutcome(await client.request(REACTIVATE_USER, { input: { userId: person.id } }), (d) => d.reactivateUser),
      () => t('admin.people.reactivated', { name }),
    );

  return (
    <li className="person">
      <div className="person__who">
        <strong>{person.displayName}</strong> <span className="muted nowrap-anywhere">{person.email}</span>
        <span className="table__detail">
          {t('admin.people.joined', { when: formatDateTime(person.createdAt, timeZone) })}
          {person.deactivatedAt ? t('admin.people.deactivatedOn', { when: formatDateTime(person.deactivatedAt, timeZone) }) : ''}
        </span>
        {person.deactivatedAt ? <span className="chip">{t('admin.people.deactivatedChip')}</span> : null}
      </div>
      <div className="person__actions">
        <label className="visually-hidden" htmlFor={roleId}>
          {t('admin.people.roleFor', { name })}
        </label>
        <select id={roleId} className="field__input field__select person__role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleName(r)}
            </option>
          ))}
        </select>
        {role !== person.role ? (
          <button type="button" className="button button--small" aria-disabled={busy || undefined} onClick={() => void changeRole()}>
            {busy ? t('common.saving') : t('admin.people.make', { role: roleName(role) })}
          </button>
        ) : null}
        {person.deactivatedAt ? (
          <button type="button" className="button button--small" aria-disabled={busy || undefined} onClick={() => void reactivate()}>
            {t('admin.people.reactivate')}
          </button>
        ) : confirming ? (
          <span className="person__confirm" role="group" aria-label={t('admin.people.confirmDeactivate', { name })}>
            <button
              type="button"
              className="button button--small button--careful"
              aria-disabled={busy || undefined}
              onClick={() => void deactivate()}
            >
              {busy ? t('admin.people.deactivating') : t('admin.people.yesDeactivate', { name })}
            </button>
            <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
            {t('admin.people.deactivate')}
          </button>
        )}
        <button type="button" className="link-button" onClick={() => onShowAudit(person)}>
          {t('admin.people.auditLog')}
        </button>
      </div>
    </li>
  );
}
