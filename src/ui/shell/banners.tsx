import type { ComponentChildren } from 'preact';
import { useShell } from '../context';

/** A bar across the top that needs the person's answer: an alert, with its actions. */
function Banner(props: {
  warn?: boolean;
  testId: string;
  text: string;
  children: ComponentChildren;
}) {
  return (
    <div
      class={`banner${props.warn ? ' banner-warn' : ''}`}
      role="alert"
      data-testid={props.testId}
    >
      <p>{props.text}</p>
      {props.children}
    </div>
  );
}

/** "Update available — reload": the new version takes over only when the user agrees. */
export function UpdateBanner() {
  const shell = useShell();
  const m = shell.messages.value.common;
  if (!shell.updateAvailable.value) return null;
  return (
    <Banner testId="update-banner" text={m.updateAvailable}>
      <div class="banner-actions">
        <button type="button" class="primary" onClick={shell.acceptUpdate}>
          {m.updateReload}
        </button>
        <button type="button" onClick={shell.dismissUpdate}>
          {m.updateLater}
        </button>
      </div>
    </Banner>
  );
}

/** The database was upgraded elsewhere: this tab closed its connection and must reload. */
export function DbBlockedBanner({ reload }: { reload: () => void }) {
  const shell = useShell();
  const m = shell.messages.value.common;
  if (!shell.dbBlocked.value) return null;
  return (
    <Banner warn testId="db-blocked-banner" text={m.dbBlocked}>
      <button type="button" class="primary" onClick={reload}>
        {m.reload}
      </button>
    </Banner>
  );
}
