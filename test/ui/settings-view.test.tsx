// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { mount, type Rendered } from './me-support';
import {
  SettingsView,
  type SettingsActions,
  type SettingsModel,
} from '../../src/ui/screens/settings/settings-view';
import type { Lang } from '../../src/i18n';

const base: SettingsModel = {
  lang: 'en',
  remote: { kind: 'embedded' },
  embeddedOffline: false,
  embeddedDelayMs: 0,
  sync: { draining: false, needsSignIn: false, pending: 0 },
  storage: { usage: 1536, quota: 10 * 1024 * 1024 },
  persisted: null,
  importProgress: null,
};

function actions(overrides: Partial<SettingsActions> = {}): SettingsActions {
  return {
    setLang: vi.fn(),
    saveRemote: vi.fn(() => Promise.resolve(null)),
    setEmbedded: vi.fn(() => Promise.resolve()),
    syncNow: vi.fn(),
    loadDemo: vi.fn(() => Promise.resolve()),
    exportData: vi.fn(() => Promise.resolve('export.json')),
    importFile: vi.fn(() => Promise.resolve({ ok: true as const, count: 3 })),
    reset: vi.fn(() => Promise.resolve()),
    persist: vi.fn(() => Promise.resolve()),
    eraseAll: vi.fn(() => Promise.resolve()),
    confirm: vi.fn(() => true),
    ...overrides,
  };
}

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

function show(model: Partial<SettingsModel> = {}, acts = actions(), lang: Lang = 'en') {
  view = mount(<SettingsView model={{ ...base, lang, ...model }} actions={acts} />, lang);
  return { view, acts };
}

const flush = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));

describe('SettingsView', () => {
  it('shows an import on a labelled progress bar: its step, then the records written (ja and en)', () => {
    const { view: en } = show({ importProgress: { phase: 'checking' } });
    const bar = en.q<HTMLProgressElement>('[data-testid=import-progress] progress');
    expect(bar.getAttribute('aria-label')).toBe('Import progress');
    expect(bar.hasAttribute('value')).toBe(false);
    expect(en.q('[data-testid=import-progress]').textContent).toContain('Checking the file');
    en.unmount();
    const { view: ja } = show(
      { importProgress: { phase: 'writing', done: 25_000, total: 130_000 } },
      actions(),
      'ja',
    );
    const writing = ja.q<HTMLProgressElement>('[data-testid=import-progress] progress');
    expect(writing.getAttribute('value')).toBe('25000');
    expect(writing.getAttribute('max')).toBe('130000');
    expect(writing.getAttribute('aria-valuetext')).toBe('130,000 件中 25,000 件を書き込みました');
    expect(writing.getAttribute('aria-label')).toBe('インポートの進み具合');
  });

  it('then shows the organization’s rows being prepared, with their own count (en and ja)', () => {
    const { view: en } = show({
      importProgress: { phase: 'report', done: 40_000, total: 110_000 },
    });
    const step = en.q('[data-testid=import-progress]');
    expect(step.textContent).toContain(
      'Preparing the organization’s users list and skills report…',
    );
    const bar = en.q<HTMLProgressElement>('[data-testid=import-progress] progress');
    expect(bar.getAttribute('value')).toBe('40000');
    expect(bar.getAttribute('max')).toBe('110000');
    expect(bar.getAttribute('aria-valuetext')).toBe('40,000 of 110,000 records written');
    en.unmount();
    const { view: ja } = show(
      { importProgress: { phase: 'report', done: 40_000, total: 110_000 } },
      actions(),
      'ja',
    );
    expect(ja.q('[data-testid=import-progress]').textContent).toContain(
      '組織のユーザー一覧とスキル レポートを準備しています…',
    );
  });

  it('shows no progress bar when no import runs', () => {
    const { view } = show();
    expect(view.qa('[data-testid=import-progress]')).toHaveLength(0);
  });

  it('labels every control', () => {
    const { view } = show({ remote: { kind: 'http', baseUrl: 'https://x.example', token: null } });
    for (const input of view.qa('input, select')) {
      const id = input.getAttribute('id');
      const labelled =
        input.closest('label') !== null ||
        (id !== null && view.root.querySelector(`label[for="${id}"]`) !== null) ||
        input.hasAttribute('aria-label');
      expect(labelled, input.outerHTML).toBe(true);
    }
  });

  it('refuses a URL that is not http(s), marks the field, and keeps the old setting', async () => {
    const saveRemote = vi.fn(() => Promise.resolve('invalid-url'));
    const { view } = show({}, actions({ saveRemote }));
    const httpRadio = view.qa('input[name=remote]')[1];
    await act(() => {
      httpRadio?.click();
    });
    const url = view.q<HTMLInputElement>('#remote-url');
    await act(() => {
      url.value = 'javascript:alert(1)';
      url.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      view.q('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await flush();
    expect(saveRemote).toHaveBeenCalledWith({
      kind: 'http',
      baseUrl: 'javascript:alert(1)',
      token: null,
    });
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(view.q('#remote-url-error').textContent).toMatch(/https:\/\//);
  });

  it('asks before a reset and does nothing when the person says no', async () => {
    const reset = vi.fn(() => Promise.resolve());
    const confirm = vi.fn(() => false);
    const { view } = show({}, actions({ reset, confirm }));
    await act(() => {
      view.byText('Reset: delete all data on this device').click();
    });
    expect(confirm).toHaveBeenCalledOnce();
    expect(reset).not.toHaveBeenCalled();
  });

  it('lists where an import file is wrong, in an alert', async () => {
    const importFile = vi.fn(() =>
      Promise.resolve({ ok: false as const, issues: ['tables.accounts[0].email: not an email'] }),
    );
    const { view } = show({}, actions({ importFile }));
    const input = view.q<HTMLInputElement>('#import-file');
    const file = new File(['{}'], 'bad.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    const alert = view.q('[role=alert]');
    expect(alert.textContent).toContain('Nothing was changed');
    expect(alert.textContent).toContain('tables.accounts[0].email: not an email');
  });

  it('rejects a delay that is not a whole number without saving it', async () => {
    const setEmbedded = vi.fn(() => Promise.resolve());
    const { view } = show({}, actions({ setEmbedded }));
    const delay = view.q<HTMLInputElement>('#embedded-delay');
    await act(() => {
      delay.value = '-5';
      delay.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(setEmbedded).not.toHaveBeenCalled();
    expect(delay.getAttribute('aria-invalid')).toBe('true');
    await act(() => {
      delay.value = '1500';
      delay.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(setEmbedded).toHaveBeenCalledWith({ embeddedDelayMs: 1500 });
  });

  it('says when the sync server refused the token', () => {
    const { view } = show(
      { sync: { draining: false, needsSignIn: true, pending: 2 } },
      actions(),
      'ja',
    );
    expect(view.q('[data-testid=sync-state]').textContent).toContain('アクセス トークンを拒否');
  });

  it('shows storage use in the reader language', () => {
    const { view } = show({}, actions(), 'ja');
    expect(view.q('[data-testid=storage-use]').textContent).toBe(
      '10 MB のうち 1.5 KB を使用しています。',
    );
  });
});
