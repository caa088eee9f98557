import { useShell } from '../context';

/** "Update available — reload": the new version takes over only when the user agrees. */
export function UpdateBanner() {
  const shell = useShell();
  const m = shell.messages.value.common;
  if (!shell.updateAvailable.value) return null;
  return (
    <div class="banner" role="alert" data-testid="update-banner">
      <p>{m.updateAvailable}</p>
      <div class="banner-actions">
        <button type="button" class="primary" onClick={shell.acceptUpdate}>
          {m.updateReload}
        </button>
        <button type="button" onClick={shell.dismissUpdate}>
          {m.updateLater}
        </button>
      </div>
    </div>
  );
}

/** The database was upgraded elsewhere: this tab closed its connection and must reload. */
export function DbBlockedBanner({ reload }: { reload: () => void }) {
  const shell = useShell();
  const m = shell.messages.value.common;
  if (!shell.dbBlocked.value) return null;
  return (
    <div class="banner banner-warn" role="alert" data-testid="db-blocked-banner">
      <p>{m.dbBlocked}</p>
      <button type="button" class="primary" onClick={reload}>
        {m.reload}
      </button>
    </div>
  );
}
