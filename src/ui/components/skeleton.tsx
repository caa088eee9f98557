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
      <SkeletonLines label={label} lines={lines} />
    </section>
  );
}

/** The placeholder alone, for a screen whose heading and text need no data. */
export function SkeletonLines({ label, lines }: { label: string; lines: number }) {
  return (
    <>
      <p class="visually-hidden">{label}</p>
      <div class="skeleton" aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} class={i % 3 === 0 ? 'skeleton-block' : 'skeleton-line'} />
        ))}
      </div>
    </>
  );
}
