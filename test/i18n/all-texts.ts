/**
 * Every user-facing text of every message file, in one language, with each
 * function called on a sample argument: what the scans of the glossary and of
 * the policy's numbers read. A new message file is listed in AREAS.
 */
import type { Lang } from '../../src/i18n';
import type { Policy } from '../../src/rules';
import { codes } from '../../src/i18n/messages/codes';
import { common } from '../../src/i18n/messages/common';
import { me } from '../../src/i18n/messages/me';
import { org } from '../../src/i18n/messages/org';
import { planner } from '../../src/i18n/messages/planner';
import { settings } from '../../src/i18n/messages/settings';
import { welcome } from '../../src/i18n/messages/welcome';

export const AREAS: Record<string, Record<Lang, unknown>> = {
  codes,
  common,
  me,
  org,
  planner,
  settings,
  welcome,
};

/**
 * One argument for every parameter: it reads as a policy (its numbers) and,
 * in a template, as a word with no digits, so any digit in the output was
 * written into the message itself.
 */
export function sampleArgument(policy: Policy): Policy {
  return Object.assign(
    Object.create({
      toString: () => '‹x›',
    }) as object,
    policy,
  );
}

export interface Text {
  path: string;
  text: string;
}

export function allTexts(lang: Lang, policy: Policy): Text[] {
  const out: Text[] = [];
  const arg = sampleArgument(policy);
  const walk = (path: string, value: unknown) => {
    if (typeof value === 'string') out.push({ path, text: value });
    else if (typeof value === 'function') {
      const params = Array.from(
        { length: (value as (...a: unknown[]) => unknown).length },
        () => arg,
      );
      walk(path, (value as (...a: unknown[]) => unknown)(...params));
    } else if (Array.isArray(value))
      value.forEach((v, i) => {
        walk(`${path}[${String(i)}]`, v);
      });
    else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) walk(`${path}.${key}`, v);
    }
  };
  for (const [name, area] of Object.entries(AREAS)) walk(`${name}.${lang}`, area[lang]);
  return out;
}
