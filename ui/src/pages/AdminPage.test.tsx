// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditAction } from '../graphql/generated/graphql';
import { FakeAccountsServer } from '../test/fakeGraphQL';
import { renderApp } from '../test/renderApp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function openAdmin(setUp: (server: FakeAccountsServer) => void = () => undefined) {
  const server = new FakeAccountsServer();
  server.cookie = 'cookie-0';
  server.user = { ...server.user, role: 'ADMIN' };
  setUp(server);
  await renderApp('/admin', server);
  await screen.findByRole('heading', { level: 1, name: 'Admin' });
  return server;
}

afterEach(() => cleanup());

describe('Admin: background jobs', () => {
  it('lists the jobs with their next and last runs, the nodes and the recent failures', async () => {
    await openAdmin((server) => {
      const failed = { job: 'send-mail', node: 'node-a', startedAt: '2026-11-25T14:00:00Z', durationMs: 40, succeeded: false, error: 'SMTP refused' };
      server.settings.scheduler = {
        jobs: [
          { name: 'send-mail', state: 'WAITING', nextFireTime: '2026-11-25T14:00:10Z', previousFireTime: '2026-11-25T14:00:00Z', lastRun: failed },
          { name: 'count-missed-tasks', state: 'WAITING', nextFireTime: null, previousFireTime: null, lastRun: null },
        ],
        nodes: [{ instanceId: 'node-a', lastCheckin: '2026-11-25T14:00:05Z', alive: true }],
        recentFailures: [failed],
      };
    });
    const jobs = await screen.findByRole('region', { name: 'Jobs' });
    const sendMail = within(jobs).getByRole('row', { name: /send-mail/ });
    expect(sendMail.textContent).toContain('failed after 40 ms');
    expect(sendMail.textContent).toContain('SMTP refused');
    expect(within(jobs).getByRole('row', { name: /count-missed-tasks/ }).textContent).toContain('not yet');
    const scheduler = screen.getByRole('region', { name: 'Background jobs' });
    expect(scheduler.textContent).toContain('node-a');
    expect(within(scheduler).getByText('alive')).toBeTruthy();
  });

  it('says calmly that the page is for administrators when the server refuses (an admin without two-step sign-in)', async () => {
    await openAdmin();
    const scheduler = screen.getByRole('region', { name: 'Background jobs' });
    expect(await within(scheduler).findByText(/^This is for administrators of this assistant\./)).toBeTruthy();
  });

  it('shows someone who is not an administrator one plain "not available" page, and asks the server nothing', async () => {
    const server = new FakeAccountsServer();
    server.cookie = 'cookie-0';
    await renderApp('/admin', server);
    expect(await screen.findByRole('heading', { level: 1, name: 'This page isn’t available to you' })).toBeTruthy();
    expect(screen.queryByText(/This is for administrators/)).toBeNull();
    expect(server.settings.calls.map((c) => c.operationName)).not.toContain('Scheduler');
  });
});

describe('Admin: people and the audit log', () => {
  it('finds people, changes a role and deactivates an account after a confirmation', async () => {
    const server = await openAdmin((s) => {
      s.user = { ...s.user, role: 'ADMIN' };
    });
    const people = await screen.findByRole('list', { name: 'People found' });
    await within(people).findByText('Grace Hopper');

    fireEvent.change(screen.getByLabelText('Email or name'), { target: { value: 'grace' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(within(people).queryByText('Alan Turing')).toBeNull());
    expect(server.settings.callsOf('Users').at(-1)!.variables).toMatchObject({ search: 'grace', role: null });

    fireEvent.change(within(people).getByLabelText('Role for Grace Hopper'), { target: { value: 'ADMIN' } });
    fireEvent.click(within(people).getByRole('button', { name: 'Make Admin' }));
    await waitFor(() => expect(server.settings.people[0]!.role).toBe('ADMIN'));
    const section = screen.getByRole('region', { name: 'People' });
    await waitFor(() => expect(within(section).getByRole('status').textContent).toBe('Grace Hopper is now Admin.'));
    expect(within(people).queryByRole('button', { name: 'Make Admin' })).toBeNull();

    fireEvent.click(within(people).getByRole('button', { name: 'Deactivate…' }));
    expect(server.settings.people[0]!.deactivatedAt).toBeNull();
    fireEvent.click(within(people).getByRole('button', { name: 'Yes, deactivate Grace Hopper' }));
    await within(people).findByRole('button', { name: 'Reactivate' });
    expect(within(people).getByText('Deactivated')).toBeTruthy();
  });

  it('shows a person’s audit events from People, and filters by action', async () => {
    const server = await openAdmin((s) => {
      s.user = { ...s.user, role: 'ADMIN' };
      const event = (occurredAt: string, action: AuditAction, subjectId: string) => ({
        occurredAt,
        action,
        outcome: 'SUCCESS' as const,
        actorId: 'u-1',
        actor: { id: 'u-1', email: 'ada@example.com', displayName: 'Ada' },
        subjectId,
        subject: null,
        ip: '192.0.2.1',
        userAgent: null,
        details: action === 'ROLE_CHANGED' ? [{ name: 'to', value: 'admin' }] : [],
      });
      s.settings.audit = [event('2026-11-25T10:00:00Z', 'ROLE_CHANGED', 'p-1'), event('2026-11-25T09:00:00Z', 'SIGN_IN', 'p-2')];
    });
    const events = await screen.findByRole('region', { name: 'Audit events' });
    await waitFor(() => expect(within(events).getAllByRole('row')).toHaveLength(3));

    const people = await screen.findByRole('list', { name: 'People found' });
    await within(people).findByText('Grace Hopper');
    fireEvent.click(within(people).getAllByRole('button', { name: 'Audit log' })[0]!);
    await waitFor(() => expect(within(events).getAllByRole('row')).toHaveLength(2));
    expect(within(events).getByText(/to: admin/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Audit log'));
    expect(server.settings.callsOf('AuditLog').at(-1)!.variables).toMatchObject({ person: 'p-1' });

    const log = screen.getByRole('region', { name: 'Audit log' });
    fireEvent.click(within(log).getByRole('button', { name: 'Everyone' }));
    const action = within(log).getByLabelText('Action') as HTMLSelectElement;
    await waitFor(() => expect(action.options.length).toBe(4));
    fireEvent.change(action, { target: { value: 'SIGN_IN' } });
    fireEvent.click(within(log).getByRole('button', { name: 'Show events' }));
    await waitFor(() => expect(server.settings.callsOf('AuditLog').at(-1)!.variables).toMatchObject({ action: 'SIGN_IN', person: null }));
    await waitFor(() => expect(within(events).getAllByRole('row')).toHaveLength(2));
    expect(within(events).getByText('Sign in')).toBeTruthy();
  });
});
