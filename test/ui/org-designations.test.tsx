// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCatalog, type Catalog } from '../../src/rules/org/catalog';
import { DesignationsView } from '../../src/ui/screens/org/designations-view';
import type { ActionResult } from '../../src/ui/screens/org/view-model';
import { orgData } from './org-fixtures';
import { act } from 'preact/test-utils';
import { click, mount, settle, submit, type, type Rendered } from './org-support';

let r: Rendered | null = null;
afterEach(() => {
  r?.unmount();
  r = null;
});

function sample(): Catalog {
  const parsed = parseCatalog(readFileSync('public/catalog/sample-designations.json', 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.catalog;
}

function actions() {
  const ok = (): Promise<ActionResult> => Promise.resolve({ ok: true });
  return {
    saveCatalog: vi.fn<(catalog: Catalog) => Promise<ActionResult>>(ok),
    resetCatalog: vi.fn(ok),
  };
}

const card = (view: Rendered, name: string) => {
  const found = view
    .qa('[data-testid=designation]')
    .find((s) => s.querySelector('h2')?.textContent === name);
  if (!found) throw new Error(name);
  return found;
};

async function change(input: HTMLInputElement, value: string) {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
  });
}

describe('designation progress', () => {
  it('warns that the catalog is a sample, and shows points now and on coming days', async () => {
    r = mount(
      <DesignationsView
        data={await orgData('a')}
        catalog={{ status: 'ready', catalog: sample() }}
        actions={actions()}
      />,
    );
    expect(r.q('[data-testid=sample-warning]').textContent).toMatch(/SAMPLE.*Partner Center/);
    // Infrastructure: Ken's AZ-305 (5) and Mei's AZ-104 (4) count today; Ken's leave on 10 Dec.
    const infra = card(r, 'Solutions Partner for Infrastructure (Azure)');
    expect(infra.querySelector('[data-testid=points-now]')?.textContent).toBe('9 of 25 points');
    expect([...infra.querySelectorAll('.changes li')].map((li) => li.textContent)).toEqual([
      'Dec 10, 2026: 4 of 25 points',
    ]);
    // Security: Mei's SC-300 arrives on 2 Dec.
    const security = card(r, 'Solutions Partner for Security');
    expect(security.querySelector('[data-testid=points-now]')?.textContent).toBe('0 of 25 points');
    expect(security.querySelector('.changes li')?.textContent).toBe('Dec 2, 2026: 4 of 25 points');
  });

  it('saves a new points value, validated, and refuses a bad one at the field', async () => {
    const a = actions();
    r = mount(
      <DesignationsView
        data={await orgData('a')}
        catalog={{ status: 'ready', catalog: sample() }}
        actions={a}
      />,
    );
    const input = r.q<HTMLInputElement>('input[aria-label="Points for AZ-104"]');
    await change(input, '6');
    const saved = a.saveCatalog.mock.calls[0]?.[0];
    expect(saved?.designations[0]?.certifications[0]).toEqual({ code: 'AZ-104', points: 6 });
    await change(input, '-2');
    expect(a.saveCatalog).toHaveBeenCalledTimes(1);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toMatch(/whole number/);
  });

  it('adds and removes an exam', async () => {
    const a = actions();
    r = mount(
      <DesignationsView
        data={await orgData('a')}
        catalog={{ status: 'ready', catalog: sample() }}
        actions={a}
      />,
    );
    await type(r.q<HTMLInputElement>('#add-exam-code'), 'az-800');
    await type(r.q<HTMLInputElement>('#add-exam-points'), '3');
    await submit(r.q<HTMLFormElement>('form.add-exam'));
    const added = a.saveCatalog.mock.calls[0]?.[0];
    expect(added?.designations[0]?.certifications.at(-1)).toEqual({ code: 'AZ-800', points: 3 });
    await click(
      r.q('button[aria-label="Remove AZ-305 from Solutions Partner for Infrastructure (Azure)"]'),
    );
    const removed = a.saveCatalog.mock.calls[1]?.[0];
    expect(removed?.designations[0]?.certifications.map((e) => e.code)).toEqual([
      'AZ-104',
      'AZ-700',
    ]);
  });

  it('refuses a bad exam code at its field without saving', async () => {
    const a = actions();
    r = mount(
      <DesignationsView
        data={await orgData('a')}
        catalog={{ status: 'ready', catalog: sample() }}
        actions={a}
      />,
    );
    await type(r.q<HTMLInputElement>('#add-exam-code'), 'hello');
    await type(r.q<HTMLInputElement>('#add-exam-points'), '3');
    await submit(r.q<HTMLFormElement>('form.add-exam'));
    expect(r.q('#add-exam-code').getAttribute('aria-invalid')).toBe('true');
    expect(a.saveCatalog).not.toHaveBeenCalled();
  });

  it('says so when the catalog cannot be read', async () => {
    r = mount(
      <DesignationsView
        data={await orgData('a')}
        catalog={{ status: 'error', problem: 'version: Invalid' }}
        actions={actions()}
      />,
    );
    expect(r.text()).toContain('The designation catalog could not be read.');
  });
});
