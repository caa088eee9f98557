// @vitest-environment happy-dom
import { DEFAULT_POLICY } from '../../src/rules';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGS, type Lang } from '../../src/i18n';
import { formatDate } from '../../src/i18n/format';
import { codes } from '../../src/i18n/messages/codes';
import { LinkScreenView } from '../../src/ui/screens/link/link-view';
import type {
  ActionResult,
  LinkCheck,
  LinkChoice,
} from '../../src/ui/screens/individual/view-model';
import { click, mount, submit, type, type Rendered } from './me-support';
import { linkView } from './me-fixtures';

let r: Rendered | null = null;
afterEach(() => {
  r?.unmount();
  r = null;
});

const linked = (): Promise<ActionResult> => Promise.resolve({ ok: true });
const allowed: LinkCheck = {
  ok: true,
  choice: { profileId: 'p-learn' },
  ends: [],
  creditFrom: '2026-12-05',
  startNumber: 1,
  limit: 3,
};

function mountLink(
  onCheck: (c: LinkChoice) => Promise<LinkCheck>,
  onLink: (c: LinkChoice) => Promise<ActionResult> = linked,
  lang: Lang = 'en',
  view = linkView(),
  online = true,
) {
  r = mount(
    <LinkScreenView view={view} online={online} onCheck={onCheck} onLink={onLink} />,
    lang,
    online,
  );
  return r;
}

describe('link a Microsoft Learn profile', () => {
  it('checks first, says what will happen, and queues only on "Link now"', async () => {
    const onCheck = vi.fn<(c: LinkChoice) => Promise<LinkCheck>>(() => Promise.resolve(allowed));
    const onLink = vi.fn(linked);
    const v = mountLink(onCheck, onLink);
    expect(v.q('h1').textContent).toBe('Link Microsoft Learn profile');
    expect(v.q<HTMLInputElement>('input[value=p-learn]').checked).toBe(true);
    await submit(v.q('form'));
    expect(onCheck).toHaveBeenCalledWith({ profileId: 'p-learn' });
    expect(onLink).not.toHaveBeenCalled();
    const check = v.q('[data-testid=link-check]');
    expect(check.textContent).toContain('You can link this profile.');
    expect(check.textContent).toContain(
      'Achievements you already have count for Contoso A from December 5, 2026.',
    );
    expect(check.textContent).toContain('This is association 1 of 3 in 12 months');
    expect(document.activeElement).toBe(check);
    await click(v.byText('Link now'));
    expect(onLink).toHaveBeenCalledWith({ profileId: 'p-learn' });
    const done = v.q('[data-testid=link-done]');
    expect(done.textContent).toBe(
      'Linked on this device. It is waiting to sync with Partner Center.',
    );
    expect(document.activeElement).toBe(done);
    expect(v.qa('form')).toHaveLength(0);
  });

  it('says offline that the link waits for the network', async () => {
    const v = mountLink(() => Promise.resolve(allowed), linked, 'en', linkView(), false);
    await submit(v.q('form'));
    await click(v.byText('Link now'));
    expect(v.q('[data-testid=link-done]').textContent).toContain('You are offline');
  });

  it('names the company whose link ends, and when the credit leaves its report', async () => {
    const move: LinkCheck = {
      ...allowed,
      ends: [{ orgName: 'Contoso A', removalOn: '2026-12-10' }],
      startNumber: 2,
    };
    const v = mountLink(() => Promise.resolve(move));
    await submit(v.q('form'));
    expect(v.q('.will-end').textContent).toBe(
      'Your current link to Contoso A ends today. Your achievements leave Contoso A’s skills report at its refresh on December 10, 2026.',
    );
    r?.unmount();
    const ja = mountLink(() => Promise.resolve(move), linked, 'ja');
    await submit(ja.q('form'));
    expect(ja.q('.will-end').textContent).toContain('現在の Contoso A へのリンクは今日終了します');
    expect(ja.q('.will-end').textContent).toContain('2026年12月10日');
  });

  it('validates a typed MCID: digits only, with the problem tied to the field', async () => {
    const onCheck = vi.fn<(c: LinkChoice) => Promise<LinkCheck>>(() => Promise.resolve(allowed));
    const v = mountLink(onCheck, linked, 'en', linkView({ profiles: [] }));
    const input = v.q<HTMLInputElement>('#mcid');
    expect(v.q('label[for=mcid]').textContent).toBe('MCID (Microsoft certification ID)');
    expect(input.getAttribute('aria-describedby')).toBe('mcid-hint');
    expect(input.getAttribute('inputmode')).toBe('numeric');

    await submit(v.q('form'));
    expect(v.q('#mcid-error').textContent).toBe('Enter your MCID.');
    await type(input, 'abc-123');
    await expectRefusedField(v, 'mcid', 'An MCID has digits only: no letters, spaces or symbols.');
    await type(input, '12');
    expect(v.q('#mcid-error').textContent).toBe('An MCID has 5 to 12 digits.');
    expect(onCheck).not.toHaveBeenCalled();

    await type(input, ' 1234 5678 ');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    await submit(v.q('form'));
    expect(onCheck).toHaveBeenCalledWith({ mcid: '12345678' });
  });

  it('shows the MCID problems in Japanese', async () => {
    const v = mountLink(() => Promise.resolve(allowed), linked, 'ja', linkView({ profiles: [] }));
    await type(v.q<HTMLInputElement>('#mcid'), 'MCID１２３');
    await submit(v.q('form'));
    expect(v.q('#mcid-error').textContent).toBe(
      'MCID は数字だけです。文字、空白、記号は使えません。',
    );
  });

  it('offers typing another MCID beside the profiles on the device', async () => {
    const v = mountLink(() => Promise.resolve(allowed));
    expect(v.qa('#mcid')).toHaveLength(0);
    await click(v.q('input[type=radio][value=""]'));
    expect(v.q('#mcid')).toBeTruthy();
  });

  it('picks the first complete profile, and a profile without MCID can be chosen', async () => {
    const view = linkView({
      profiles: [
        { id: 'p-incomplete', kind: 'learn', label: 'new@outlook.example', mcid: null },
        { id: 'p-learn', kind: 'learn', label: 'aiko@outlook.example', mcid: '987654321' },
      ],
    });
    const onCheck = vi.fn<(c: LinkChoice) => Promise<LinkCheck>>(() =>
      Promise.resolve({ ok: false, code: 'PROFILE_INCOMPLETE' }),
    );
    const v = mountLink(onCheck, linked, 'en', view);
    expect(v.q<HTMLInputElement>('input[value=p-learn]').checked).toBe(true);
    await click(v.q('input[value=p-incomplete]'));
    await submit(v.q('form'));
    expect(onCheck).toHaveBeenCalledWith({ profileId: 'p-incomplete' });
    expect(v.q('[data-testid=link-refusal]').textContent).toContain('not complete yet');
  });
});

