import { useShell } from '../context';
import type { Route } from '../../state/shell';

type NavKey = 'me' | 'planner' | 'org' | 'settings';
const ITEMS: { key: NavKey; href: string }[] = [
  { key: 'me', href: '#/' },
  { key: 'planner', href: '#/planner' },
  { key: 'org', href: '#/org/users' },
  { key: 'settings', href: '#/settings' },
];

function section(route: Route): NavKey | null {
  switch (route.name) {
    case 'me':
    case 'link':
    case 'welcome':
      return 'me';
    case 'planner':
    case 'org':
    case 'settings':
      return route.name;
    default:
      return null;
  }
}

/** The main navigation; the current section carries aria-current. */
export function Nav() {
  const shell = useShell();
  const m = shell.messages.value;
  const current = section(shell.route.value);
  return (
    <nav class="app-nav" aria-label={m.common.nav.label}>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.key}>
            <a href={item.href} aria-current={current === item.key ? 'page' : undefined}>
              {m.common.nav[item.key]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
