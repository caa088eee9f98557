import { useEffect } from 'preact/hooks';
import type { ProfileKind } from '../../../rules';
import { goTo } from '../../components/go-to';
import { Skeleton } from '../../components/skeleton';
import { useFocusHeading } from '../../components/use-focus-heading';
import { useWords } from '../../components/use-words';
import { useShell } from '../../context';
import { useMeData, type ActionResult, type LinkCheck, type LinkChoice } from '../individual';
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
  // A typed MCID is the person's own: one of their Learn profiles, their
  // incomplete one, or a new one; a Partner University sign-up is a new
  // profile of theirs. Checking writes nothing; "Link now" writes the profile
  // and the link together.
  const onCheck = async (choice: LinkChoice): Promise<LinkCheck> => {
    if (!('profileId' in choice)) {
      const answer = await data.checkTyped(choice);
      if (!answer.ok) return answer;
      const known = my.profiles.find((p) => p.profile.id === answer.profileId) ?? null;
      return allowedCheck(my, known, choice, today);
    }
    const answer = await data.checkLink(choice.profileId);
    if (!answer.ok) return answer;
    const known = my.profiles.find((p) => p.profile.id === choice.profileId) ?? null;
    return allowedCheck(my, known, choice, today);
  };
  const onLink = (choice: LinkChoice): Promise<ActionResult> =>
    'profileId' in choice ? data.link(choice.profileId) : data.linkTyped(choice);
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
