import type { ComponentChildren } from 'preact';

interface FactProps {
  term: ComponentChildren;
  children: ComponentChildren;
  /** The value's class and test id, where it has them. */
  class?: string;
  testId?: string;
}

/** One term and its value, inside a `<dl class="facts">`. */
export function Fact({ term, children, class: className, testId }: FactProps) {
  return (
    <div>
      <dt>{term}</dt>
      <dd class={className} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
