import { useOrgWords } from './org-words';

/** A section whose data is being read: blocks of about its height, under the section links. */
export function SectionLoading() {
  const { m } = useOrgWords();
  return (
    <div class="card" aria-busy="true" data-testid="section-loading">
      <p class="visually-hidden">{m.common.loading}</p>
      <div class="skeleton" aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} class={i % 3 === 0 ? 'skeleton-block' : 'skeleton-line'} />
        ))}
      </div>
    </div>
  );
}
