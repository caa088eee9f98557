/** An outbox entry as the contract sends it: only the fields of `WireAction`. */
import type { WireAction } from '../rules';
import type { OutboxEntry } from '../store';

export function toWire(entry: OutboxEntry): WireAction {
  const profile: WireAction['profile'] = { kind: entry.profile.kind, id: entry.profile.id };
  if (entry.profile.mcid != null) profile.mcid = entry.profile.mcid;
  return {
    id: entry.id,
    type: entry.type,
    actorAccountId: entry.actorAccountId,
    accountId: entry.accountId,
    profile,
    requestedAt: entry.requestedAt,
  };
}
