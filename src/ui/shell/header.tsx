import { useEffect, useState } from 'preact/hooks';
import { LANGS, isLang } from '../../i18n';
import { useShell } from '../context';
import { whenIdle } from '../when-idle';
import type { TargetedEvent } from 'preact';

/** Brand, connectivity and language: the top bar of every screen. */
export function Header({ queued }: { queued: number }) {
  const shell = useShell();
  const m = shell.messages.value;
  const current = shell.lang.value;
  const onLang = (event: TargetedEvent<HTMLSelectElement>) => {
    const value = event.currentTarget.value;
    if (isLang(value)) shell.chooseLang(value);
  };
  // The other languages' names are drawn once the page is idle, or as soon as
  // the list is reached. A select is as wide as its widest option, so the
  // first layout would shape 日本語 in an English page: the system's search
  // for a CJK font took that layout from 0.4 ms to 9.4 ms, on the way to
  // home's data and within a first visit's blocking time.
  const [everyName, setEveryName] = useState(false);
  const showEveryName = () => {
    setEveryName(true);
  };
  useEffect(() => {
    whenIdle(showEveryName);
  }, []);
  const shown = everyName ? LANGS : LANGS.filter((lang) => lang === current);
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
        <select
          value={current}
          onChange={onLang}
          onFocus={showEveryName}
          onPointerDown={showEveryName}
          aria-label={m.common.language}
        >
          {shown.map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {m.common.languageNames[lang]}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
