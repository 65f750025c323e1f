import * as Popover from '@radix-ui/react-popover';
import { useId, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import type { User } from '../graphql/operations';
import { useTranslation } from '../i18n';
import { formatDateTime } from '../lib/dates';
import {
  browserNotificationsOn,
  browserPermission,
  turnOffBrowserNotifications,
  turnOnBrowserNotifications,
} from './browserNotifications';
import { useNotifications } from './useNotifications';

function BellIcon() {
  return (
    <svg className="bell__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm-2.2 15.5a2.3 2.3 0 0 0 4.4 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * The bell in the top bar: how many notifications are unread, and a panel listing the newest with "Mark read". The
 * panel is Radix's non-modal popover: the bell says it opens a dialog and whether it is open, the focus moves into the
 * panel and back to the bell on Escape, a click elsewhere closes it, and the page stays usable behind it (no scroll
 * lock, so nothing Radix would inject as a <style>, which the Content-Security-Policy refuses). It stays in the top
 * bar's DOM (no portal), so Tab goes from the panel on to Sign out. The panel also offers browser notifications; the
 * browser asks for permission only when that button is pressed.
 */
export function NotificationBell({ user }: { user: User }) {
  const { t } = useTranslation();
  const session = useSession();
  const headingId = `${useId()}-heading`;
  const { items, unread, markRead } = useNotifications(session.client);
  const [browserOn, setBrowserOn] = useState(browserNotificationsOn);
  const [permission, setPermission] = useState(browserPermission);

  const askBrowser = async () => {
    const on = await turnOnBrowserNotifications();
    setBrowserOn(on);
    setPermission(browserPermission());
  };

  return (
    <div className="bell">
      <Popover.Root>
        <Popover.Trigger
          className="button button--quiet bell__button"
          aria-label={unread > 0 ? t('bell.labelUnread', { count: unread }) : t('bell.label')}
        >
          <BellIcon />
          {unread > 0 ? (
            <span className="bell__count" aria-hidden="true">
              {unread > 99 ? '99+' : unread}
            </span>
          ) : null}
        </Popover.Trigger>
        <Popover.Content className="bell__panel card" align="end" sideOffset={6} collisionPadding={8} aria-labelledby={headingId}>
          <div className="bell__header">
            <h2 className="bell__heading" id={headingId}>
              {t('bell.heading')}
            </h2>
            {unread > 0 ? (
              <button type="button" className="link-button" onClick={() => void markRead()}>
                {t('bell.markAll')}
              </button>
            ) : null}
          </div>
          {items.length === 0 ? (
            <p className="muted">{t('bell.empty')}</p>
          ) : (
            <ul className="bell__list">
              {items.map((n) => (
                <li key={n.id} className={n.readAt ? 'bell__item' : 'bell__item bell__item--unread'}>
                  <p className="bell__title">
                    {n.readAt ? null : <span className="visually-hidden">{t('bell.unread')} </span>}
                    {n.title}
                  </p>
                  {n.body ? <p className="bell__body">{n.body}</p> : null}
                  <p className="bell__meta">
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, user.timeZone)}</time>
                    {n.readAt ? null : (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('bell.markOneFor', { title: n.title })}
                        onClick={() => void markRead([n.id])}
                      >
                        {t('bell.markOne')}
                      </button>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <div className="bell__browser">
            {permission === 'unsupported' ? null : browserOn ? (
              <p className="muted">
                {t('bell.browserOn')}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    turnOffBrowserNotifications();
                    setBrowserOn(false);
                  }}
                >
                  {t('bell.browserOff')}
                </button>
              </p>
            ) : permission === 'denied' ? (
              <p className="muted">{t('bell.browserBlocked')}</p>
            ) : (
              <button type="button" className="button button--small" onClick={() => void askBrowser()}>
                {t('bell.browserAsk')}
              </button>
            )}
          </div>
        </Popover.Content>
      </Popover.Root>
    </div>
  );
}
