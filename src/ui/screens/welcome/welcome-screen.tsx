import type { ReadonlySignal } from '@preact/signals';
import { goTo } from '../../components/go-to';
import { useFocusHeading } from '../../components/use-focus-heading';
import { useMeData } from '../individual';
import { toWelcomeView } from './welcome-model';
import { WelcomeScreenView } from './welcome-view';

/** Who am I: choose the work account this device acts as, or load the demo. */
export function WelcomeScreen() {
  const data = useMeData();
  const accounts = data?.accounts.value;
  const current = data?.currentAccountId.value;
  const ready = !!data && accounts !== undefined && current !== undefined;
  useFocusHeading(ready);
  if (!ready) return <WelcomeScreenView view={null} />;
  return (
    <WelcomeScreenView
      view={toWelcomeView(accounts, current)}
      onChoose={async (id) => {
        const result = await data.chooseAccount(id);
        // The settings arrive through a live query: go home only once it names
        // the choice, or home would still see "nobody" and send us back here.
        if (result.ok) await untilChosen(data.currentAccountId, id);
        if (result.ok) goTo('#/');
        return result;
      }}
      onLoadDemo={data.loadDemo}
    />
  );
}

function untilChosen(
  current: ReadonlySignal<string | null | undefined>,
  id: string,
): Promise<void> {
  return new Promise((resolve) => {
    let stop: (() => void) | null = null;
    let done = false;
    stop = current.subscribe((value) => {
      if (value !== id || done) return;
      done = true;
      resolve();
      // The first call runs inside subscribe(), before `stop` is set.
      queueMicrotask(() => stop?.());
    });
  });
}
