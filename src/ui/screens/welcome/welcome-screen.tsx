import { goTo } from '../../components/go-to';
import { Skeleton } from '../../components/skeleton';
import { useFocusHeading } from '../../components/use-focus-heading';
import { useWords } from '../../components/use-words';
import { toWelcomeView } from '../me/from-state';
import { useMeData } from '../me/use-me-data';
import { WelcomeScreenView } from './welcome-view';

/** Who am I: choose the work account this device acts as, or load the demo. */
export function WelcomeScreen() {
  const data = useMeData();
  const { t, m } = useWords();
  const accounts = data?.accounts.value;
  const current = data?.currentAccountId.value;
  const ready = !!data && accounts !== undefined && current !== undefined;
  useFocusHeading(ready);
  if (!data || accounts === undefined || current === undefined) {
    return <Skeleton title={t.welcome.title} label={m.common.loading} lines={4} />;
  }
  return (
    <WelcomeScreenView
      view={toWelcomeView(accounts, current)}
      onChoose={async (id) => {
        const result = await data.chooseAccount(id);
        if (result.ok) goTo('#/');
        return result;
      }}
      onLoadDemo={data.loadDemo}
    />
  );
}
