/**
 * What a screen shows while the data layer loads: blocks of the height the
 * content will take, so nothing jumps when it arrives (CLS 0).
 */
export function Skeleton({
  title,
  label,
  lines = 6,
}: {
  title: string;
  label: string;
  lines?: number;
}) {
  return (
    <section aria-labelledby="screen-title" aria-busy="true">
      <h1 id="screen-title" tabIndex={-1}>
        {title}
      </h1>
      <p class="visually-hidden">{label}</p>
      <div class="skeleton" aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} class={i % 3 === 0 ? 'skeleton-block' : 'skeleton-line'} />
        ))}
      </div>
    </section>
  );
}
