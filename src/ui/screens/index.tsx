import { useEffect } from 'preact/hooks';
import { chosenIn } from '../../state/first-rows';
import type { Route } from '../../state/shell';
import { goTo } from '../components/go-to';
import { useMessages, useShell } from '../context';
import { useData, useFirstRows } from '../data-context';
import { ScreenLoading, lazyScreen, preloadRoute } from '../lazy';

// Each screen's code (and its words) loads on first use, not with the shell.
const SettingsScreen = lazyScreen(
  () => import('./settings/settings-screen').then((m) => m.SettingsScreen),
  'settings',
);
const MeScreen = lazyScreen(() => import('./individual/me-screen').then((m) => m.MeScreen), 'me');
const LinkScreen = lazyScreen(() => import('./link/link-screen').then((m) => m.LinkScreen), 'link');
const WelcomeScreen = lazyScreen(
  () => import('./welcome/welcome-screen').then((m) => m.WelcomeScreen),
  'welcome',
);
const OrgScreen = lazyScreen(() => import('./org/org-screen').then((m) => m.OrgScreen), 'org');
const PlannerScreen = lazyScreen(
  () => import('./planner/planner-screen').then((m) => m.PlannerScreen),
  'planner',
);

/**
 * Starts loading a route's screen before it renders: the screen a visit opens
 * with. Home's screen is known only once the settings are read; when the
 * shell's hint says someone is chosen (state/chosen-hint), its code loads
 * beside the storage layer's instead of after the settings.
 */
export function preloadScreen(route: Route, likelyNobodyChosen: boolean): Promise<unknown> {
  if (route.name === 'me' && likelyNobodyChosen) return Promise.resolve();
  return preloadRoute(route.name);
}

/** Picks the screen for a route. */
export function Screen({ route }: { route: Route }) {
  const m = useMessages();
  switch (route.name) {
    case 'settings':
      return <SettingsScreen />;
    case 'me':
      return <Home />;
    case 'link':
      return <LinkScreen kind={route.kind} />;
    case 'welcome':
      return <WelcomeScreen />;
    case 'org':
      return <OrgScreen tab={route.tab} />;
    case 'planner':
      return <PlannerScreen />;
    case 'not-found':
      return (
        <section aria-labelledby="screen-title">
          <h1 id="screen-title">{m.common.notFound}</h1>
          <p>
            <a href="#/">{m.common.goHome}</a>
          </p>
        </section>
      );
    default:
      return (
        <section aria-labelledby="screen-title">
          <h1 id="screen-title">{title(route, m.common.nav)}</h1>
          <p aria-busy="true">{m.common.loading}</p>
        </section>
      );
  }
}

/**
 * Home sends a device where nobody is chosen to "who am I" before the home
 * screen's code loads: a first visit lands there and needs only that. Until
 * the settings are read, the shell's hint decides (state/chosen-hint), so a
 * first visit goes there before the database has opened; on a returning
 * visit, the settings the page's first read found (store/open-ahead).
 */
function Home() {
  const m = useMessages();
  const shell = useShell();
  const settings = useData()?.settings.value;
  const first = useFirstRows();
  // The settings decide; before the data state has read them, the page's first read did.
  const current = settings ? settings.currentAccountId : first ? chosenIn(first.rows) : undefined;
  const nobody = current === undefined ? shell.likelyNobodyChosen : current === null;
  useEffect(() => {
    if (nobody) goTo('#/welcome', true);
  }, [nobody]);
  if (current === undefined || nobody) return <ScreenLoading words={m.common} />;
  return <MeScreen />;
}

function title(
  route: Route,
  nav: { me: string; planner: string; org: string; settings: string },
): string {
  switch (route.name) {
    case 'planner':
    case 'org':
    case 'settings':
      return nav[route.name];
    default:
      return nav.me;
  }
}
