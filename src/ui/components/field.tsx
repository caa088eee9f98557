import type { ComponentChildren, InputHTMLAttributes, TargetedEvent } from 'preact';

/** A line of words tied to a control by its id; nothing when there are none. */
function note(id: string, cls: string, text: string | null | undefined) {
  return text ? (
    <p id={id} class={cls}>
      {text}
    </p>
  ) : null;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  /** The problem in words, or null. */
  error: string | null;
  /**
   * `check`: a checkbox, shown before its label (as a box reads: "☐ label");
   * otherwise the label comes first.
   */
  layout?: 'check';
  /** Renders the control; it should set `aria-describedby` to the ids given (hint, error). */
  children: (describedBy: string | undefined) => ComponentChildren;
}

/** A label, hint and error tied to one control for screen readers. */
export function Field({ id, label, hint, error, layout, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  const labelled = <label for={id}>{label}</label>;
  const control = children(describedBy || undefined);
  return (
    <div class={`field${layout === 'check' ? ' field-check' : ''}${error ? ' field-invalid' : ''}`}>
      {layout === 'check' ? control : labelled}
      {layout === 'check' ? labelled : null}
      {note(hintId, 'field-hint', hint)}
      {layout === 'check' ? null : control}
      {note(errorId, 'field-error', error)}
    </div>
  );
}

type InputAttributes = Omit<
  InputHTMLAttributes,
  'id' | 'label' | 'aria-describedby' | 'aria-invalid' | 'children'
>;

/**
 * A `Field` around one `<input>` (any type): the input gets the field's id,
 * its hint and error as `aria-describedby`, and `aria-invalid` with an error.
 */
export function InputField(props: Omit<FieldProps, 'children'> & InputAttributes) {
  const { id, label, hint, error, layout, ...input } = props;
  return (
    <Field id={id} label={label} hint={hint} error={error} layout={layout}>
      {(describedBy) => (
        <input
          {...input}
          id={id}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
    </Field>
  );
}

interface ChoiceFieldProps<T extends string> {
  /** The radio group's name. */
  name: string;
  legend: string;
  /** Hide the legend when a heading above already says it. */
  hideLegend?: boolean;
  hint?: string;
  choices: readonly T[];
  value: T;
  /** Each choice in words. */
  labelOf: (choice: T) => string;
  /** The language a choice's words are in, when it is not the page's. */
  langOf?: (choice: T) => string;
  onChange: (choice: T) => void;
}

/** One of a few choices, as labelled radio buttons in a fieldset. */
export function ChoiceField<T extends string>(props: ChoiceFieldProps<T>) {
  const { name, choices, value, onChange } = props;
  const hintId = `${name}-hint`;
  return (
    <fieldset class="field choices" aria-describedby={props.hint ? hintId : undefined}>
      <legend class={props.hideLegend ? 'visually-hidden' : undefined}>{props.legend}</legend>
      {choices.map((choice) => (
        <label key={choice} lang={props.langOf?.(choice)}>
          <input
            type="radio"
            name={name}
            value={choice}
            checked={value === choice}
            onChange={(e: TargetedEvent<HTMLInputElement>) => {
              const picked = choices.find((c) => c === e.currentTarget.value);
              if (picked !== undefined) onChange(picked);
            }}
          />{' '}
          {props.labelOf(choice)}
        </label>
      ))}
      {note(hintId, 'field-hint', props.hint)}
    </fieldset>
  );
}
