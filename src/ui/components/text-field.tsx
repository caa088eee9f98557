import type { TargetedEvent } from 'preact';
import { Field } from './field';

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

/** A labelled text input whose hint and error are tied to it for screen readers. */
export function TextField(props: TextFieldProps) {
  const { id, label, value, onInput, hint, error, inputMode, autoComplete, required } = props;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          type="text"
          value={value}
          inputMode={inputMode}
          autoComplete={autoComplete}
          spellcheck={false}
          required={required}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
          onInput={(e: TargetedEvent<HTMLInputElement>) => {
            onInput(e.currentTarget.value);
          }}
        />
      )}
    </Field>
  );
}
