import { SyncNewsPanel } from '../../components/sync-news';
import { useState } from 'preact/hooks';
import type { ProfileKind } from '../../../rules';
// By its own path: the rules' index would bring the link decisions to home.
import { reportRemovalDate } from '../../../rules/credit';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { BusyButton } from '../../components/busy-button';
import { Notice, OutcomeNotice, type Outcome } from '../../components/notice';
import { QueueList } from '../../components/queue-list';
import { refusalText } from '../../components/refusal';
import { useBusy } from '../../components/use-busy';
import { useWords } from '../../components/use-words';
import { AchievementList } from './achievement-list';
import { ProfileCard } from './profile-card';
import type { ActionResult, MeView } from './view-model';

interface MeScreenViewProps {
  view: MeView;
  onRemove: (kind: ProfileKind) => Promise<ActionResult>;
  /** "This is not my MCID" for the Learn profile shown (no button without it). */
  onNotMine?: () => Promise<ActionResult>;
  onDismiss: (id: string) => void;
  /** "This is me": records the person's first sign-in (absent: the view offers no button). */
  onConfirmSelf?: () => Promise<ActionResult>;
}

/** The home screen: my profiles and their links, my limits, my credit, my queue. */
export function MeScreenView({
  view,
  onRemove,
  onNotMine,
  onDismiss,
  onConfirmSelf,
}: MeScreenViewProps) {
  const words = useWords();
  const { t, m } = words;
  const [removing, setRemoving] = useState<ProfileKind | null>(null);
  // The dialog keeps its words while it closes.
  const [asked, setAsked] = useState<ProfileKind>('learn');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The MCID the "not my MCID" dialog asks about (kept while it closes, like `asked`).
  const [notMine, setNotMine] = useState<string | null>(null);
  const [notMineOpen, setNotMineOpen] = useState(false);
  const { account } = view;
  const what = (kind: ProfileKind) => (kind === 'learn' ? t.me.learnHeading : t.me.puHeading);

  const confirmRemove = async () => {
    if (!removing) return;
    setBusy(true);
    const kind = removing;
    const result = await onRemove(kind);
    setBusy(false);
    setRemoving(null);
    setOutcome(
      result.ok
        ? { ok: true, text: t.me.removed(what(kind)) }
        : { ok: false, text: refusalText(words, result.code, result.nextAllowedOn) },
    );
  };

  const confirmNotMine = async () => {
    const mcid = notMine ?? '';
    setBusy(true);
    if (!onNotMine) return;
    const result = await onNotMine();
    setBusy(false);
    setNotMineOpen(false);
    setOutcome(
      result.ok
        ? { ok: true, text: t.notMine.done(mcid) }
        : { ok: false, text: refusalText(words, result.code, result.nextAllowedOn) },
    );
  };

  // Both questions on this screen end something: the same Cancel, busy while it runs.
  const dangerDialog = { cancelLabel: m.common.cancel, danger: true, busy } as const;
  const closeRemove = () => {
    setRemoving(null);
  };
  const closeNotMine = () => {
    setNotMineOpen(false);
  };

  return (
    <section aria-labelledby="screen-title" class="me">
      <h1 id="screen-title" tabIndex={-1}>
        {t.me.title}
      </h1>
      <div class="card who">
        <p>
          <span class="muted">{t.me.signedInAs}</span>{' '}
          <strong data-testid="who-name">{account.displayName}</strong>
          <br />
          <span class="break">{account.email}</span>
          <br />
          <span>{account.orgName}</span>
        </p>
        <a class="button" href="#/welcome">
          {t.me.switchAccount}
        </a>
      </div>
      {!account.signedIn && onConfirmSelf ? (
        <ConfirmSelf name={account.displayName} onConfirm={onConfirmSelf} />
      ) : null}
      <OutcomeNotice outcome={outcome} testId="me-result" />
      <div class="cards">
        {[view.learn, view.partnerUniversity].map((slot) => (
          <ProfileCard
            key={slot.kind}
            slot={slot}
            today={view.today}
            orgName={account.orgName}
            onRemove={() => {
              setOutcome(null);
              setAsked(slot.kind);
              setRemoving(slot.kind);
            }}
            onNotMine={
              onNotMine
                ? () => {
                    setOutcome(null);
                    setNotMine(slot.profile?.mcid ?? null);
                    setNotMineOpen(true);
                  }
                : undefined
            }
          />
        ))}
      </div>
      <AchievementList items={view.achievements} orgName={account.orgName} />
      <section class="card" aria-labelledby="queue-title">
        <h2 id="queue-title">{t.me.queueHeading}</h2>
        <QueueList items={view.queue} emptyText={t.me.queueEmpty} onDismiss={onDismiss} />
      </section>
      <SyncNewsPanel profileIds={view.profileIds} />
      <ConfirmDialog
        {...dangerDialog}
        open={removing !== null}
        title={t.remove.title(what(asked))}
        confirmLabel={t.remove.confirm}
        onConfirm={() => void confirmRemove()}
        onCancel={closeRemove}
      >
        <p data-testid="remove-body">
          {t.remove.body(
            account.orgName,
            words.from(reportRemovalDate(view.today, words.policy), 'long'),
          )}
        </p>
        <p>{t.remove.countStays(words.policy)}</p>
      </ConfirmDialog>
      <ConfirmDialog
        {...dangerDialog}
        open={notMineOpen}
        title={t.notMine.title(notMine ?? '')}
        confirmLabel={t.notMine.confirm}
        onConfirm={() => void confirmNotMine()}
        onCancel={closeNotMine}
      >
        <p data-testid="not-mine-body">{t.notMine.body(notMine ?? '')}</p>
        <p>{t.notMine.countStays(words.policy)}</p>
      </ConfirmDialog>
    </section>
  );
}

/**
 * Choosing an account on a shared device is not that person signing in: until
 * they act (link, remove access) or say so here, their admin still sees "no response".
 */
function ConfirmSelf({
  name,
  onConfirm,
}: {
  name: string;
  onConfirm: () => Promise<ActionResult>;
}) {
  const words = useWords();
  const { t } = words;
  const { busy, run } = useBusy();
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setError(null);
    const result = await run(onConfirm);
    if (!result.ok) setError(refusalText(words, result.code, result.nextAllowedOn));
  };
  return (
    <Notice tone="info" heading={t.me.notSignedInHeading} testId="confirm-self">
      <p>{t.me.notSignedIn(name)}</p>
      {error ? <p role="alert">{error}</p> : null}
      <BusyButton busy={busy} onClick={() => void confirm()}>
        {t.me.thisIsMe(name)}
      </BusyButton>
    </Notice>
  );
}
