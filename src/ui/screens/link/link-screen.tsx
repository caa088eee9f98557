import { useEffect } from 'preact/hooks';
import type { ProfileKind } from '../../../rules';
import { goTo } from '../../components/go-to';
import { Skeleton } from '../../components/skeleton';
import { useFocusHeading } from '../../components/use-focus-heading';
import { useWords } from '../../components/use-words';
import { useShell } from '../../context';
import { allowedCheck, toLinkView } from '../me/from-state';
import { useMeData } from '../me/use-me-data';
import {
  MCID_NOT_MINE,
  type ActionResult,
  type LinkCheck,
  type LinkChoice,
} from '../me/view-model';
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
  const onCheck = async (choice: LinkChoice): Promise<LinkCheck> => {
    // A typed MCID that one of my profiles holds is that profile.
    const known =
      'mcid' in choice
        ? my.profiles.find((p) => p.profile.kind === 'learn' && p.profile.mcid === choice.mcid)
        : my.profiles.find((p) => p.profile.id === choice.profileId);
    // The device knows the person's profiles only: an MCID none of them holds is not theirs to link here.
    if (!known) return { ok: false, code: MCID_NOT_MINE };
    const profileId = known.profile.id;
    const answer = await data.checkLink(profileId);
    return answer.ok ? allowedCheck(my, known, { profileId }, today) : answer;
  };
  const onLink = (choice: LinkChoice): Promise<ActionResult> => {
    const profileId =
      'profileId' in choice
        ? choice.profileId
        : my.profiles.find((p) => p.profile.mcid === choice.mcid)?.profile.id;
    return profileId ? data.link(profileId) : Promise.resolve({ ok: false, code: MCID_NOT_MINE });
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
