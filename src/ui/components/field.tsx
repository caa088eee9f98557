import type { ComponentChildren } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  /** The problem in words, or null. */
  error: string | null;
  /** Renders the control; it should set `aria-describedby` to the ids given (hint, error). */
  children: (describedBy: string | undefined) => ComponentChildren;
}

/** A label, hint and error tied to one control for screen readers. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {hint ? (
        <p id={hintId} class="field-hint">
          {hint}
        </p>
      ) : null}
      {children(describedBy || undefined)}
      {error ? (
        <p id={errorId} class="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
