import type { ComponentChildren } from 'preact';

/** A primary button that is disabled, and says it is busy, while its task runs. */
export function BusyButton(props: {
  busy: boolean;
  onClick: () => void;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class="primary"
      disabled={props.busy}
      aria-busy={props.busy ? 'true' : undefined}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
