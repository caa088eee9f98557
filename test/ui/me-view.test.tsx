// @vitest-environment happy-dom
import { DEFAULT_POLICY } from '../../src/rules';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeScreenView } from '../../src/ui/screens/individual/me-view';
import type { ActionResult } from '../../src/ui/screens/individual/view-model';
import type { QueueItem } from '../../src/ui/components/queue-list';
import { LANGS } from '../../src/i18n';
import { formatDate } from '../../src/i18n/format';
import { codes } from '../../src/i18n/messages/codes';
import { click, mount, type Rendered } from './me-support';
import { learnLinked, meView } from './me-fixtures';

let r: Rendered | null = null;
afterEach(() => {
  r?.unmount();
  r = null;
});

const ok = (): Promise<ActionResult> => Promise.resolve({ ok: true });

describe('My Learn profile', () => {
  it('shows who I am, the linked MCID, the n of 3 and the next start date (en)', () => {
    r = mount(<MeScreenView view={meView()} onRemove={ok} onDismiss={vi.fn()} />);
    expect(r.q('h1').textContent).toBe('My Learn profile');
    expect(r.q('[data-testid=who-name]').textContent).toBe('Aiko Sato');
    const learn = r.q('[data-testid=slot-learn]');
    expect(learn.textContent).toContain('Linked to Contoso A');
    expect(learn.textContent).toContain('987654321');
    expect(learn.textContent).toContain('Nov 10, 2026');
    expect(r.q('[data-testid=used-learn]').textContent).toBe('2 of 3');
    expect(r.q('[data-testid=next-learn]').textContent).toBe('December 10, 2026');
    expect(r.q('time[datetime="2026-12-10"]')).toBeTruthy();
    expect(r.q('a[href="#/welcome"]').textContent).toBe('Switch account');
  });

  it('says when nothing is linked, still shows the start date, and offers the link flow', () => {
    r = mount(<MeScreenView view={meView()} onRemove={ok} onDismiss={vi.fn()} />);
    const pu = r.q('[data-testid=slot-partner-university]');
    expect(pu.textContent).toContain('No profile of this kind on this device.');
    expect(r.q('[data-testid=used-partner-university]').textContent).toBe('0 of 3');
    expect(r.q('[data-testid=next-partner-university]').textContent).toContain('November 25, 2026');
    const link = r.q<HTMLAnchorElement>('[data-testid=slot-partner-university] a');
    expect(link.getAttribute('href')).toBe('#/link/partner-university');
    expect(link.textContent).toBe('Link Partner University account');
    // A profile that exists but is not linked says so.
    r.unmount();
    const unlinked = { ...learnLinked, link: null };
    r = mount(
      <MeScreenView view={meView({ learn: unlinked })} onRemove={ok} onDismiss={vi.fn()} />,
    );
    expect(r.q('[data-testid=slot-learn]').textContent).toContain(
      'Not linked to this work account.',
    );
    expect(r.q('[data-testid=slot-learn] a').getAttribute('href')).toBe('#/link/learn');
    expect(r.qa('[data-testid=slot-learn] button')).toHaveLength(0);
    expect(r.text()).not.toContain('another of your work accounts');
    r.unmount();
    const moved = { ...learnLinked, link: null, elsewhere: 'Fabrikam B' };
    r = mount(<MeScreenView view={meView({ learn: moved })} onRemove={ok} onDismiss={vi.fn()} />);
    expect(r.q('[data-testid=slot-learn]').textContent).toContain(
      'Linked to Fabrikam B through another of your work accounts.',
    );
  });

  it('marks a link that is still waiting to sync', () => {
    const pending = { ...learnLinked, link: { startedOn: '2026-11-25', pending: true } };
    r = mount(<MeScreenView view={meView({ learn: pending })} onRemove={ok} onDismiss={vi.fn()} />);
    expect(r.q('[data-testid=slot-learn]').textContent).toContain('Waiting to sync');
  });

  it('lists achievements with the day their credit reaches the organization', () => {
    r = mount(<MeScreenView view={meView()} onRemove={ok} onDismiss={vi.fn()} />);
    const items = r.qa('[data-testid=achievements] li');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('Azure Fundamentals');
    expect(items[0]?.textContent).toContain('Nov 20, 2026');
    expect(items[0]?.textContent).toContain('Counted');
    expect(items[1]?.textContent).toContain('Dec 4, 2026');
    expect(items[1]?.textContent).toContain('Pending');
    r.unmount();
    r = mount(
      <MeScreenView view={meView({ achievements: [] })} onRemove={ok} onDismiss={vi.fn()} />,
    );
    expect(r.text()).toContain('No achievements on a linked profile yet.');
  });

  it('is all in Japanese with Japanese dates', () => {
    r = mount(<MeScreenView view={meView()} onRemove={ok} onDismiss={vi.fn()} />, 'ja');
    expect(r.q('h1').textContent).toBe('My Learn プロファイル');
    expect(r.q('[data-testid=used-learn]').textContent).toBe('3 回中 2 回');
    expect(r.q('[data-testid=next-learn]').textContent).toBe('2026年12月10日');
    expect(r.q('[data-testid=slot-learn]').textContent).toContain('Contoso A にリンク済み');
    expect(r.text()).toContain('反映待ち');
    expect(r.text()).not.toMatch(/Pending|Counted|Linked to/);
  });
});

