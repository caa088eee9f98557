import { LANGS, LANG_NAMES } from '../../../i18n';
import { ChoiceField } from '../../components/field';
import type { SectionProps } from './settings-model';

/** The language of the app; each language named in its own words. */
export function LanguageSection({ m, model, actions }: SectionProps) {
  return (
    <>
      <h2>{m.languageSection}</h2>
      <ChoiceField
        name="lang"
        legend={m.languageSection}
        hideLegend
        hint={m.languageHelp}
        choices={LANGS}
        value={model.lang}
        labelOf={(lang) => LANG_NAMES[lang]}
        langOf={(lang) => lang}
        onChange={actions.setLang}
      />
    </>
  );
}
