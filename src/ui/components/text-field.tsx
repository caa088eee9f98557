import type { TargetedEvent } from 'preact';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  /** The problem in words, or null when the value is fine (or not checked yet). */
  error: string | null;
  inputMode?: 'numeric' | 'text' | 'email';
  autoComplete?: string;
  required?: boolean;
}

/** A labelled input whose hint and error are tied to it for screen readers. */
export function TextField(props: TextFieldProps) {
  const { id, label, value, onInput, hint, error, inputMode, autoComplete, required } = props;
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
      <input
        id={id}
        type="text"
        value={value}
        inputMode={inputMode}
        autoComplete={autoComplete}
        spellcheck={false}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(e: TargetedEvent<HTMLInputElement>) => {
          onInput(e.currentTarget.value);
        }}
      />
      {error ? (
        <p id={errorId} class="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