describe('the queue of actions waiting to sync', () => {
  const base: QueueItem = {
    id: 'q1',
    type: 'link',
    profileKind: 'learn',
    profileLabel: '987654321',
    state: 'queued',
    attempts: 0,
    nextAttemptAt: null,
    code: null,
    nextAllowedOn: null,
    lastError: null,
  };

  it('shows queued, sending and retry with its time and attempt', () => {
    const at = new Date(2026, 10, 25, 14, 5).getTime();
    const queue: QueueItem[] = [
      base,
      { ...base, id: 'q2', state: 'sending', type: 'unlink' },
      { ...base, id: 'q3', state: 'retry', attempts: 2, nextAttemptAt: at },
    ];
    r = mount(<MeScreenView view={meView({ queue })} onRemove={ok} onDismiss={vi.fn()} />);
    const items = r.qa('[data-testid=queue] li');
    expect(items.map((li) => li.dataset.state)).toEqual(['queued', 'sending', 'retry']);
    expect(items[0]?.textContent).toContain('Link · Microsoft Learn 987654321');
    expect(items[0]?.textContent).toContain('Queued');
    expect(items[1]?.textContent).toContain('Remove access');
    expect(items[1]?.textContent).toContain('Sending…');
    expect(items[2]?.textContent).toContain('Retry at 2:05 PM (attempt 3)');
    expect(r.qa('[data-testid=queue] button')).toHaveLength(0);
  });

  it('shows a refusal in words with its date, and dismisses it', async () => {
    const onDismiss = vi.fn();
    const queue: QueueItem[] = [
      { ...base, state: 'rejected', code: 'COOL_OFF', nextAllowedOn: '2026-12-10' },
    ];
    r = mount(<MeScreenView view={meView({ queue })} onRemove={ok} onDismiss={onDismiss} />);
    const item = r.q('[data-testid=queue] li');
    expect(item.textContent).toContain('Refused');
    expect(item.textContent).toContain(
      'Associations need a 30-day period between them. The next association is possible on December 10, 2026.',
    );
    const dismiss = r.q('[data-testid=queue] button');
    expect(dismiss.getAttribute('aria-label')).toBe('Dismiss: Link · Microsoft Learn 987654321');
    await click(dismiss);
    expect(onDismiss).toHaveBeenCalledWith('q1');
  });

  it.each(
    LANGS.flatMap((lang) =>
      (Object.keys(codes.en) as (keyof typeof codes.en)[]).map((code) => [lang, code] as const),
    ),
  )('a refusal from the remote in the queue, %s: %s', (lang, code) => {
    const queue: QueueItem[] = [{ ...base, state: 'rejected', code, nextAllowedOn: '2027-01-15' }];
    r = mount(<MeScreenView view={meView({ queue })} onRemove={ok} onDismiss={vi.fn()} />, lang);
    const reason = r.q('[data-testid=queue] .queue-reason');
    expect(reason.textContent).toBe(
      codes[lang][code](formatDate('2027-01-15', lang, 'long'), DEFAULT_POLICY),
    );
    expect(r.q('[data-testid=queue] .queue-state').textContent).toBe(
      lang === 'en' ? 'Refused' : '拒否されました',
    );
  });

  it('says when nothing waits, in both languages', () => {
    r = mount(<MeScreenView view={meView()} onRemove={ok} onDismiss={vi.fn()} />);
    expect(r.text()).toContain('Nothing is waiting');
    r.unmount();
    const ja = {
      ...base,
      state: 'retry' as const,
      attempts: 0,
      nextAttemptAt: new Date(2026, 10, 25, 9, 30).getTime(),
    };
    r = mount(
      <MeScreenView view={meView({ queue: [ja] })} onRemove={ok} onDismiss={vi.fn()} />,
      'ja',
    );
    expect(r.q('[data-testid=queue] li').textContent).toContain('9:30 に再試行（1 回目）');
  });
});

