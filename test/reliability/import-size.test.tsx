// @vitest-environment happy-dom
/**
 * A file far too big to import (a video picked by mistake) is refused from
 * its size, before it is read: reading gigabytes into a string would crash
 * the tab. Settings → Import goes through the app state's size check.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { createAppState } from '../../src/state/app-state';
import { MAX_IMPORT_BYTES, openDb } from '../../src/store';
import { SettingsScreen } from '../../src/ui/screens/settings/settings-screen';
import { mount, type Rendered } from '../ui/me-support';

let r: Rendered | null = null;
afterEach(() => {
  vi.unstubAllGlobals();
  r?.unmount();
  r = null;
});

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${r?.text() ?? ''}`);
    await act(() => new Promise((ok) => setTimeout(ok, 20)));
  }
}

describe('Settings → Import of a huge file', () => {
  it('is refused from its size without reading it, and nothing changes', async () => {
    const db = openDb(`t-${crypto.randomUUID()}`);
    const app = createAppState(db, { persist: () => Promise.resolve('granted') });
    // happy-dom has no window.confirm: the person says yes.
    vi.stubGlobal('confirm', () => true);
    r = mount(<SettingsScreen />, 'en', true, app);
    await until(() => r?.root.querySelector('#import-file') !== null);

    const read = vi.fn(() => Promise.reject(new Error('read a huge file into memory')));
    const huge = { name: 'video.mp4', size: 4 * 1024 ** 3, type: 'video/mp4', text: read };
    expect(huge.size).toBeGreaterThan(MAX_IMPORT_BYTES);
    const input = r.q<HTMLInputElement>('#import-file');
    Object.defineProperty(input, 'files', { value: [huge], configurable: true });
    Object.defineProperty(input, 'value', { value: '', writable: true, configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const text = () => r?.text() ?? '';
    await until(() => /not imported|huge file/.test(text()));

    expect(text()).toContain('The file was not imported. Nothing was changed.');
    expect(r.text()).toMatch(/larger than \d+ MB/);
    expect(read).not.toHaveBeenCalled();
    expect(await db.accounts.count()).toBe(0);
    app.dispose();
  });
});
