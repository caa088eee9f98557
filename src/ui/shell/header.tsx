import { LANGS, isLang } from '../../i18n';
import { useShell } from '../context';
import type { TargetedEvent } from 'preact';

/** Brand, connectivity and language: the top bar of every screen. */
export function Header({ queued }: { queued: number }) {
  const shell = useShell();
  const m = shell.messages.value;
  const onLang = (event: TargetedEvent<HTMLSelectElement>) => {
    const value = event.currentTarget.value;
    if (isLang(value)) shell.chooseLang(value);
  };
  return (
    <header class="app-header">
      <a class="brand" href="#/">
        {m.common.appName}
      </a>
      <div class="status" role="status" aria-live="polite">
        {shell.online.value ? null : <span class="badge badge-offline">{m.common.offline}</span>}
        {queued > 0 ? <span class="badge badge-queued">{m.common.queued(queued)}</span> : null}
      </div>
      <label class="lang">
        <span class="visually-hidden">{m.common.language}</span>
        <select value={shell.lang.value} onChange={onLang} aria-label={m.common.language}>
          {LANGS.map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {m.common.languageNames[lang]}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
