import type { SectionProps, SettingsTask } from './settings-model';

/**
 * A button that runs one of the screen's tasks (disabled while one runs),
 * with an optional line of help tied to it for screen readers.
 */
export function ActionButton(props: {
  section: SectionProps;
  task: SettingsTask;
  children: string;
  danger?: boolean;
  /** With `help`: the id of the help line is `${id}-help`. */
  id?: string;
  help?: string;
  /** The help before the button, when it warns of what the button does. */
  helpFirst?: boolean;
}) {
  const helpId = props.help ? `${props.id ?? 'action'}-help` : undefined;
  const help = props.help ? (
    <p id={helpId} class="help">
      {props.help}
    </p>
  ) : null;
  const button = (
    <button
      type="button"
      class={props.danger ? 'danger' : undefined}
      aria-describedby={helpId}
      disabled={props.section.busy}
      onClick={() => {
        props.section.perform(props.task);
      }}
    >
      {props.children}
    </button>
  );
  if (!help) return button;
  return (
    <div>
      {props.helpFirst ? help : null}
      {button}
      {props.helpFirst ? null : help}
    </div>
  );
}