describe('every refusal, in words, before anything is queued', () => {
  const nextAllowedOn = '2026-12-25';
  const all = Object.keys(codes.en) as (keyof typeof codes.en)[];

  it.each(LANGS.flatMap((lang) => all.map((code) => [lang, code] as const)))(
    '%s: %s',
    async (lang, code) => {
      const onLink = vi.fn(linked);
      const v = mountLink(() => Promise.resolve({ ok: false, code, nextAllowedOn }), onLink, lang);
      await submit(v.q('form'));
      const alert = v.q('[data-testid=link-refusal]');
      expect(alert.getAttribute('role')).toBe('alert');
      const date = formatDate(nextAllowedOn, lang, 'long');
      expect(alert.textContent).toBe(heading(lang) + codes[lang][code](date, DEFAULT_POLICY));
      expect(document.activeElement).toBe(alert);
      expect(v.qa('button').map((b) => b.textContent)).not.toContain('Link now');
      expect(onLink).not.toHaveBeenCalled();
    },
  );

  it('gives the source article’s 30-day message with the actual date', async () => {
    const refusal = (): Promise<LinkCheck> =>
      Promise.resolve({ ok: false, code: 'COOL_OFF', nextAllowedOn: '2026-12-25' });
    const en = mountLink(refusal);
    await submit(en.q('form'));
    expect(en.q('[data-testid=link-refusal]').textContent).toContain(
      'You tried to associate with a partner organization. Associations need a 30-day period between them. The next association is possible on December 25, 2026.',
    );
    en.unmount();
    const ja = mountLink(refusal, linked, 'ja');
    await submit(ja.q('form'));
    expect(ja.q('[data-testid=link-refusal]').textContent).toContain(
      'パートナー組織に関連付けようとしました。関連付けには 30 日の期間が必要です。次に関連付けできるのは 2026年12月25日 です。',
    );
  });

  it('gives the yearly limit with its date, and an unknown code as a safe message', async () => {
    const v = mountLink(() =>
      Promise.resolve({ ok: false, code: 'YEARLY_LIMIT', nextAllowedOn: '2027-03-01' }),
    );
    await submit(v.q('form'));
    expect(v.q('[data-testid=link-refusal]').textContent).toContain(
      'at most 3 associations in 12 months. The next association is possible on March 1, 2027.',
    );
    v.unmount();
    const u = mountLink(() => Promise.resolve({ ok: false, code: 'SOMETHING_NEW' }));
    await submit(u.q('form'));
    expect(u.q('[data-testid=link-refusal]').textContent).toContain('Something went wrong.');
  });

  it('says that a person has one MCID, and how to correct a wrong one', async () => {
    const v = mountLink(() => Promise.resolve({ ok: false, code: 'PERSON_HAS_OTHER_MCID' }));
    await submit(v.q('form'));
    expect(v.q('[data-testid=link-refusal]').textContent).toContain(
      'You already have an MCID. Each person has one',
    );
    expect(v.q('[data-testid=link-refusal]').textContent).toContain('This is not my MCID');
  });

  it('shows a refusal of the link itself (say, storage full) in words', async () => {
    const v = mountLink(
      () => Promise.resolve(allowed),
      () => Promise.resolve({ ok: false, code: 'STORAGE_FULL' }),
    );
    await submit(v.q('form'));
    await click(v.byText('Link now'));
    expect(v.q('[data-testid=link-refusal]').textContent).toContain('out of storage space');
  });
});

