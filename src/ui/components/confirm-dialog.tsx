import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel: string;
  /** A destructive action: the confirm button is styled as such and Cancel gets focus first. */
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question on the native <dialog>: the browser traps focus, closes on
 * Escape and makes the page behind it inert. Focus returns to where it was.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, cancelLabel, danger, busy } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const bodyId = useId();

  // A layout effect: the dialog is closed (and focus back at its opener)
  // before any result shown by the same update takes focus in its own effect.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      (danger ? cancelRef : confirmRef).current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      opener.current?.focus();
    }
  }, [open, danger]);

  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        // Escape: let the owner close it, so `open` stays the one truth.
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={titleId} class="dialog-title">
        {title}
      </h2>
      <div id={bodyId} class="dialog-body">
        {children}
      </div>
      <div class="dialog-actions">
        <button ref={cancelRef} type="button" onClick={props.onCancel} disabled={busy}>
          {cancelLabel}
        </button>
        <button
          ref={confirmRef}
          type="button"
          class={danger ? 'danger-solid' : 'primary'}
          onClick={props.onConfirm}
          disabled={busy}
          aria-busy={busy ? 'true' : undefined}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
