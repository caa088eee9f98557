// @vitest-environment happy-dom
/**
 * Whose day: the rules decide on UTC days, so a person east or west of UTC
 * is told the basis and the moment the day starts on their own clock. The
 * person of the issue is in Tokyo at 05:00 on 31 January (20:00 UTC on the
 * 30th): "31 January" alone is already their today, yet linking opens at 09:00.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeScreenView } from '../../src/ui/screens/individual/me-view';
import type { ActionResult } from '../../src/ui/screens/individual/view-model';
import type { QueueItem } from '../../src/ui/components/queue-list';
import { mount, type Rendered } from './me-support';
import { learnLinked, meView } from './me-fixtures';

let r: Rendered | null = null;
afterEach(() => {
  r?.unmount();
  r = null;
});

const ok = (): Promise<ActionResult> => Promise.resolve({ ok: true });
const inCoolOff = meView({
  today: '2026-01-30',
  learn: { ...learnLinked, nextAssociationOn: '2026-01-31' },
  achievements: [
    {
      id: 'a1',
      code: 'AZ-900',
      title: 'Azure Fundamentals',
      kind: 'certification',
      completedOn: '2026-01-20',
      creditOn: '2026-01-31',
      counted: false,
    },
  ],
});
const refused: QueueItem = {
  id: 'q1',
  type: 'link',
  profileKind: 'learn',
  profileLabel: '987654321',
  state: 'rejected',
  attempts: 1,
  nextAttemptAt: null,
  code: 'COOL_OFF',
  nextAllowedOn: '2026-01-31',
  lastError: null,
};

function home(lang: 'en' | 'ja', timeZone: string | null) {
  return mount(
    <MeScreenView view={{ ...inCoolOff, queue: [refused] }} onRemove={ok} onDismiss={vi.fn()} />,
    lang,
    true,
    null,
    timeZone,
  );
}

describe('a rules day shown to a person off UTC', () => {
  it('Tokyo: the next association says UTC and 09:00 on 31 January their time', () => {
    r = home('en', 'Asia/Tokyo');
    expect(r.q('[data-testid=next-learn]').textContent).toBe(
      'January 31, 2026 (UTC; from January 31 at 9:00 AM your time)',
    );
    expect(r.q('[data-testid=queue] .queue-reason').textContent).toContain(
      'possible on January 31, 2026 (UTC; from January 31 at 9:00 AM your time).',
    );
    // The credit date is a "from" day too; the completion day only says its basis.
    const achievement = r.q('[data-testid=achievements] li').textContent;
    expect(achievement).toContain('Jan 31, 2026 (UTC; from January 31 at 9:00 AM your time)');
    expect(achievement).toContain('Jan 20, 2026 (UTC)');
  });

  it('Tokyo, in Japanese', () => {
    r = home('ja', 'Asia/Tokyo');
    expect(r.q('[data-testid=next-learn]').textContent).toBe(
      '2026年1月31日（UTC。この端末の時刻では 1月31日 9:00 から）',
    );
  });

  it('Los Angeles: the same UTC day opens at 16:00 on 30 January their time', () => {
    r = home('en', 'America/Los_Angeles');
    expect(r.q('[data-testid=next-learn]').textContent).toBe(
      'January 31, 2026 (UTC; from January 30 at 4:00 PM your time)',
    );
    r.unmount();
    r = home('ja', 'America/Los_Angeles');
    expect(r.q('[data-testid=next-learn]').textContent).toBe(
      '2026年1月31日（UTC。この端末の時刻では 1月30日 16:00 から）',
    );
  });

  it('on UTC (and London in winter) the day is the person’s own: no basis to say', () => {
    r = home('en', 'UTC');
    expect(r.q('[data-testid=next-learn]').textContent).toBe('January 31, 2026');
    r.unmount();
    r = home('en', 'Europe/London');
    expect(r.q('[data-testid=next-learn]').textContent).toBe('January 31, 2026');
  });

  it('the device’s own zone when none is given (run under TZ= by npm run test:ui-tz)', () => {
    r = home('en', null);
    // Whether the process's zone is off UTC at that UTC midnight, by Date itself.
    const offUtc = new Date(Date.UTC(2026, 0, 31)).getTimezoneOffset() !== 0;
    const text = r.q('[data-testid=next-learn]').textContent;
    expect(text.startsWith('January 31, 2026')).toBe(true);
    expect(text.includes('(UTC; from ')).toBe(offUtc);
  });
});