describe('remove access', () => {
  it('asks first, saying when the credit leaves the report, then removes and says so', async () => {
    const onRemove = vi.fn(ok);
    r = mount(<MeScreenView view={meView()} onRemove={onRemove} onDismiss={vi.fn()} />);
    const button = r.q('[data-testid=slot-learn] button');
    expect(button.getAttribute('aria-label')).toBe('Remove access: Microsoft Learn profile');
    await click(button);
    const dialog = r.q<HTMLDialogElement>('dialog');
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain('Remove access of Microsoft Learn profile?');
    expect(r.q('[data-testid=remove-body]').textContent).toBe(
      'The link to Contoso A ends today. Your achievements stop counting for Contoso A: they leave its skills report at the next refresh, on December 10, 2026.',
    );
    // The safe choice has focus.
    expect(document.activeElement?.textContent).toBe('Cancel');
    expect(onRemove).not.toHaveBeenCalled();
    await click(r.byText('Remove access', 'dialog button'));
    expect(onRemove).toHaveBeenCalledWith('learn');
    expect(dialog.open).toBe(false);
    const result = r.q('[data-testid=me-result]');
    expect(result.getAttribute('role')).toBe('status');
    expect(result.textContent).toContain('Access removed: Microsoft Learn profile.');
    expect(document.activeElement).toBe(result);
  });

  it('cancels without removing anything', async () => {
    const onRemove = vi.fn(ok);
    r = mount(<MeScreenView view={meView()} onRemove={onRemove} onDismiss={vi.fn()} />);
    await click(r.q('[data-testid=slot-learn] button'));
    await click(r.byText('Cancel', 'dialog button'));
    expect(r.q<HTMLDialogElement>('dialog').open).toBe(false);
    // It keeps its words while it closes (no empty title flashing).
    expect(r.q('dialog h2').textContent).toBe('Remove access of Microsoft Learn profile?');
    expect(onRemove).not.toHaveBeenCalled();
    expect(r.qa('[data-testid=me-result]')).toHaveLength(0);
  });

  it('explains a refusal in words (ja)', async () => {
    const refuse = (): Promise<ActionResult> => Promise.resolve({ ok: false, code: 'NOT_LINKED' });
    r = mount(<MeScreenView view={meView()} onRemove={refuse} onDismiss={vi.fn()} />, 'ja');
    expect(r.q('[data-testid=remove-body]').textContent).toContain('2026年12月10日');
    await click(r.q('[data-testid=slot-learn] button'));
    await click(r.byText('アクセス権の削除', 'dialog button'));
    const result = r.q('[data-testid=me-result]');
    expect(result.getAttribute('role')).toBe('alert');
    expect(result.textContent).toBe('このプロファイルはこの職場アカウントにリンクされていません。');
  });
});

describe('an account chosen on this device that has not signed in', () => {
  const notYet = meView({ account: { ...meView().account, signedIn: false } });

  it('asks "is this you?" and records the sign-in only when the person says so', async () => {
    const onConfirmSelf = vi.fn(ok);
    r = mount(
      <MeScreenView
        view={notYet}
        onRemove={ok}
        onDismiss={vi.fn()}
        onConfirmSelf={onConfirmSelf}
      />,
    );
    const notice = r.q('[data-testid=confirm-self]');
    expect(notice.textContent).toContain('Is this you?');
    expect(notice.textContent).toContain('admin still sees “no response”');
    expect(onConfirmSelf).not.toHaveBeenCalled();
    await click(r.byText('I am Aiko Sato'));
    expect(onConfirmSelf).toHaveBeenCalledTimes(1);
  });

  it('says nothing of it once the person has signed in, and is in Japanese', () => {
    r = mount(
      <MeScreenView view={meView()} onRemove={ok} onDismiss={vi.fn()} onConfirmSelf={ok} />,
    );
    expect(r.qa('[data-testid=confirm-self]')).toHaveLength(0);
    r.unmount();
    r = mount(
      <MeScreenView view={notYet} onRemove={ok} onDismiss={vi.fn()} onConfirmSelf={ok} />,
      'ja',
    );
    expect(r.q('[data-testid=confirm-self]').textContent).toContain('ご本人ですか？');
    expect(r.byText('私は Aiko Sato です').tagName).toBe('BUTTON');
  });
});
