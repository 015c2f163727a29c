import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedNotification } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { useDateFormat } from '../i18n/useDateFormat';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { navigate } from '../router/navigate';
import { useOpenSessions } from '../collab/OpenSessionsContext';
import { notificationHref, notificationText } from './notificationText';
import './notifications.css';

/**
 * New notifications arrive live on the user's own channel (GET /api/events, and an open document's
 * socket); the list is still checked this often in case the channel is blocked on the way (a
 * browser without EventSource: every minute), and when the browser comes back online.
 */
const POLL_MS = typeof EventSource === 'undefined' ? 60_000 : 600_000;
/** One notification is heard on the user's channel and on an open document's socket: one load. */
const COALESCE_MS = 250;

/**
 * The bell in the header: unread notifications (mentions, replies and resolutions in one's threads,
 * role changes), the list, mark as read (one or all), a link to each thread or document.
 */
export function NotificationsButton() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const format = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' });
  const id = useId();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<PresentedNotification[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const openSessions = useOpenSessions();

  const refresh = useCallback(
    () =>
      accordApi.listNotifications().then(
        ({ notifications }) => {
          setItems(notifications);
          setError(null);
        },
        (caught: unknown) => setError(caught),
      ),
    [],
  );

  useEffect(() => {
    const load = () => void refresh();
    let pending: ReturnType<typeof setTimeout> | undefined;
    const loadSoon = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        load();
      }, COALESCE_MS);
    };
    const first = setTimeout(load, 0);
    const timer = setInterval(load, POLL_MS);
    // the user's channel and open documents' sockets say when a notification is made
    const off = openSessions.on('notification.created', loadSoon);
    window.addEventListener('online', loadSoon);
    return () => {
      clearTimeout(first);
      clearTimeout(pending);
      clearInterval(timer);
      window.removeEventListener('online', loadSoon);
      off();
    };
  }, [refresh, openSessions]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const unread = items?.filter((item) => !item.read).length ?? 0;

  const markRead = async (notification: PresentedNotification) => {
    if (notification.read) return;
    setItems(
      (list) => list?.map((item) => (item.id === notification.id ? { ...item, read: true } : item)) ?? null,
    );
    try {
      await accordApi.markNotificationRead(notification.id);
    } catch (caught) {
      setError(caught);
      void refresh();
    }
  };

  const markAllRead = async () => {
    setItems((list) => list?.map((item) => ({ ...item, read: true })) ?? null);
    try {
      await accordApi.markAllNotificationsRead();
    } catch (caught) {
      setError(caught);
      void refresh();
    }
  };

  return (
    <div className="notifications" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="button button--quiet notifications__button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-label={t('notifications.buttonLabel', { count: unread })}
        data-testid="notifications-button"
        onClick={() => {
          setOpen((value) => !value);
          if (!open) void refresh();
        }}
      >
        <svg
          aria-hidden="true"
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span className="notifications__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          id={`${id}-panel`}
          className="notifications__panel"
          role="region"
          aria-labelledby={`${id}-title`}
        >
          <div className="notifications__head">
            <h2 id={`${id}-title`} className="notifications__title">
              {t('notifications.title')}
            </h2>
            {items !== null && items.some((item) => !item.read) && (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => void markAllRead()}
              >
                {t('notifications.markAllRead')}
              </button>
            )}
          </div>
          {error !== null && (
            <p className="notifications__error" role="alert">
              {errorMessage(error)}
            </p>
          )}
          {items === null && error === null && (
            <p className="notifications__empty">{t('notifications.loading')}</p>
          )}
          {items !== null && items.length === 0 && (
            <p className="notifications__empty">{t('notifications.empty')}</p>
          )}
          {items !== null && items.length > 0 && (
            <ul className="notifications__list">
              {items.map((item) => {
                const href = notificationHref(item);
                const text = notificationText(t, item);
                return (
                  <li
                    key={item.id}
                    className={item.read ? 'notification' : 'notification notification--unread'}
                  >
                    <a
                      href={href}
                      className="notification__link"
                      onClick={(event) => {
                        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
                        event.preventDefault();
                        void markRead(item);
                        setOpen(false);
                        navigate(href);
                      }}
                    >
                      {text}
                    </a>
                    <span className="notification__time">{format.format(new Date(item.createdAt))}</span>
                    {!item.read && (
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        onClick={() => void markRead(item)}
                      >
                        {t('notifications.markRead')}
                        <span className="visually-hidden"> {text}</span>
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
