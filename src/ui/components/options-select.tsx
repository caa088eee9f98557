import type { TargetedEvent } from 'preact';

interface OptionsSelectProps<T extends string> {
  id: string;
  value: T;
  options: readonly T[];
  /** Each option in words. */
  labelOf: (option: T) => string;
  onChange: (option: T) => void;
  describedBy?: string;
}

/** A select over a fixed list: only a value of the list reaches `onChange`. */
export function OptionsSelect<T extends string>(props: OptionsSelectProps<T>) {
  const { options, onChange } = props;
  return (
    <select
      id={props.id}
      value={props.value}
      aria-describedby={props.describedBy}
      onChange={(e: TargetedEvent<HTMLSelectElement>) => {
        const picked = options.find((o) => o === e.currentTarget.value);
        if (picked !== undefined) onChange(picked);
      }}
    >
      {options.map((o) => (
        <option key={o} value={o}>
          {props.labelOf(o)}
        </option>
      ))}
    </select>
  );
}
