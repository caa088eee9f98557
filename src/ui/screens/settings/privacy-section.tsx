import { ActionButton } from './action-button';
import type { SectionProps } from './settings-model';

/** Erase everything this device keeps, after a confirmation. */
export function PrivacySection(section: SectionProps) {
  const { m, actions } = section;
  const erase = { work: actions.eraseAll, done: m.erased, confirm: m.eraseConfirm };
  return (
    <>
      <h2>{m.privacySection}</h2>
      <ActionButton section={section} task={erase} id="erase" help={m.eraseHelp} helpFirst danger>
        {m.eraseAll}
      </ActionButton>
    </>
  );
}
