import { formatTime } from '../../i18n/format';
import type { ProfileKind } from '../../rules';
import { refusalText } from './refusal';
import { useWords } from './use-words';

export type QueueState = 'queued' | 'sending' | 'retry' | 'applied' | 'rejected' | 'failed';

/** One action waiting to sync (or refused and not yet dismissed). */
export interface QueueItem {
  id: string;
  type: 'link' | 'unlink';
  profileKind: ProfileKind;
  /** What the person knows the profile by: the MCID or the account name. */
  profileLabel: string;
  state: QueueState;
  attempts: number;
  /** Epoch ms of the next try while retrying. */
  nextAttemptAt: number | null;
  code: string | null;
  nextAllowedOn: string | null;
  /** Why delivery failed for good (not a rule refusal), when known. */
  lastError: string | null;
}

interface QueueListProps {
  items: readonly QueueItem[];
  emptyText: string;
  onDismiss: (id: string) => void;
}

/** The outbox as the person sees it: what, its state, and why a refusal happened. */
export function QueueList({ items, emptyText, onDismiss }: QueueListProps) {
  const words = useWords();
  const q = words.t.queue;
  if (items.length === 0) return <p class="queue-empty">{emptyText}</p>;
  return (
    <ul class="queue" data-testid="queue">
      {items.map((item) => {
        const what = `${item.type === 'link' ? q.link : q.unlink} · ${
          item.profileKind === 'learn' ? q.learn : q.pu
        } ${item.profileLabel}`;
        const settledBad = item.state === 'rejected' || item.state === 'failed';
        return (
          <li key={item.id} class={`queue-item queue-${item.state}`} data-state={item.state}>
            <p class="queue-what">{what}</p>
            <p class="queue-state">{stateText(words, item)}</p>
            {settledBad ? (
              <>
                <p class="queue-reason">
                  {refusalText(words, item.code ?? 'UNKNOWN', item.nextAllowedOn)}
                </p>
                <button
                  type="button"
                  class="small"
                  aria-label={q.dismissLabel(what)}
                  onClick={() => {
                    onDismiss(item.id);
                  }}
                >
                  {words.m.common.dismiss}
                </button>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function stateText(words: ReturnType<typeof useWords>, item: QueueItem): string {
  const s = words.t.queue.states;
  switch (item.state) {
    case 'retry':
      return s.retry(
        item.nextAttemptAt === null ? '—' : formatTime(item.nextAttemptAt, words.lang),
        item.attempts + 1,
      );
    case 'queued':
    case 'sending':
    case 'rejected':
    case 'failed':
    case 'applied':
      return s[item.state];
  }
}
