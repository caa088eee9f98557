/**
 * The browser side of the reminders: the Notification API, localStorage and
 * timers. Kept apart so that the reminder logic is tested with fakes.
 */
import type { NotifierPort, ReminderEnv, ReminderPermission } from './reminders';
import { REMINDERS_KEY as STORAGE_KEY } from './reminders-key';

function hasNotifications(): boolean {
  return (
    typeof Notification !== 'undefined' && typeof Notification.requestPermission === 'function'
  );
}

function current(): ReminderPermission {
  if (!hasNotifications()) return 'unsupported';
  const p = Notification.permission;
  return p === 'granted' || p === 'denied' ? p : 'default';
}

export const browserNotifier: NotifierPort = {
  permission: current,
  async request() {
    if (!hasNotifications()) return 'unsupported';
    await Notification.requestPermission();
    return current();
  },
  async show(title, body, tag) {
    // Android Chrome has no page-made notifications: they go through the worker when one controls the page.
    if ('serviceWorker' in navigator && navigator.serviceWorker.controller) {
      const registration = await navigator.serviceWorker.ready;
      await registration.showNotification(title, { body, tag });
      return;
    }
    new Notification(title, { body, tag });
  },
};

export function browserReminderEnv(texts: ReminderEnv['texts']): ReminderEnv {
  return {
    notifier: browserNotifier,
    read: () => localStorage.getItem(STORAGE_KEY),
    write: (value) => {
      localStorage.setItem(STORAGE_KEY, value);
    },
    now: () => new Date(),
    setTimer: (run, ms) => {
      const id = setTimeout(run, ms);
      return () => {
        clearTimeout(id);
      };
    },
    texts,
  };
}
