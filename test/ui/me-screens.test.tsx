// @vitest-environment happy-dom
/**
 * The containers of the individual's app over a real app state (Dexie on
 * fake-indexeddb, the demo data, a fixed day): what the person sees and what
 * reaches the outbox — or does not — for each action.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppState, type AppState } from '../../src/state/app-state';
import { openDb } from '../../src/store';
import { LinkScreen } from '../../src/ui/screens/link/link-screen';
import { HOME_DATA_MARK, MeScreen } from '../../src/ui/screens/individual/me-screen';
import { WelcomeScreen } from '../../src/ui/screens/welcome/welcome-screen';
import { actAsInDemo, click, mount, submit, type, until, type Rendered } from './me-support';

const NOW = new Date('2026-11-25T09:00:00Z');

let r: Rendered | null = null;
let app: AppState | null = null;
afterEach(() => {
  r?.unmount();
  r = null;
  app?.dispose();
  app = null;
  location.hash = '';
});

function state(): AppState {
  const db = openDb(`t-${crypto.randomUUID()}`);
  app = createAppState(db, { now: () => NOW, persist: () => Promise.resolve('granted') });
  return app;
}

async function demoAs(name: string | null): Promise<AppState> {
  return actAsInDemo(state(), name);
}

const unsettled = (s: AppState) => s.outbox.value.filter((e) => e.state === 'queued');

describe('while the data layer loads', () => {
  it('shows the screen heading and a busy skeleton, no data', () => {
    performance.clearMarks(HOME_DATA_MARK);
    r = mount(<MeScreen />);
    expect(r.q('h1').textContent).toBe('My Learn profile');
    expect(r.q('section').getAttribute('aria-busy')).toBe('true');
    expect(performance.getEntriesByName(HOME_DATA_MARK)).toHaveLength(0);
    r.unmount();
    r = mount(<LinkScreen kind="partner-university" />, 'ja');
    expect(r.q('h1').textContent).toBe('パートナー大学へのアクセスを取得');
  });
});

describe('who am I', () => {
  it('first run: the home screen sends me to choose; the demo loads; choosing remembers me', async () => {
    const s = state();
    r = mount(<MeScreen />, 'en', true, s);
    await until(() => {
      expect(location.hash).toBe('#/welcome');
    });
    r.unmount();
    r = mount(<WelcomeScreen />, 'en', true, s);
    await until(() => {
      expect(r?.text()).toContain('There are no work accounts on this device yet.');
    });
    await click(r.byText('Load demo data'));
    await until(() => {
      expect(r?.qa('[data-testid=accounts] button').length).toBeGreaterThan(5);
    });
    const sora = r.byText('Continue as Sora Kimura');
    await click(sora);
    await until(() => {
      expect(location.hash).toBe('#/');
    });
    const chosen = s.accounts.value?.find((c) => c.account.displayName === 'Sora Kimura');
    await until(() => {
      expect(s.settings.value?.currentAccountId).toBe(chosen?.account.id);
    });
  });
});

describe('continuing as someone on this device', () => {
  it('records no sign-in for them until they say "this is me"', async () => {
    const s = await demoAs(null);
    r = mount(<WelcomeScreen />, 'en', true, s);
    await until(() => {
      expect(r?.qa('[data-testid=accounts] button').length).toBeGreaterThan(5);
    });
    await click(r.byText('Continue as Yuki Mori'));
    await until(() => {
      expect(location.hash).toBe('#/');
    });
    const yuki = s.accounts.value?.find((c) => c.account.displayName === 'Yuki Mori')?.account;
    expect(yuki?.firstSignInOn).toBeNull();
    r.unmount();
    r = mount(<MeScreen />, 'en', true, s);
    await until(() => {
      expect(r?.q('[data-testid=confirm-self]').textContent).toContain('Is this you?');
    });
    expect(s.accounts.value?.find((c) => c.account.id === yuki?.id)?.account.firstSignInOn).toBe(
      null,
    );
    await click(r.byText('I am Yuki Mori'));
    await until(() => {
      expect(r?.qa('[data-testid=confirm-self]')).toHaveLength(0);
      expect(s.me.value?.account.firstSignInOn).toBe('2026-11-25');
    });
  });
});

describe('My Learn profile with real data', () => {
  it('shows Hana’s links, limits and credit dates', async () => {
    performance.clearMarks(HOME_DATA_MARK);
    const s = await demoAs('Hana Tanaka');
    r = mount(<MeScreen />, 'en', true, s);
    await until(() => {
      expect(r?.q('[data-testid=who-name]').textContent).toBe('Hana Tanaka');
    });
    // Her Learn start and her Partner University one: the person's count, on both cards.
    expect(r.q('[data-testid=used-learn]').textContent).toBe('2 of 3');
    expect(r.q('[data-testid=used-partner-university]').textContent).toBe('2 of 3');
    expect(r.q('[data-testid=next-learn]').textContent).toBe('December 20, 2026');
    expect(r.q('[data-testid=slot-partner-university]').textContent).toContain('Linked to');
    const az900 = r
      .qa('[data-testid=achievements] li')
      .find((li) => li.textContent.includes('AZ-900'));
    expect(az900?.textContent).toContain('Nov 30, 2026');
    expect(az900?.textContent).toContain('Pending');
    expect(document.activeElement?.id).toBe('screen-title');
    // The benchmark's "start with data" mark: set once the data shows, once only.
    expect(performance.getEntriesByName(HOME_DATA_MARK)).toHaveLength(1);
  });

  it('removes access after the confirmation: queued, and the card says so', async () => {
    const s = await demoAs('Hana Tanaka');
    r = mount(<MeScreen />, 'en', true, s);
    await until(() => {
      expect(r?.qa('[data-testid=slot-partner-university] button')).toHaveLength(1);
    });
    await click(r.q('[data-testid=slot-partner-university] button'));
    expect(r.q('[data-testid=remove-body]').textContent).toContain('on December 10, 2026');
    expect(s.outbox.value).toHaveLength(0);
    await click(r.byText('Remove access', 'dialog button'));
    await until(() => {
      expect(r?.q('[data-testid=slot-partner-university]').textContent).toContain(
        'Not linked to this work account.',
      );
      expect(r?.q('[data-testid=queue] li').textContent).toContain(
        'Remove access · Partner University',
      );
    });
    await until(() => {
      expect(unsettled(s).map((e) => [e.type, e.actorAccountId === e.accountId])).toEqual([
        ['unlink', true],
      ]);
    });
  });
  it('"This is not my MCID": confirmed, it ends the link through the queue and keeps the count', async () => {
    const s = await demoAs('Kenji Ito');
    r = mount(<MeScreen />, 'en', true, s);
    await until(() => {
      expect(r?.q('[data-testid=used-learn]').textContent).toBe('3 of 3');
    });
    await click(r.byText('This is not my MCID'));
    expect(r.q('[data-testid=not-mine-body]').textContent).toContain('1000002');
    // Cancel changes nothing.
    await click(r.byText('Cancel', 'dialog button'));
    expect(s.outbox.value).toHaveLength(0);
    await click(r.byText('This is not my MCID'));
    await click(r.byText('Remove this MCID', 'dialog button'));
    await until(() => {
      expect(r?.q('[data-testid=me-result]').textContent).toContain('1000002 was removed');
    });
    await until(() => {
      expect(unsettled(s).map((e) => [e.type, e.profile.mcid])).toEqual([['unlink', '1000002']]);
    });
    // The MCID is gone from the person; the starts it had are still theirs.
    await until(() => {
      expect(r?.q('[data-testid=slot-learn]').textContent).toContain('No profile of this kind');
    });
    expect(r.q('[data-testid=used-learn]').textContent).toBe('3 of 3');
    expect(r.q('[data-testid=next-learn]').textContent).toBe('December 25, 2026');
  });
});

describe('link with real data', () => {
  it('refuses inside the cool-off with the date, and queues nothing', async () => {
    const s = await demoAs('Sora Kimura');
    r = mount(<LinkScreen kind="learn" />, 'en', true, s);
    await until(() => {
      expect(r?.qa('input[type=radio]').length).toBe(2);
    });
    await submit(r.q('form'));
    await until(() => {
      expect(r?.q('[data-testid=link-refusal]').textContent).toContain(
        'The next association is possible on December 13, 2026.',
      );
    });
    expect(s.outbox.value).toHaveLength(0);
  });

  it('a typed MCID that is mine is my profile, and still meets the cool-off', async () => {
    const s = await demoAs('Sora Kimura');
    r = mount(<LinkScreen kind="learn" />, 'ja', true, s);
    await until(() => {
      expect(r?.qa('input[type=radio]').length).toBe(2);
    });
    await click(r.q('input[type=radio][value=""]'));
    await type(r.q<HTMLInputElement>('#mcid'), '1000005');
    await submit(r.q('form'));
    await until(() => {
      expect(r?.q('[data-testid=link-refusal]').textContent).toContain('2026年12月13日');
    });
    expect(s.outbox.value).toHaveLength(0);
  });

  it('a typed MCID: "Check" changes nothing; "Link now" completes my profile and links it as me', async () => {
    const s = await demoAs('Ryo Hayashi');
    r = mount(<LinkScreen kind="learn" />, 'en', true, s);
    await until(() => {
      expect(r?.q('#mcid')).toBeTruthy();
    });
    const typeAndCheck = async (mcid: string) => {
      const radio = r?.root.querySelector<HTMLInputElement>('input[type=radio][value=""]');
      if (radio) await click(radio);
      await type(r?.q<HTMLInputElement>('#mcid') ?? document.createElement('input'), mcid);
      await submit(r?.q('form') ?? document.createElement('form'));
    };
    // Another person's MCID on this device is refused in words, and nothing changes.
    await typeAndCheck('1000001');
    await until(() => {
      expect(r?.q('[data-testid=link-refusal]').textContent).toContain(
        'This MCID already belongs to another profile on this device.',
      );
    });
    expect(s.me.value?.profiles.find((p) => p.profile.kind === 'learn')?.profile.mcid).toBe(null);

    const before = await s.exportJson();
    await typeAndCheck('7654321');
    await until(() => {
      expect(r?.q('[data-testid=link-check]').textContent).toBeTruthy();
    });
    // The check wrote nothing: the whole database is as it was, byte for byte (issue 15).
    expect(await s.exportJson()).toEqual(before);
    const learn = () => s.me.value?.profiles.filter((p) => p.profile.kind === 'learn') ?? [];
    expect(learn().map((p) => p.profile.mcid)).toEqual([null]);

    await click(r.byText('Link now'));
    const me = s.settings.value?.currentAccountId;
    await until(() => {
      expect(
        unsettled(s).map((e) => [e.type, e.profile.mcid, e.actorAccountId, e.accountId]),
      ).toEqual([['link', '7654321', me, me]]);
    });
    // "Link now" completed the incomplete profile rather than adding another.
    await until(() => {
      expect(learn().map((p) => p.profile.mcid)).toEqual(['7654321']);
    });
  });

  it('links after the check: the credit date first, then one queued action as me', async () => {
    const s = await demoAs('Olivia Brown');
    // Free the Partner University account first (her last start was 3 months ago).
    const pu = s.me.value?.profiles.find((p) => p.profile.kind === 'partner-university');
    const me = s.settings.value?.currentAccountId ?? '';
    const profileId = pu?.profile.id ?? '';
    expect((await s.requestUnlink({ actorAccountId: me, accountId: me, profileId })).ok).toBe(true);
    r = mount(<LinkScreen kind="partner-university" />, 'en', false, s);
    await until(() => {
      expect(r?.qa('input[type=radio]').length).toBe(1);
    });
    await submit(r.q('form'));
    await until(() => {
      expect(r?.q('[data-testid=link-check]').textContent).toContain(
        'count for Fabrikam from December 5, 2026',
      );
    });
    await until(() => {
      expect(unsettled(s).map((e) => e.type)).toEqual(['unlink']);
    });
    await click(r.byText('Link now'));
    await until(() => {
      expect(r?.q('[data-testid=link-done]').textContent).toContain('You are offline');
    });
    await until(() => {
      expect(unsettled(s).map((e) => [e.type, e.profile.id, e.actorAccountId])).toEqual([
        ['unlink', profileId, me],
        ['link', profileId, me],
      ]);
    });
  });
});
