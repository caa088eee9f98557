/**
 * Every citation in the code resolves: a `docs/<file>.md` it names exists, a
 * section it names in quotes is a heading there, a `rule N` is a rule of
 * docs/policy.md, and nothing cites the design notes that are not in the
 * repository. The README's and docs' relative links point at files that exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function filesUnder(dir: string, ends: readonly string[]): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ends.some((end) => e.name.endsWith(end)))
    .map((e) => join(e.parentPath, e.name));
}

const read = (path: string) => readFileSync(path, 'utf8');

/** The headings of a markdown file, without their `#`s. */
function headings(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^#+ (.+)$/gm)].map((m) => (m[1] ?? '').trim()));
}

/** The rule numbers docs/policy.md defines (`## Rule 5 — …`). */
function ruleNumbers(policy: string): Set<number> {
  return new Set([...policy.matchAll(/^## Rule (\d+)\b/gm)].map((m) => Number(m[1])));
}

interface Docs {
  /** File name in docs/ → its headings. */
  files: ReadonlyMap<string, Set<string>>;
  rules: ReadonlySet<number>;
}

/** The citations in `text` that do not resolve against `docs`, as readable problems. */
function brokenCitations(text: string, docs: Docs): string[] {
  const problems: string[] = [];
  if (/DESIGN\.md/.test(text)) problems.push('cites DESIGN.md, which is not in the repository');
  for (const m of text.matchAll(/docs\/([\w.-]+\.md)(?:, "([^"]+)")?/g)) {
    const [, file = '', section] = m;
    const found = docs.files.get(file);
    if (!found) problems.push(`docs/${file} does not exist`);
    else if (section !== undefined && !found.has(section))
      problems.push(`docs/${file} has no section "${section}"`);
  }
  // "rule 5", "rules 2 and 3", "rules 1, 3 or 5", "rules 1–5"; not "rules/" (the folder).
  const list = /\b[Rr]ules? (\d+(?:(?:, | and | or |–|-)\d+)*)\b/g;
  for (const m of text.matchAll(list)) {
    for (const n of (m[1] ?? '').split(/, | and | or |–|-/).map(Number)) {
      if (!docs.rules.has(n)) problems.push(`rule ${n} is not a rule of docs/policy.md`);
    }
  }
  return problems;
}

function loadDocs(): Docs {
  const dir = join(ROOT, 'docs');
  const files = new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => [f, headings(read(join(dir, f)))] as const),
  );
  return { files, rules: ruleNumbers(read(join(dir, 'policy.md'))) };
}

describe('citations in the code', () => {
  const docs = loadDocs();

  it('docs/policy.md numbers its rules 1 to 9', () => {
    expect([...docs.rules]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('catches a missing file, section or rule and a DESIGN.md citation', () => {
    expect(brokenCitations('see docs/policy.md rule 5, rules 2 and 3', docs)).toEqual([]);
    expect(brokenCitations('docs/architecture.md, "The domain"', docs)).toEqual([]);
    expect(brokenCitations('see docs/nowhere.md', docs)).toEqual([
      'docs/nowhere.md does not exist',
    ]);
    expect(brokenCitations('docs/policy.md, "No such part"', docs)).toEqual([
      'docs/policy.md has no section "No such part"',
    ]);
    expect(brokenCitations('(rules 3 and 12)', docs)).toEqual([
      'rule 12 is not a rule of docs/policy.md',
    ]);
    expect(brokenCitations('(rules 1–5), rules 6–10', docs)).toEqual([
      'rule 10 is not a rule of docs/policy.md',
    ]);
    expect(brokenCitations('DESIGN.md §3', docs)).toEqual([
      'cites DESIGN.md, which is not in the repository',
    ]);
  });

  it('every citation in src/ resolves', () => {
    const problems = filesUnder(join(ROOT, 'src'), ['.ts', '.tsx', '.md']).flatMap((path) =>
      brokenCitations(read(path), docs).map((p) => `${relative(ROOT, path)}: ${p}`),
    );
    expect(problems).toEqual([]);
  });
});

describe('links between the documents', () => {
  const documents = [
    join(ROOT, 'README.md'),
    ...filesUnder(join(ROOT, 'docs'), ['.md']),
    ...filesUnder(join(ROOT, 'src'), ['.md']),
    join(ROOT, 'bench', 'README.md'),
  ];

  it('every relative link points at a file that exists', () => {
    const broken = documents.flatMap((path) =>
      [...read(path).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
        .map((m) => m[1] ?? '')
        .filter((target) => !/^[a-z]+:/.test(target))
        .filter((target) => !existsSync(join(dirname(path), target)))
        .map((target) => `${relative(ROOT, path)} → ${target}`),
    );
    expect(broken).toEqual([]);
  });
});