describe('link a Partner University account', () => {
  it('picks the account and checks it', async () => {
    const onCheck = vi.fn<(c: LinkChoice) => Promise<LinkCheck>>(() => Promise.resolve(allowed));
    const view = linkView({
      kind: 'partner-university',
      profiles: [{ id: 'p-pu', kind: 'partner-university', label: 'aiko.pu@example', mcid: null }],
    });
    const v = mountLink(onCheck, linked, 'ja', view);
    expect(v.q('h1').textContent).toBe('パートナー大学へのアクセスを取得');
    expect(v.qa('#mcid')).toHaveLength(0);
    await submit(v.q('form'));
    expect(onCheck).toHaveBeenCalledWith({ profileId: 'p-pu' });
  });

  it('with no account on the device, offers to sign up: a name, checked, then linked', async () => {
    const signUp: LinkCheck = { ...allowed, choice: { puName: 'aiko@outlook.example' } };
    const onCheck = vi.fn<(c: LinkChoice) => Promise<LinkCheck>>(() => Promise.resolve(signUp));
    const onLink = vi.fn(linked);
    const view = linkView({ kind: 'partner-university', profiles: [] });
    const v = mountLink(onCheck, onLink, 'en', view);
    expect(v.q('legend').textContent).toBe('Create a Partner University account');
    expect(v.text()).toContain('There is no Partner University account on this device for you.');
    expect(v.text()).toContain('Sign in or sign up with your personal account');
    const input = v.q<HTMLInputElement>('#pu-name');
    expect(v.q('label[for=pu-name]').textContent).toBe(
      'Your personal account (name or email address)',
    );
    expect(input.required).toBe(true);
    expect(input.getAttribute('aria-describedby')).toBe('pu-name-hint');
    expect(v.q('#pu-name-hint').textContent).toContain('At most 100 characters.');

    await type(input, '   ');
    await expectRefusedField(
      v,
      'pu-name',
      'Enter the name or email address of your personal account.',
    );
    await type(input, 'a'.repeat(101));
    expect(v.q('#pu-name-error').textContent).toBe('At most 100 characters: shorten the name.');
    expect(onCheck).not.toHaveBeenCalled();

    await type(input, '  aiko@outlook.example ');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    await submit(v.q('form'));
    expect(onCheck).toHaveBeenCalledWith({ puName: 'aiko@outlook.example' });
    expect(onLink).not.toHaveBeenCalled();
    expect(v.q('[data-testid=link-check]').textContent).toContain(
      'The account is created only by “Link now”: checking creates nothing.',
    );
    await click(v.byText('Link now'));
    expect(onLink).toHaveBeenCalledWith({ puName: 'aiko@outlook.example' });
    expect(v.q('[data-testid=link-done]')).toBeTruthy();
  });

  it('words the sign-up in Japanese with the article’s terms', async () => {
    const view = linkView({ kind: 'partner-university', profiles: [] });
    const v = mountLink(() => Promise.resolve(allowed), linked, 'ja', view);
    expect(v.q('h1').textContent).toBe('パートナー大学へのアクセスを取得');
    expect(v.q('legend').textContent).toBe('パートナー大学アカウントを作成する');
    expect(v.text()).toContain('サインインまたはサインアップします');
    await submit(v.q('form'));
    expect(v.q('#pu-name-error').textContent).toBe(
      '個人用アカウントの名前またはメール アドレスを入力してください。',
    );
  });

  it('offers no sign-up when the person has an account here, and words a second one', async () => {
    const view = linkView({
      kind: 'partner-university',
      profiles: [{ id: 'p-pu', kind: 'partner-university', label: 'aiko.pu@example', mcid: null }],
    });
    const v = mountLink(() => Promise.resolve(allowed), linked, 'en', view);
    expect(v.qa('#pu-name')).toHaveLength(0);
    expect(v.text()).not.toContain('Create a Partner University account');
    v.unmount();
    const again = mountLink(
      () => Promise.resolve({ ok: false, code: 'PU_ACCOUNT_EXISTS' }),
      linked,
      'en',
      linkView({ kind: 'partner-university', profiles: [] }),
    );
    await type(again.q<HTMLInputElement>('#pu-name'), 'aiko');
    await submit(again.q('form'));
    expect(again.q('[data-testid=link-refusal]').textContent).toContain(
      'You already have a Partner University account on this device',
    );
  });
});

/** Submitting shows `message` as the field's error, tied to it, and focus stays on it. */
async function expectRefusedField(v: Rendered, id: string, message: string) {
  const input = v.q<HTMLInputElement>(`#${id}`);
  await submit(v.q('form'));
  expect(input.getAttribute('aria-invalid')).toBe('true');
  expect(input.getAttribute('aria-describedby')).toBe(`${id}-hint ${id}-error`);
  expect(v.q(`#${id}-error`).textContent).toBe(message);
  expect(document.activeElement).toBe(input);
}

function heading(lang: Lang): string {
  return lang === 'en' ? 'This link is not possible' : 'このリンクはできません';
}
