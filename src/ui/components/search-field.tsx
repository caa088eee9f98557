import type { TargetedEvent } from 'preact';

interface SearchFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
}

/** A labelled filter box (type=search) for a list. */
export function SearchField({ id, label, value, onInput }: SearchFieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={value}
        autoComplete="off"
        onInput={(e: TargetedEvent<HTMLInputElement>) => {
          onInput(e.currentTarget.value);
        }}
      />
    </div>
  );
}
