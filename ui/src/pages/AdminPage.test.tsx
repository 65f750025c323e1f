// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeAccountsServer } from '../test/fakeGraphQL';
import { renderApp } from '../test/renderApp';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function openAdmin(setUp: (server: FakeAccountsServer) => void = () => undefined) {
  const server = new FakeAccountsServer();
  server.cookie = 'cookie-0';
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

  it('says calmly that the page is for administrators when the server refuses', async () => {
    await openAdmin();
    const scheduler = screen.getByRole('region', { name: 'Background jobs' });
    expect(await within(scheduler).findByText('This is for administrators of this assistant.')).toBeTruthy();
  });
});
