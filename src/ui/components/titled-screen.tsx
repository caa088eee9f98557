import type { ComponentChildren } from 'preact';

/** A screen that only says something (no account, nothing to show, an error) under its title. */
export function TitledScreen({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}
