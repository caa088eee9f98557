// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WelcomeScreenView } from '../../src/ui/screens/welcome/welcome-view';
import type { ActionResult } from '../../src/ui/screens/individual/view-model';
import { click, mount, type Rendered } from './me-support';
import { welcome } from './me-fixtures';

let r: Rendered | null = null;
afterEach(() => {
  r?.unmount();
  r = null;
});

const loaded = (): Promise<ActionResult> => Promise.resolve({ ok: true });

describe('who am I', () => {
  it('lists the work accounts on the device and chooses one', async () => {
    const onChoose = vi.fn(loaded);
    r = mount(<WelcomeScreenView view={welcome} onChoose={onChoose} onLoadDemo={loaded} />);
    expect(r.q('h1').textContent).toBe('Who are you?');
    expect(r.text()).toContain('never anyone else’s');
    // Plainly: the device trusts whoever holds it, and choosing records nothing.
    expect(r.q('[data-testid=device-trust]').textContent).toContain(
      'This device trusts whoever holds it',
    );
    expect(r.q('[data-testid=device-trust]').textContent).toContain('Choosing records nothing');
    const buttons = r.qa('[data-testid=accounts] button');
    expect(buttons).toHaveLength(2);
    expect(buttons[0]?.textContent).toContain('Continue as Aiko Sato');
    expect(buttons[0]?.textContent).toContain('aiko@contoso-a.example');
    expect(buttons[1]?.textContent).toContain('deleted');
    // Grouped under their organization, each group a labelled region with a heading.
    expect(r.qa('[data-testid=accounts] h3').map((h) => h.textContent)).toEqual([
      'Contoso A',
      'Fabrikam B',
    ]);
    expect(r.q('section[aria-label="Fabrikam B"]').textContent).toContain('Ben Ito');
    await click(buttons[1] as HTMLElement);
    expect(onChoose).toHaveBeenCalledWith('acc-ben-b');
    expect(r.qa('[data-testid=welcome-result]')).toHaveLength(0);
  });

  it('shows its heading and text before the accounts are read, with nothing to press', () => {
    r = mount(<WelcomeScreenView view={null} />, 'ja');
    expect(r.q('h1').textContent).toBe('あなたはどなたですか？');
    expect(r.text()).toContain('他の人の代わりには行いません');
    expect(r.q('[data-testid=device-trust]').textContent).toContain(
      'この端末は、端末を持っている人を信頼します',
    );
    expect(r.q('section.welcome').getAttribute('aria-busy')).toBe('true');
    expect(r.text()).toContain('読み込み中…');
    expect(r.qa('button')).toHaveLength(0);
  });

  it('marks the current account', () => {
    r = mount(
      <WelcomeScreenView
        view={{ ...welcome, currentAccountId: 'acc-aiko-a' }}
        onChoose={loaded}
        onLoadDemo={loaded}
      />,
      'ja',
    );
    const current = r.q('[aria-current=true]');
    expect(current.textContent).toContain('Aiko Sato として続ける');
    expect(current.textContent).toContain('現在');
  });

  it('loads the demo data with one button and says so', async () => {
    const onLoadDemo = vi.fn(loaded);
    r = mount(
      <WelcomeScreenView
        view={{ accounts: [], currentAccountId: null }}
        onChoose={loaded}
        onLoadDemo={onLoadDemo}
      />,
    );
    expect(r.text()).toContain('There are no work accounts on this device yet.');
    await click(r.byText('Load demo data'));
    expect(onLoadDemo).toHaveBeenCalledOnce();
    const result = r.q('[data-testid=welcome-result]');
    expect(result.textContent).toBe('Demo data loaded. Choose who you are.');
    expect(document.activeElement).toBe(result);
  });

  it('says why choosing failed', async () => {
    const gone = (): Promise<ActionResult> => Promise.resolve({ ok: false, code: 'NOT_FOUND' });
    r = mount(<WelcomeScreenView view={welcome} onChoose={gone} onLoadDemo={loaded} />);
    await click(r.byText('Continue as Aiko Sato'));
    // A refusal's words load when one happens (a first visit does not download them).
    const result = await vi.waitFor(() => r?.q('[data-testid=welcome-result]') as HTMLElement);
    expect(result.getAttribute('role')).toBe('alert');
    expect(result.textContent).toContain('That item no longer exists.');
  });

  it('says why the demo could not load', async () => {
    const full = (): Promise<ActionResult> => Promise.resolve({ ok: false, code: 'STORAGE_FULL' });
    r = mount(<WelcomeScreenView view={welcome} onChoose={loaded} onLoadDemo={full} />, 'ja');
    await click(r.byText('デモ データを読み込む'));
    const result = await vi.waitFor(() => r?.q('[data-testid=welcome-result]') as HTMLElement);
    expect(result.getAttribute('role')).toBe('alert');
    expect(result.textContent).toContain('保存領域が足りません');
  });
});
