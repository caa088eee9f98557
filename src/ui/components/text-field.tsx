import type { TargetedEvent } from 'preact';
import { InputField } from './field';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  /** The problem in words, or null when the value is fine (or not checked yet). */
  error: string | null;
  /** `text` unless said; a URL or a secret token are typed text too. */
  type?: 'text' | 'url' | 'password';
  inputMode?: 'numeric' | 'text' | 'email' | 'url';
  autoComplete?: string;
  required?: boolean;
}

/** A labelled text input whose hint and error are tied to it for screen readers. */
export function TextField({ onInput, type = 'text', ...field }: TextFieldProps) {
  return (
    <InputField
      {...field}
      type={type}
      spellcheck={false}
      onInput={(e: TargetedEvent<HTMLInputElement>) => {
        onInput(e.currentTarget.value);
      }}
    />
  );
}
