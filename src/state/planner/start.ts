/**
 * Reminders from the moment the data layer starts, not only while the planner
 * is open: the "check on start" of an opted-in person, then a timer for the
 * day a new association becomes possible. The date is the one the person's
 * live view already shows for their Learn profile; nothing is asked of the
 * browser here (the opt-in happens on the planner screen, after a click).
 * The browser side is `browserReminderEnv` in notifier.ts.
 */
import { effect, type ReadonlySignal } from '@preact/signals';
import type { Lang } from '../../i18n';
import { planner } from '../../i18n/messages/planner';
import { learnProfileToPlan } from '../../rules/planner/data';
import { browserReminderEnv } from './notifier';
import { createReminders, type ReminderEnv, type Reminders } from './reminders';

interface LearnView {
  profiles: readonly {
    profile: { kind: string; mcid?: string | null; removedOn?: string | null };
  }[];
  /** The person's limits: one day for all of their profiles. */
  limits: { nextAssociationOn: string };
}

/**
 * The day a new association can start, once the person has a Learn profile to
 * plan for: the planner's own choice, so its reminders never watch a day the
 * planner does not show. The day is the person's, whichever profile it is.
 */
export function learnNextOn(view: LearnView | null): string | null {
  if (!view) return null;
  const profiles = view.profiles.map((p) => p.profile);
  if (!learnProfileToPlan(profiles, () => false)) return null;
  return view.limits.nextAssociationOn;
}

export interface ReminderWatch {
  reminders: Reminders;
  stop: () => void;
}

export function startReminders(
  me: ReadonlySignal<LearnView | null>,
  env: ReminderEnv,
): ReminderWatch {
  const reminders = createReminders(env);
  const stop = effect(() => {
    reminders.watch(learnNextOn(me.value));
  });
  return {
    reminders,
    stop: () => {
      stop();
      reminders.dispose();
    },
  };
}

/**
 * For main.tsx, once the data layer is up, loaded lazily so the words stay
 * out of the first paint:
 *   void import('./state/planner/start').then((m) => m.startPlannerReminders(app.me, shell.lang));
 */
export function startPlannerReminders(
  me: ReadonlySignal<LearnView | null>,
  lang: ReadonlySignal<Lang>,
): ReminderWatch {
  page?.stop();
  const watch = startReminders(me, browserReminderEnv(textsIn(lang)));
  page = watch;
  return watch;
}

/** The notification's words in the language of the moment it fires. */
export function textsIn(lang: ReadonlySignal<Lang>): ReminderEnv['texts'] {
  return () => {
    const words = planner[lang.value].reminders;
    return { title: words.notificationTitle, body: words.notificationBody };
  };
}

// The page's one running watch, so that an opt-in on the planner screen
// schedules the same timer that keeps running after the screen closes.
let page: ReminderWatch | null = null;

/** The reminders started for this page, or null before the data layer is up. */
export function pageReminders(): Reminders | null {
  return page?.reminders ?? null;
}
