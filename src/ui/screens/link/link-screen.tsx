import { useEffect } from 'preact/hooks';
import type { ProfileKind } from '../../../rules';
import { goTo } from '../../components/go-to';
import { Skeleton } from '../../components/skeleton';
import { useFocusHeading } from '../../components/use-focus-heading';
import { useWords } from '../../components/use-words';
import { useShell } from '../../context';
import {
  type MeData,
  useMeData,
  MCID_NOT_MINE,
  type ActionResult,
  type LinkCheck,
  type LinkChoice,
} from '../individual';
import { allowedCheck, toLinkView } from './link-model';
import { LinkScreenView } from './link-view';

/** Link my Learn profile or Partner University account to the account this device acts as. */
export function LinkScreen({ kind }: { kind: ProfileKind }) {
  const data = useMeData();
  const shell = useShell();
  const { t, m } = useWords();
  const my = data?.my.value;
  const missing = data?.currentAccountId.value === null || my === null;
  useEffect(() => {
    if (missing) goTo('#/welcome', true);
  }, [missing]);
  const ready = !!data && !!my;
  useFocusHeading(ready);
  const title = kind === 'learn' ? t.link.learnTitle : t.link.puTitle;
  if (!data || !my) return <Skeleton title={title} label={m.common.loading} lines={4} />;

  const today = data.today();
  // A typed MCID is the person's own: it names one of their Learn profiles,
  // or completes their incomplete one (or adds one). Nothing is queued yet.
  const profileFor = async (choice: LinkChoice) => {
    if ('profileId' in choice) return { ok: true as const, profileId: choice.profileId };
    return data.setLearnMcid(choice.mcid);
  };
  const onCheck = async (choice: LinkChoice): Promise<LinkCheck> => {
    const found = await profileFor(choice);
    if (!found.ok) return found;
    const answer = await data.checkLink(found.profileId);
    if (!answer.ok) return answer;
    // A profile just completed or added reaches the live view a moment later.
    const known = await profileInView(data.my, found.profileId);
    if (!known) return { ok: false, code: MCID_NOT_MINE };
    return allowedCheck(my, known, { profileId: found.profileId }, today);
  };
  const onLink = async (choice: LinkChoice): Promise<ActionResult> => {
    const found = await profileFor(choice);
    return found.ok ? data.link(found.profileId) : found;
  };
  return (
    <LinkScreenView
      key={kind}
      view={toLinkView(my, kind, today)}
      online={shell.online.value}
      onCheck={onCheck}
      onLink={onLink}
    />
  );
}

type ProfileIn = NonNullable<MeData['my']['value']>['profiles'][number];

/** The profile as the live view shows it, waiting briefly for a write to arrive there. */
function profileInView(
  my: MeData['my'],
  profileId: string,
  timeoutMs = 3000,
): Promise<ProfileIn | null> {
  const find = () => my.value?.profiles.find((p) => p.profile.id === profileId) ?? null;
  const now = find();
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop();
      resolve(null);
    }, timeoutMs);
    const stop = my.subscribe(() => {
      const found = find();
      if (!found) return;
      clearTimeout(timer);
      queueMicrotask(() => {
        stop();
      });
      resolve(found);
    });
  });
}
