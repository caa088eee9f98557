import { DateText } from '../../components/date-text';
import { Fact } from '../../components/fact';
import { useWords } from '../../components/use-words';
import type { ProfileSlot } from './view-model';

interface ProfileCardProps {
  slot: ProfileSlot;
  today: string;
  orgName: string;
  onRemove: () => void;
  /** "This is not my MCID" (Learn profiles with an MCID only). */
  onNotMine?: () => void;
}

/** One kind of learning profile: linked or not, its limits, and the one action that fits. */
export function ProfileCard({ slot, today, orgName, onRemove, onNotMine }: ProfileCardProps) {
  const { t, policy } = useWords();
  const learn = slot.kind === 'learn';
  const heading = learn ? t.me.learnHeading : t.me.puHeading;
  const headingId = `slot-${slot.kind}`;
  const { profile, link } = slot;
  return (
    <section
      class="card profile-card"
      aria-labelledby={headingId}
      data-testid={`slot-${slot.kind}`}
    >
      <h2 id={headingId}>{heading}</h2>
      {profile && link ? (
        <p class="link-state">
          <span class="pill pill-ok">{t.me.linkedTo(orgName)}</span>
          {link.pending ? <span class="pill pill-pending">{t.me.pendingSync}</span> : null}
        </p>
      ) : (
        <p class="link-state">
          <span class="pill pill-none">{profile ? t.me.notLinked : t.me.noProfile}</span>
          {slot.elsewhere !== null ? (
            <span class="elsewhere">{t.me.linkedElsewhere(slot.elsewhere)}</span>
          ) : null}
        </p>
      )}
      <dl class="facts">
        {profile && learn ? (
          <Fact term={t.me.mcid} class="mono">
            {profile.mcid ?? '—'}
          </Fact>
        ) : null}
        {profile ? (
          <Fact term={t.me.account} class="break">
            {profile.label}
          </Fact>
        ) : null}
        {link ? (
          <Fact term={t.me.linkedSince}>
            <DateText iso={link.startedOn} />
          </Fact>
        ) : null}
        <Fact term={t.me.usedInWindow(policy)} testId={`used-${slot.kind}`}>
          {t.me.nOfLimit(slot.usedInWindow, slot.limit)}
        </Fact>
        <Fact term={t.me.nextStart} testId={`next-${slot.kind}`}>
          <DateText iso={slot.nextAssociationOn} style="long" from />
          {slot.nextAssociationOn <= today ? (
            <span class="muted" aria-hidden="true">
              {' '}
              ✓
            </span>
          ) : null}
        </Fact>
      </dl>
      <div class="card-actions">
        {link ? (
          <button
            type="button"
            class="danger"
            aria-label={t.me.removeAccessOf(heading)}
            onClick={onRemove}
          >
            {t.me.removeAccess}
          </button>
        ) : (
          <a class="button primary" href={learn ? '#/link/learn' : '#/link/partner-university'}>
            {learn ? t.me.linkLearn : t.me.linkPu}
          </a>
        )}
        {learn && profile?.mcid && onNotMine ? (
          <button type="button" aria-label={t.me.notMineOf(profile.mcid)} onClick={onNotMine}>
            {t.me.notMine}
          </button>
        ) : null}
      </div>
    </section>
  );
}
