// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { render } from 'preact';
import { lazyScreen } from '../../src/ui/lazy';
import { mount } from './me-support';

const flush = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));

function Hello({ name }: { name: string }) {
  return <p class="hello">Hello {name}</p>;
}

describe('lazyScreen', () => {
  it('shows a loading line, then the component with its props', async () => {
    let resolve: (c: typeof Hello) => void = () => undefined;
    const Lazy = lazyScreen(() => new Promise<typeof Hello>((r) => (resolve = r)));
    const view = mount(<Lazy name="Hana" />);
    expect(view.q('[aria-busy=true]').textContent).toBe('Loading…');
    resolve(Hello);
    await flush();
    expect(view.q('.hello').textContent).toBe('Hello Hana');
    view.unmount();
  });

  it('renders an already loaded screen on a second mount (not its return value)', async () => {
    const Lazy = lazyScreen(() => Promise.resolve(Hello));
    const first = mount(<Lazy name="A" />);
    await flush();
    first.unmount();
    const second = mount(<Lazy name="B" />);
    await flush();
    expect(second.q('.hello').textContent).toBe('Hello B');
    second.unmount();
  });

  it('says so when the code cannot load (offline before it was cached)', async () => {
    const Lazy = lazyScreen<{ name: string }>(() => Promise.reject(new Error('offline')));
    const view = mount(<Lazy name="x" />);
    await flush();
    expect(view.q('[role=alert]').textContent).toMatch(/could not be loaded/);
    render(null, view.root);
  });
});
