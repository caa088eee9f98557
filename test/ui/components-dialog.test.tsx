// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'preact/hooks';
import { ConfirmDialog } from '../../src/ui/components/confirm-dialog';
import { TextField } from '../../src/ui/components/text-field';
import { Skeleton } from '../../src/ui/components/skeleton';
import { click, mount, settle, type Rendered } from './me-support';
import { act } from 'preact/test-utils';

let r: Rendered | null = null;
afterEach(() => {
  r?.unmount();
  r = null;
});

function Harness({ onConfirm }: { onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        id="opener"
        onClick={() => {
          setOpen(true);
        }}
      >
        Open
      </button>
      <ConfirmDialog
        open={open}
        title="Really?"
        confirmLabel="Yes"
        cancelLabel="No"
        onConfirm={() => {
          onConfirm();
          setOpen(false);
        }}
        onCancel={() => {
          setOpen(false);
        }}
      >
        <p>Body text</p>
      </ConfirmDialog>
    </>
  );
}

describe('ConfirmDialog', () => {
  it('opens modal, labelled by its title and described by its body', async () => {
    r = mount(<Harness onConfirm={vi.fn()} />);
    const dialog = r.q<HTMLDialogElement>('dialog');
    expect(dialog.open).toBe(false);
    const opener = r.q('#opener');
    opener.focus();
    await click(opener);
    expect(dialog.open).toBe(true);
    const title = document.getElementById(dialog.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent).toBe('Really?');
    const body = document.getElementById(dialog.getAttribute('aria-describedby') ?? '');
    expect(body?.textContent).toBe('Body text');
    // Not destructive: the confirm button has focus.
    expect(document.activeElement?.textContent).toBe('Yes');
  });

  it('closes on Escape and gives focus back to the opener', async () => {
    const onConfirm = vi.fn();
    r = mount(<Harness onConfirm={onConfirm} />);
    const opener = r.q('#opener');
    opener.focus();
    await click(opener);
    const dialog = r.q<HTMLDialogElement>('dialog');
    await act(async () => {
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
      await settle();
    });
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(opener);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('confirms', async () => {
    const onConfirm = vi.fn();
    r = mount(<Harness onConfirm={onConfirm} />);
    await click(r.q('#opener'));
    await click(r.byText('Yes'));
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(r.q<HTMLDialogElement>('dialog').open).toBe(false);
  });
});

describe('TextField', () => {
  it('ties label, hint and error to the input', () => {
    r = mount(
      <TextField
        id="f"
        label="Name"
        hint="As on your badge"
        value="x"
        onInput={vi.fn()}
        error="Too short"
      />,
    );
    const input = r.q<HTMLInputElement>('input');
    expect(r.q('label').getAttribute('for')).toBe('f');
    expect(input.getAttribute('aria-describedby')).toBe('f-hint f-error');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    r.unmount();
    r = mount(<TextField id="g" label="Name" value="" onInput={vi.fn()} error={null} />);
    expect(r.q('input').hasAttribute('aria-describedby')).toBe(false);
    expect(r.q('input').hasAttribute('aria-invalid')).toBe(false);
  });
});

describe('Skeleton', () => {
  it('keeps the heading and announces loading, with the blocks hidden from readers', () => {
    r = mount(<Skeleton title="My Learn profile" label="Loading…" lines={4} />);
    expect(r.q('section').getAttribute('aria-busy')).toBe('true');
    expect(r.q('h1').textContent).toBe('My Learn profile');
    expect(r.q('.skeleton').getAttribute('aria-hidden')).toBe('true');
    expect(r.qa('.skeleton > div')).toHaveLength(4);
  });
});
