// @vitest-environment happy-dom
/**
 * The planner screen's view in happy-dom: planning a move inside the cool-off,
 * moving it to the first allowed day, the dates shown in both languages, the
 * form's date messages, the calendar download and the reminder states.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import ICAL from 'ical.js';
import type { Lang } from '../../src/i18n';
import {
  createReminders,
  type ReminderEnv,
  type ReminderPermission,
} from '../../src/state/planner/reminders';
import type { PlanStep } from '../../src/rules/planner/types';
import { CalendarPanel } from '../../src/ui/screens/planner/calendar-panel';
import { PlannerView } from '../../src/ui/screens/planner/planner-view';
import type { PlannerWords } from '../../src/ui/screens/planner/use-planner-words';
import { usePlannerWords } from '../../src/ui/screens/planner/use-planner-words';
import { anaData, assoc } from '../rules/planner/fixtures';
import { click, mount, submit, type, type Rendered } from './me-support';
import { act } from 'preact/test-utils';
import { useMemo } from 'preact/hooks';

const NOW = new Date('2026-11-25T09:00:00Z');
// Linked to Contoso (A) since 2026-11-10: the cool-off runs to 2026-12-10.
const DATA = anaData([assoc('ana-a', '2026-11-10')]);

let r: Rendered | null = null;
afterEach(() => {
  r?.unmount();
  r = null;
});

function fakeReminders(permission: ReminderPermission, answer: ReminderPermission = 'granted') {
  let current = permission;
  let stored: string | null = null;
  const env: ReminderEnv = {
    notifier: {
      permission: () => current,
      request: () => {
        current = answer;
        return Promise.resolve(answer);
      },
      show: () => Promise.resolve(),
    },
    read: () => stored,
    write: (v) => {
      stored = v;
    },
    now: () => NOW,
    setTimer: () => () => undefined,
    texts: () => ({ title: 't', body: 'b' }),
  };
  return createReminders(env);
}

function Planner(props: {
  steps?: PlanStep[];
  permission?: ReminderPermission;
  answer?: ReminderPermission;
}) {
  const words = usePlannerWords();
  const reminders = useMemo(() => fakeReminders(props.permission ?? 'default', props.answer), []);
  return (
    <PlannerView
      words={words}
      data={DATA}
      reminders={reminders}
      now={() => NOW}
      initialSteps={props.steps}
    />
  );
}

function events(root: HTMLElement) {
  return [...root.querySelectorAll<HTMLElement>('.planner-event')].map((li) => [
    li.dataset.kind,
    li.querySelector('time')?.getAttribute('datetime'),
    li.textContent,
  ]);
}

describe('planning a move', () => {
  it('inside the cool-off: refused with the date, then moved to that date and allowed', async () => {
    r = mount(<Planner />);
    expect(r.q('#plan-accountId').tagName).toBe('SELECT');
    expect(r.q<HTMLSelectElement>('#plan-accountId').value).toBe('ana-b');
    await type(r.q<HTMLInputElement>('#plan-on'), '2026-11-30');
    await submit(r.q<HTMLFormElement>('form'));

    const verdict = r.q('[data-testid=plan-verdict]');
    expect(verdict.textContent).toContain('Not allowed on that day.');
    expect(r.q('[data-testid=plan-announce]').textContent).toBe(
      'Link to Fabrikam on Nov 30, 2026: Not allowed on that day.',
    );
    expect(verdict.textContent).toContain('The next association is possible on Dec 10, 2026.');
    expect(r.q('[data-testid=plan-step]').textContent).toContain(
      'Link to Fabrikam on Nov 30, 2026',
    );
    // Nothing to act on yet: the link screen is offered only for an allowed link.
    expect(r.qa('a[href="#/link/learn"]')).toHaveLength(0);

    await click(r.byText('Plan it on Dec 10, 2026 instead'));
    expect(r.q('[data-testid=plan-announce]').textContent).toBe(
      'Link to Fabrikam on Dec 10, 2026: Allowed on that day.',
    );
    expect(r.q('[data-testid=plan-verdict]').textContent).toContain('Allowed on that day.');
    expect(r.q('[data-testid=plan-verdict]').textContent).toContain('Cool-off ends: Jan 9, 2027.');
    expect(r.q('[data-testid=plan-verdict]').textContent).toContain('1 of 3');
    expect(r.q('[data-testid=plan-next]').textContent).toContain('Jan 9, 2027');
    expect(events(r.root)).toEqual([
      ['link-ends', '2026-12-10', 'Dec 10, 2026Link to Contoso ends (moved)'],
      ['link-starts', '2026-12-10', 'Dec 10, 2026Linked to Fabrikam'],
      ['credit-arrives', '2026-12-20', 'Dec 20, 2026Fabrikam receives credit for AZ-900'],
      ['cool-off-ends', '2027-01-09', 'Jan 9, 2027Cool-off ends'],
      ['next-association', '2027-01-09', 'Jan 9, 2027A new association is possible'],
      ['credit-leaves', '2027-01-10', 'Jan 10, 2027Contoso loses credit for AZ-900'],
      ['slot-returns', '2027-11-10', 'Nov 10, 2027An association comes back (2 of 3 free)'],
      ['slot-returns', '2027-12-10', 'Dec 10, 2027An association comes back (3 of 3 free)'],
    ]);
    expect(r.q('a[href="#/link/learn"]').textContent).toBe('Go to the link screen');
  });

  it('in Japanese, with the dates in Japanese', async () => {
    r = mount(<Planner steps={[{ kind: 'link', on: '2026-11-30', accountId: 'ana-b' }]} />, 'ja');
    const verdict = r.q('[data-testid=plan-verdict]');
    expect(verdict.textContent).toContain('この日にはできません。');
    expect(verdict.textContent).toContain('2026/12/10');
    await click(r.byText('に変更する'));
    const arrive = r.q('.planner-event-credit-arrives');
    expect(arrive.textContent).toContain('Fabrikam に AZ-900 のクレジットが付与');
    expect(arrive.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-20');
  });

  it('removing a step brings back today’s picture', async () => {
    r = mount(<Planner steps={[{ kind: 'link', on: '2026-12-10', accountId: 'ana-b' }]} />);
    expect(r.qa('[data-testid=plan-step]')).toHaveLength(1);
    await click(r.byText('Remove step'));
    expect(r.qa('[data-testid=plan-step]')).toHaveLength(0);
    expect(r.text()).toContain('No steps yet.');
    expect(r.q('[data-testid=plan-next]').textContent).toContain('Dec 10, 2026');
  });

  it('a certification step asks for its name and shows its credit', async () => {
    r = mount(<Planner />);
    const kind = r.q<HTMLSelectElement>('#plan-kind');
    await act(async () => {
      kind.value = 'certify';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
      await Promise.resolve();
    });
    expect(r.qa('#plan-accountId')).toHaveLength(0);
    await type(r.q<HTMLInputElement>('#plan-title'), 'AI-102, Azure; AI');
    await type(r.q<HTMLInputElement>('#plan-on'), '2026-12-01');
    await submit(r.q<HTMLFormElement>('form'));
    expect(r.q('[data-testid=plan-step]').textContent).toContain(
      'Complete AI-102, Azure; AI on Dec 1, 2026',
    );
    // At A since 11-10: credit 10 days after completion.
    const arrive = r.qa('.planner-event-credit-arrives').map((li) => li.textContent);
    expect(arrive).toContain('Dec 11, 2026Contoso receives credit for AI-102, Azure; AI');
  });
});

describe('the date field', () => {
  it.each<[string, string]>([
    ['', 'Enter a date.'],
    ['2026-11-01', 'Pick today (Nov 25, 2026) or a later day'],
    ['2035-01-01', 'Pick a day within the next 5 years.'],
  ])('%j: says what is wrong, marks the field, adds nothing', async (value, message) => {
    r = mount(<Planner />);
    const input = r.q<HTMLInputElement>('#plan-on');
    await type(input, value);
    await submit(r.q<HTMLFormElement>('form'));
    expect(r.q('#plan-on-error').textContent).toContain(message);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('plan-on-error');
    expect(r.qa('[data-testid=plan-step]')).toHaveLength(0);
  });

  it('is a date input bounded to today .. 5 years ahead', () => {
    r = mount(<Planner />);
    const input = r.q<HTMLInputElement>('#plan-on');
    expect(input.type).toBe('date');
    expect(input.min).toBe('2026-11-25');
    expect(input.max).toBe('2031-11-25');
  });
});

describe('calendar', () => {
  it('downloads the coming dates as .ics in the reader’s language', async () => {
    const download = vi.fn();
    function Panel({ lang }: { lang: Lang }) {
      const words: PlannerWords = usePlannerWords();
      expect(words.lang).toBe(lang);
      return (
        <CalendarPanel words={words} data={DATA} count={1} now={() => NOW} download={download} />
      );
    }
    for (const lang of ['en', 'ja'] as const) {
      r?.unmount();
      r = mount(<Panel lang={lang} />, lang);
      await click(r.q('.planner-calendar button'));
    }
    expect(download).toHaveBeenCalledTimes(2);
    const [en, ja] = download.mock.calls as [[string, string, string], [string, string, string]];
    expect(en[1]).toBe('mcid-link-dates.ics');
    expect(en[2]).toBe('text/calendar;charset=utf-8');
    const summary = (ics: string) =>
      new ICAL.Component(ICAL.parse(ics) as unknown[])
        .getAllSubcomponents('vevent')
        .map((c) => String(c.getFirstPropertyValue('summary')));
    expect(summary(en[0])).toEqual(['MCID Link: a new association is possible']);
    expect(summary(ja[0])).toEqual(['MCID Link: 新しい関連付けが可能']);
  });

  it('the planner says how many dates the file holds', () => {
    r = mount(<Planner />);
    // Today's picture: only the next association (12-10); the cool-off ends the same day.
    expect(r.q('.planner-calendar').textContent).toContain('1 date');
  });
});

describe('reminders', () => {
  it('asks after a click, then says when it will remind', async () => {
    r = mount(<Planner permission="default" />);
    const status = r.q('[data-testid=reminder-status]');
    expect(status.textContent).toBe('Off.');
    await click(r.byText('Remind me'));
    expect(r.q('[data-testid=reminder-status]').textContent).toBe(
      'On: you will be reminded on Dec 10, 2026.',
    );
    expect(r.byText('Stop reminding me')).toBeTruthy();
  });

  it('shows a refusal honestly and offers no button that cannot work', async () => {
    r = mount(<Planner permission="default" answer="denied" />);
    await click(r.byText('Remind me'));
    expect(r.q('[data-testid=reminder-status]').textContent).toContain('blocked');
    expect(r.qa('.planner-reminders button')).toHaveLength(0);
  });

  it('says when the browser has no notifications', () => {
    r = mount(<Planner permission="unsupported" />, 'ja');
    expect(r.q('[data-testid=reminder-status]').textContent).toContain('通知を表示できません');
    expect(r.qa('.planner-reminders button')).toHaveLength(0);
  });
});
