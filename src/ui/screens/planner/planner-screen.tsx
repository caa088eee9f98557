import { describeCode } from '../../../i18n/describe';
import { useEffect, useMemo } from 'preact/hooks';
import { followPlanner } from '../../../state/planner/live';
import { browserReminderEnv } from '../../../state/planner/notifier';
import { createReminders } from '../../../state/planner/reminders';
import { pageReminders, startPlannerReminders, textsIn } from '../../../state/planner/start';
import { useShell } from '../../context';
import { goTo } from '../../components/go-to';
import { Notice } from '../../components/notice';
import { Skeleton } from '../../components/skeleton';
import { TitledScreen } from '../../components/titled-screen';
import { useFocusHeading } from '../../components/use-focus-heading';
import { useData } from '../../data-context';
import { PlannerView } from './planner-view';
import { usePlannerWords } from './use-planner-words';

const now = () => new Date();

/** The planner for the account this device acts as (or off to "who am I"). */
export function PlannerScreen() {
  const app = useData();
  const words = usePlannerWords();
  const { t, m } = words;
  const source = useMemo(() => (app ? followPlanner(app) : null), [app]);
  useEffect(
    () => () => {
      source?.dispose();
    },
    [source],
  );
  const shell = useShell();
  // The page's reminders keep running after this screen closes. main.tsx starts
  // them at boot only for a person already opted in; otherwise they start here,
  // so an opt-in made now still reminds once the screen is closed.
  const [reminders, own] = useMemo(() => {
    const shared =
      pageReminders() ?? (app ? startPlannerReminders(app.me, shell.lang).reminders : null);
    return shared
      ? [shared, false]
      : [createReminders(browserReminderEnv(textsIn(shell.lang))), true];
  }, [app, shell.lang]);
  useEffect(
    () => () => {
      if (own) reminders.dispose();
    },
    [reminders, own],
  );

  const load = source?.load.value ?? { state: 'loading' };
  useEffect(() => {
    if (load.state === 'no-account') goTo('#/welcome', true);
  }, [load.state]);
  useFocusHeading(load.state === 'ready');

  switch (load.state) {
    case 'loading':
    case 'no-account':
      return <Skeleton title={t.title} label={m.common.loading} />;
    case 'no-profile':
      return (
        <TitledScreen title={t.title}>
          <p>{t.noProfile}</p>
          <p>
            <a class="button primary" href="#/link/learn">
              {t.result.doIt}
            </a>
          </p>
        </TitledScreen>
      );
    case 'error':
      return (
        <TitledScreen title={t.title}>
          <Notice tone="error">
            <p>{describeCode(m, 'UNKNOWN', null, words.policy)}</p>
          </Notice>
        </TitledScreen>
      );
    case 'ready':
      return <PlannerView words={words} data={load.data} reminders={reminders} now={now} />;
  }
}
