/**
 * The rules stay pure (docs/policy.md): no imports from outside src/rules, and
 * nothing that reads the clock or the device's time zone. A decision that
 * depended on either would differ between a phone in Tokyo and one in LA.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { DEFAULT_POLICY, decideLink, nextAssociationDate, todayUtc } from '../../src/rules';
import { skillsReport } from '../../src/rules/report';
import { demoWorld, link, self } from './fixtures';

const dir = new URL('../../src/rules/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
// The features' pure derivations (planner, organization) sit in sub-folders on
// top of the policy: they import the policy and each other, and valibot for
// the shapes they parse, and never the app's other layers.
const folders = readdirSync(dir).filter((f) => statSync(new URL(f, dir)).isDirectory());
const derived = folders.flatMap((d) =>
  readdirSync(new URL(`${d}/`, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${d}/${f}`),
);

describe('src/rules source', () => {
  it('has files to check', () => {
    expect(files).toContain('index.ts');
    expect(files).toContain('decide.ts');
  });

  it.each(files)('%s imports only its siblings', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    const specifiers = [...source.matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]);
    for (const s of specifiers) expect(s).toMatch(/^\.\/[a-z-]+$/);
  });

  it('has derivations to check', () => {
    expect(derived).toContain('planner/simulate.ts');
  });

  it.each(derived)('%s imports only src/rules and valibot', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    const specifiers = [...source.matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]);
    for (const s of specifiers) expect(s).toMatch(/^(valibot|\.\.?|\.\.?\/[a-z-]+)$/);
  });

  it.each([...files, ...derived])('%s reads no clock, time zone or host API', (file) => {
    // A derivation may sort names with a collator of fixed locales (the
    // report's ja/en order); the policy itself uses no Intl at all.
    const intl = files.includes(file) ? /\bIntl\b/ : /\bIntl\.(?!Collator\b)/;
    // Comments may talk about "the window"; only code counts.
    const source = readFileSync(new URL(file, dir), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const forbidden = [
      /new Date\(\s*\)/,
      /Date\.now\b/,
      /\.get(FullYear|Month|Date|Day|Hours|Minutes|TimezoneOffset)\(/,
      /\.set(FullYear|Month|Date|Hours)\(/,
      /toLocale\w*\(/,
      intl,
      /\b(window|document|navigator|localStorage|indexedDB|console|process|globalThis)\b/,
    ];
    for (const pattern of forbidden) expect(source).not.toMatch(pattern);
  });
});

describe('the same answers in every time zone', () => {
  // The whole suite also runs under TZ=Asia/Tokyo and TZ=America/Los_Angeles
  // (npm run test:rules-tz); this checks it within one process as well.
  const zones = [
    'UTC',
    'Asia/Tokyo',
    'America/Los_Angeles',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
  ];

  function answers() {
    const world = demoWorld([link('learn-ana', 'ana-a', '2026-11-10', '2026-11-12')]);
    return {
      today: todayUtc(new Date(Date.UTC(2026, 10, 25, 23, 30))),
      link: decideLink(world, self('ana-b'), '2026-11-25'),
      next: nextAssociationDate(['2028-02-29', '2028-06-01', '2028-10-01'], '2028-11-01'),
      report: skillsReport(
        {
          accounts: [{ id: 'ana-a', orgId: 'org-a', deletedOn: '2027-01-15' }],
          associations: [{ profileId: 'p', accountId: 'ana-a', startedOn: '2026-03-01' }],
          achievements: [
            {
              id: 'a',
              profileId: 'p',
              code: 'AZ-900',
              title: 't',
              kind: 'certification',
              completedOn: '2026-06-20',
            },
          ],
        },
        'org-a',
        '2027-01-20',
        DEFAULT_POLICY,
      ),
    };
  }

  it('under several TZ settings', () => {
    const saved = process.env.TZ;
    try {
      const results = zones.map((zone) => {
        process.env.TZ = zone;
        return answers();
      });
      expect(results[0]).toMatchObject({
        today: '2026-11-25',
        link: { ok: false, code: 'COOL_OFF', nextAllowedOn: '2026-12-10' },
        next: '2029-02-28',
        report: [
          { countsFrom: '2026-06-30', countsUntil: '2027-02-10', status: 'scheduled-removal' },
        ],
      });
      for (const r of results) expect(r).toEqual(results[0]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
