import { useEffect, useLayoutEffect } from 'preact/hooks';
import type { ProfileKind } from '../../../rules';
import { goTo } from '../../components/go-to';
import { Skeleton } from '../../components/skeleton';
import { useFocusHeading } from '../../components/use-focus-heading';
import { useWords } from '../../components/use-words';
import { useData } from '../../data-context';
import { whenIdle } from '../../when-idle';
import { readAheadForAdmin } from '../org/read-ahead';
import { toMeView } from './from-state';
import { MeScreenView } from './me-view';
import { firstMeData } from './first-me-data';
import { useMeData } from './use-me-data';
import type { ActionResult } from './view-model';

export const HOME_DATA_MARK = 'mcid:home-data';

/** Home: My Learn profile, for the account this device acts as (or off to "who am I"). */
export function MeScreen() {
  // Before the data state has started, the rows the page read first.
  const data = useMeData(firstMeData);
  const { t, m } = useWords();
  const current = data?.currentAccountId.value;
  const my = data?.my.value;
  const missing = current === null || my === null;
  useEffect(() => {
    if (missing) goTo('#/welcome', true);
  }, [missing]);
  const ready = !!data && !!my;
  useFocusHeading(ready);
  useLayoutEffect(() => {
    // The benchmark's "start with data" ends here: the person's data is in the
    // page (before the paint, as the bare build's change is seen by the bench's
    // MutationObserver; an effect would add the paint to the app's figure only).
    if (ready && performance.getEntriesByName(HOME_DATA_MARK).length === 0) {
      performance.mark(HOME_DATA_MARK);
    }
  }, [ready]);
  // Painted (effects run after paint): an admin's next screen is read ahead.
  const app = useData();
  useEffect(() => {
    const me = app?.me.peek();
    if (!ready || !app || !me) return;
    whenIdle(() => {
      readAheadForAdmin(app, me);
    });
  }, [app, ready]);
  if (!data || !my) return <Skeleton title={t.me.title} label={m.common.loading} />;

  const view = toMeView(my, data.outbox.value, data.today());
  const onRemove = (kind: ProfileKind): Promise<ActionResult> => {
    const slot = kind === 'learn' ? view.learn : view.partnerUniversity;
    if (!slot.profile) return Promise.resolve({ ok: false, code: 'NOT_LINKED' });
    return data.unlink(slot.profile.id);
  };
  const onNotMine = (): Promise<ActionResult> => {
    const profile = view.learn.profile;
    if (!profile) return Promise.resolve({ ok: false, code: 'NOT_FOUND' });
    return data.removeWrongMcid(profile.id);
  };
  return (
    <MeScreenView
      view={view}
      onRemove={onRemove}
      onNotMine={onNotMine}
      onDismiss={(id) => {
        void data.dismiss(id);
      }}
      onConfirmSelf={data.confirmSelf}
    />
  );
}
