/** Reminders: the pure step, and the controller driven by a fake browser and clock. */
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import {
  learnNextOn,
  pageReminders,
  startPlannerReminders,
  startReminders,
  textsIn,
} from '../../../src/state/planner/start';
import { plannerDataFrom } from '../../../src/rules/planner/data';
import {
  REMINDER_TAG,
  createReminders,
  parseMemory,
  reminderStep,
  type ReminderEnv,
  type ReminderMemory,
  type ReminderPermission,
} from '../../../src/state/planner/reminders';

const at = (iso: string) => new Date(iso);
const EMPTY: ReminderMemory = { optedIn: true, pendingFor: null, notifiedFor: null };

describe('reminderStep', () => {
  it('waits for a future day until its UTC midnight', () => {
    const step = reminderStep(EMPTY, '2026-12-10', at('2026-12-09T18:00:00Z'));
    expect(step).toEqual({
      memory: { ...EMPTY, pendingFor: '2026-12-10' },
      notify: false,
      wakeInMs: 6 * 3600_000,
    });
  });

  it('caps a long wait at what setTimeout can hold', () => {
    const step = reminderStep(EMPTY, '2027-06-01', at('2026-11-25T00:00:00Z'));
    expect(step.wakeInMs).toBe(2 ** 31 - 1);
  });

  it('reminds once when the awaited day has come, also on a later start', () => {
    const waiting = { ...EMPTY, pendingFor: '2026-12-10' };
    const onTheDay = reminderStep(waiting, '2026-12-10', at('2026-12-10T00:00:01Z'));
    expect(onTheDay.notify).toBe(true);
    expect(onTheDay.memory).toEqual({ ...EMPTY, notifiedFor: '2026-12-10' });
    // Opened again two days later: nothing more to say.
    expect(reminderStep(onTheDay.memory, '2026-12-12', at('2026-12-12T09:00:00Z')).notify).toBe(
      false,
    );
    // The app was closed on the day: the first start after it reminds.
    expect(reminderStep(waiting, '2026-12-14', at('2026-12-14T07:00:00Z')).notify).toBe(true);
  });

  it('says nothing when a start was possible all along', () => {
    const step = reminderStep(EMPTY, '2026-11-25', at('2026-11-25T10:00:00Z'));
    expect(step).toEqual({ memory: EMPTY, notify: false, wakeInMs: null });
  });

  it('an unknown date (still loading) is no news, even while waiting', () => {
    const waiting = { ...EMPTY, pendingFor: '2026-12-10' };
    expect(reminderStep(waiting, null, at('2026-12-11T00:00:00Z'))).toEqual({
      memory: waiting,
      notify: false,
      wakeInMs: null,
    });
  });

  it('does not remind twice for the same day (another tab already did)', () => {
    const memory = { ...EMPTY, pendingFor: '2026-12-10', notifiedFor: '2026-12-10' };
    expect(reminderStep(memory, '2026-12-10', at('2026-12-10T01:00:00Z')).notify).toBe(false);
  });
});

describe('parseMemory', () => {
  it.each([
    null,
    '',
    'not json',
    '{"optedIn":"yes"}',
    '{"optedIn":true,"pendingFor":"2026-02-30","notifiedFor":null}',
  ])('reads bad storage %j as nothing remembered', (text) => {
    expect(parseMemory(text)).toEqual({ optedIn: false, pendingFor: null, notifiedFor: null });
  });
});

