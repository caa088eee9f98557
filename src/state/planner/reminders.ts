/**
 * Reminders on the day a new association becomes possible, with no server:
 * while the app is open a timer waits for that day, and on start a check
 * catches a day that passed while it was closed. The calendar file covers
 * the rest. What the browser allows is shown as it is (denied, unsupported).
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import * as v from 'valibot';
import { compareDates, isIsoDate, todayUtc } from '../../rules';

export type ReminderPermission = 'unsupported' | 'default' | 'granted' | 'denied';

export interface NotifierPort {
  permission(): ReminderPermission;
  /** Must run inside a click: browsers ignore a request nobody asked for. */
  request(): Promise<ReminderPermission>;
  show(title: string, body: string, tag: string): Promise<void>;
}

export interface ReminderEnv {
  notifier: NotifierPort;
  /** Device storage for the opt-in and what was reminded; may be unavailable (private mode). */
  read(): string | null;
  write(value: string): void;
  now(): Date;
  setTimer(run: () => void, ms: number): () => void;
  /** The notification's words, in the language of the moment it fires. */
  texts: () => { title: string; body: string };
}

/** What the reminders remember between visits. */
export interface ReminderMemory {
  optedIn: boolean;
  /** The day a new association becomes possible that we are waiting for. */
  pendingFor: string | null;
  /** The last day we reminded about (so two tabs or a reload do not remind twice). */
  notifiedFor: string | null;
}

const MemorySchema = v.object({
  optedIn: v.boolean(),
  pendingFor: v.nullable(
    v.pipe(
      v.string(),
      v.check((s: string) => isIsoDate(s)),
    ),
  ),
  notifiedFor: v.nullable(
    v.pipe(
      v.string(),
      v.check((s: string) => isIsoDate(s)),
    ),
  ),
});

const EMPTY: ReminderMemory = { optedIn: false, pendingFor: null, notifiedFor: null };
// setTimeout holds at most 2^31-1 ms (~24.8 days); a longer wait wakes and re-checks.
const MAX_TIMER_MS = 2 ** 31 - 1;
export const REMINDER_TAG = 'mcid-link-next-association';

export function parseMemory(text: string | null): ReminderMemory {
  if (text === null) return EMPTY;
  try {
    const parsed = v.safeParse(MemorySchema, JSON.parse(text));
    return parsed.success ? parsed.output : EMPTY;
  } catch {
    return EMPTY;
  }
}

export interface ReminderStep {
  memory: ReminderMemory;
  notify: boolean;
  /** When to look again, or null when there is nothing to wait for. */
  wakeInMs: number | null;
}

/**
 * One look at the next association date. A future date is remembered and
 * waited for; once a remembered date is reached (or the date moved to today),
 * it is reminded once. A date that was never in the future is no news.
 */
export function reminderStep(
  memory: ReminderMemory,
  nextOn: string | null,
  now: Date,
): ReminderStep {
  // Not known yet (data still loading): no news either way.
  if (nextOn === null) return { memory, notify: false, wakeInMs: null };
  const today = todayUtc(now);
  if (compareDates(nextOn, today) > 0) {
    const [y, m, d] = nextOn.split('-').map(Number) as [number, number, number];
    const wait = Date.UTC(y, m - 1, d) - now.getTime();
    return {
      memory: { ...memory, pendingFor: nextOn },
      notify: false,
      wakeInMs: Math.min(Math.max(wait, 0), MAX_TIMER_MS),
    };
  }
  const due = memory.pendingFor;
  if (due === null) return { memory, notify: false, wakeInMs: null };
  return {
    memory: { ...memory, pendingFor: null, notifiedFor: due },
    notify: memory.notifiedFor !== due,
    wakeInMs: null,
  };
}

export interface Reminders {
  permission: ReadonlySignal<ReminderPermission>;
  optedIn: ReadonlySignal<boolean>;
  asking: ReadonlySignal<boolean>;
  pendingFor: ReadonlySignal<string | null>;
  /** Call from a click: asks the browser, then starts waiting. */
  enable(): Promise<void>;
  disable(): void;
  /** Tell the reminders the current next association date (on start and whenever it changes). */
  watch(nextOn: string | null): void;
  dispose(): void;
}

export function createReminders(env: ReminderEnv): Reminders {
  let memory = parseMemory(safeRead(env));
  let nextOn: string | null = null;
  let cancel: (() => void) | null = null;
  const permission = signal(env.notifier.permission());
  const optedIn = signal(memory.optedIn);
  const asking = signal(false);
  const pendingFor = signal(memory.pendingFor);

  const save = (next: ReminderMemory) => {
    memory = next;
    optedIn.value = next.optedIn;
    pendingFor.value = next.pendingFor;
    try {
      env.write(JSON.stringify(next));
    } catch {
      // Storage can be full or off; the reminder still works for this visit.
    }
  };

  const check = () => {
    cancel?.();
    cancel = null;
    // Another tab (or an earlier visit) may have reminded already: start from what is stored.
    const stored = safeRead(env);
    if (stored !== null) {
      memory = parseMemory(stored);
      optedIn.value = memory.optedIn;
      pendingFor.value = memory.pendingFor;
    }
    permission.value = env.notifier.permission();
    if (!memory.optedIn || permission.value !== 'granted') return;
    const step = reminderStep(memory, nextOn, env.now());
    save(step.memory);
    if (step.notify) {
      const { title, body } = env.texts();
      void env.notifier.show(title, body, REMINDER_TAG).catch(() => undefined);
    }
    if (step.wakeInMs !== null) cancel = env.setTimer(check, step.wakeInMs);
  };

  return {
    permission,
    optedIn,
    asking,
    pendingFor,
    async enable() {
      if (env.notifier.permission() === 'unsupported') return;
      asking.value = true;
      try {
        permission.value = await env.notifier.request();
      } finally {
        asking.value = false;
      }
      if (permission.value !== 'granted') return;
      save({ ...memory, optedIn: true });
      check();
    },
    disable() {
      cancel?.();
      cancel = null;
      save({ ...memory, optedIn: false, pendingFor: null });
    },
    watch(date) {
      nextOn = date;
      check();
    },
    dispose() {
      cancel?.();
      cancel = null;
    },
  };
}

function safeRead(env: ReminderEnv): string | null {
  try {
    return env.read();
  } catch {
    return null;
  }
}