function fakeEnv(permission: ReminderPermission, answer: ReminderPermission = 'granted') {
  const state = {
    permission,
    now: at('2026-12-09T20:00:00Z'),
    stored: null as string | null,
    shown: [] as [string, string, string][],
    timers: [] as { run: () => void; ms: number; cancelled: boolean }[],
    requests: 0,
  };
  const env: ReminderEnv = {
    notifier: {
      permission: () => state.permission,
      request: () => {
        state.requests += 1;
        state.permission = answer;
        return Promise.resolve(answer);
      },
      show: (title, body, tag) => {
        state.shown.push([title, body, tag]);
        return Promise.resolve();
      },
    },
    read: () => state.stored,
    write: (value) => {
      state.stored = value;
    },
    now: () => state.now,
    setTimer: (run, ms) => {
      const timer = { run, ms, cancelled: false };
      state.timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    texts: () => ({ title: 'MCID Link', body: 'You can link again' }),
  };
  return { env, state };
}

describe('createReminders', () => {
  it('after opting in, a timer fires on the day and shows one notification', async () => {
    const { env, state } = fakeEnv('default');
    const reminders = createReminders(env);
    reminders.watch('2026-12-10');
    expect(state.timers).toHaveLength(0); // not opted in: nothing scheduled
    await reminders.enable();
    expect(state.requests).toBe(1);
    expect(reminders.permission.value).toBe('granted');
    expect(reminders.optedIn.value).toBe(true);
    expect(reminders.pendingFor.value).toBe('2026-12-10');
    const timer = state.timers.at(-1);
    expect(timer?.ms).toBe(4 * 3600_000);
    state.now = at('2026-12-10T00:00:00Z');
    timer?.run();
    expect(state.shown).toEqual([['MCID Link', 'You can link again', REMINDER_TAG]]);
    // A reload on the same day remembers it was shown.
    const again = createReminders(env);
    again.watch('2026-12-10');
    expect(state.shown).toHaveLength(1);
  });

  it('a refused permission leaves the reminders off and says so', async () => {
    const { env, state } = fakeEnv('default', 'denied');
    const reminders = createReminders(env);
    await reminders.enable();
    expect(reminders.permission.value).toBe('denied');
    expect(reminders.optedIn.value).toBe(false);
    reminders.watch('2026-12-10');
    expect(state.timers).toHaveLength(0);
  });

  it('an unsupported browser is never asked', async () => {
    const { env, state } = fakeEnv('unsupported');
    const reminders = createReminders(env);
    await reminders.enable();
    expect(state.requests).toBe(0);
    expect(reminders.permission.value).toBe('unsupported');
  });

  it('turning off cancels the timer and forgets the awaited day', async () => {
    const { env, state } = fakeEnv('granted');
    const reminders = createReminders(env);
    reminders.watch('2026-12-20');
    await reminders.enable();
    reminders.disable();
    expect(state.timers.every((t) => t.cancelled)).toBe(true);
    expect(parseMemory(state.stored)).toEqual({
      optedIn: false,
      pendingFor: null,
      notifiedFor: null,
    });
  });

  it('a new date (say, after linking) replaces the timer', async () => {
    const { env, state } = fakeEnv('granted');
    const reminders = createReminders(env);
    await reminders.enable();
    reminders.watch('2026-12-10');
    reminders.watch('2027-01-09');
    expect(state.timers.filter((t) => !t.cancelled)).toHaveLength(1);
    expect(reminders.pendingFor.value).toBe('2027-01-09');
  });

  it('storage that throws does not stop the reminder', async () => {
    const { env, state } = fakeEnv('granted');
    env.read = () => {
      throw new Error('SecurityError');
    };
    env.write = () => {
      throw new Error('QuotaExceededError');
    };
    const reminders = createReminders(env);
    await reminders.enable();
    reminders.watch('2026-12-10');
    expect(state.timers.filter((t) => !t.cancelled)).toHaveLength(1);
  });
});

describe('two tabs', () => {
  it('the second tab does not remind again once the first did', async () => {
    const { env, state } = fakeEnv('granted');
    const first = createReminders(env);
    const second = createReminders(env);
    await first.enable();
    first.watch('2026-12-10');
    second.watch('2026-12-10');
    state.now = at('2026-12-10T00:00:00Z');
    const live = state.timers.filter((t) => !t.cancelled);
    expect(live).toHaveLength(2);
    for (const timer of live) timer.run();
    expect(state.shown).toHaveLength(1);
  });
});

describe('startReminders (the check on start)', () => {
  const view = (nextAssociationOn: string) => ({
    profiles: [{ profile: { kind: 'partner-university' } }, { profile: { kind: 'learn' } }],
    limits: { nextAssociationOn },
  });

  it('reminds an opted-in person who opens the app on or after the awaited day', () => {
    const { env, state } = fakeEnv('granted');
    state.stored = JSON.stringify({ optedIn: true, pendingFor: '2026-12-10', notifiedFor: null });
    state.now = at('2026-12-11T08:00:00Z');
    const me = signal<ReturnType<typeof view> | null>(null);
    const watch = startReminders(me, env);
    expect(state.shown).toHaveLength(0); // still loading: no news
    me.value = view('2026-12-11');
    expect(state.shown).toHaveLength(1);
    watch.stop();
  });

  it('follows the Learn profile’s date as it changes, and never asks for permission', () => {
    const { env, state } = fakeEnv('default');
    const me = signal<ReturnType<typeof view> | null>(view('2026-12-20'));
    const watch = startReminders(me, env);
    expect(state.requests).toBe(0);
    expect(state.timers).toHaveLength(0); // not opted in
    watch.stop();
  });

  it('learnNextOn is the person’s day, once they have a Learn profile', () => {
    expect(learnNextOn(view('2026-12-20'))).toBe('2026-12-20');
    const noLearn = {
      profiles: [{ profile: { kind: 'partner-university' } }],
      limits: view('x').limits,
    };
    expect(learnNextOn(noLearn)).toBeNull();
    expect(learnNextOn(null)).toBeNull();
  });

  it('a removed Learn profile ("not my MCID") has no day to watch, as the planner has no profile', () => {
    // The case the two used to answer differently: the reminders watched the
    // day while the planner said there was nothing to plan for.
    const learn = { id: 'p', personId: 'ana', kind: 'learn' as const, mcid: '1234567' };
    const gone = { ...learn, removedOn: '2026-11-01' };
    const tables = {
      organizations: [{ id: 'o', name: 'Contoso', domains: ['contoso.example'] }],
      accounts: [
        { id: 'a', orgId: 'o', personId: 'ana', email: 'ana@contoso.example', deletedOn: null },
      ],
      profiles: [gone],
      associations: [],
      achievements: [],
    };
    expect(plannerDataFrom(tables, 'a', '2026-11-25')).toEqual({ state: 'no-profile' });
    const seen = { profiles: [{ profile: gone }], limits: { nextAssociationOn: '2026-11-25' } };
    expect(learnNextOn(seen)).toBeNull();
    // The same profile, not removed: both plan for it.
    expect(plannerDataFrom({ ...tables, profiles: [learn] }, 'a', '2026-11-25').state).toBe(
      'ready',
    );
    expect(learnNextOn({ ...seen, profiles: [{ profile: learn }] })).toBe('2026-11-25');
  });
});

const none = () => ({ profiles: [], limits: { nextAssociationOn: '2026-11-25' } });

describe('startPlannerReminders in a runtime without notifications', () => {
  it('reports "unsupported" and never schedules', () => {
    expect(typeof globalThis.Notification).toBe('undefined');
    const me = signal<ReturnType<typeof none> | null>(none());
    const watch = startPlannerReminders(me, signal<'en' | 'ja'>('ja'));
    expect(watch.reminders.permission.value).toBe('unsupported');
    watch.stop();
  });
});

describe('pageReminders', () => {
  it('is the watch started for the page, so the planner screen shares its timer', () => {
    const me = signal<ReturnType<typeof none> | null>(null);
    const first = startPlannerReminders(me, signal<'en' | 'ja'>('en'));
    expect(pageReminders()).toBe(first.reminders);
    const second = startPlannerReminders(me, signal<'en' | 'ja'>('en'));
    expect(pageReminders()).toBe(second.reminders);
    second.stop();
  });

  it('words the notification in the language of the moment', () => {
    const lang = signal<'en' | 'ja'>('en');
    const texts = textsIn(lang);
    expect(texts().body).toBe('From today you can link your MCID to a work account again.');
    lang.value = 'ja';
    expect(texts().body).toBe('今日から MCID を職場アカウントに再び関連付けられます。');
  });
});
