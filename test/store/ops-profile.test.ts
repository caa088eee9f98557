import { describe, expect, it } from 'vitest';
import { CATALOG_ID, getCatalog, saveCatalog } from '../../src/store';
import {
  addAchievement,
  addLearningProfile,
  removeAchievement,
  updateAchievement,
  updateLearningProfile,
} from '../../src/store/ops-profile';
import { requestLink } from '../../src/store/ops-link';
import { NOW, fixture, freshDb, refusal, self } from './fixtures';

describe('learning profiles', () => {
  it('keeps the MCID as digits and refuses a wrong one', async () => {
    const f = await fixture();
    const p = await addLearningProfile(f.db, {
      personId: f.benA.personId,
      kind: 'learn',
      label: 'ben',
      mcid: ' 98 765 43 ',
    });
    expect(p.mcid).toBe('9876543');
    const add = (patch: object) =>
      refusal(
        addLearningProfile(f.db, {
          personId: f.benA.personId,
          kind: 'learn',
          label: 'x',
          ...patch,
        }),
      );
    expect((await add({ mcid: 'abc123' })).code).toBe('MCID_INVALID');
    expect((await add({ mcid: '12' })).code).toBe('MCID_INVALID');
    expect((await add({ kind: 'partner-university', mcid: '1234567' })).code).toBe('MCID_INVALID');
    expect((await add({ mcid: '1234567' })).code).toBe('DUPLICATE_MCID');
    expect((await add({ personId: 'nobody' })).code).toBe('NOT_FOUND');
    expect((await add({ label: '' })).code).toBe('INVALID_INPUT');
    // One MCID per person: Ann has one, Ben now too.
    expect((await add({ mcid: '5550002' })).code).toBe('PERSON_HAS_OTHER_MCID');
    expect((await add({ personId: f.annA.personId, mcid: '5550002' })).code).toBe(
      'PERSON_HAS_OTHER_MCID',
    );
    expect(await f.db.profiles.count()).toBe(4);
  });

  it('a Learn profile without MCID is kept, then completed', async () => {
    const f = await fixture();
    const p = await addLearningProfile(f.db, {
      personId: f.benA.personId,
      kind: 'learn',
      label: 'new',
    });
    expect(p.mcid).toBeNull();
    // Ann's own incomplete one cannot become her second MCID.
    const annsSecond = await addLearningProfile(f.db, {
      personId: f.annA.personId,
      kind: 'learn',
      label: 'second',
    });
    expect(
      (await refusal(updateLearningProfile(f.db, annsSecond.id, { mcid: '5550003' }))).code,
    ).toBe('PERSON_HAS_OTHER_MCID');
    const done = await updateLearningProfile(f.db, p.id, { mcid: '5550001', label: 'renamed' });
    expect(await f.db.profiles.get(p.id)).toEqual(done);
    expect(done).toMatchObject({ mcid: '5550001', label: 'renamed' });
    expect((await refusal(updateLearningProfile(f.db, p.id, { mcid: '1234567' }))).code).toBe(
      'DUPLICATE_MCID',
    );
    expect((await refusal(updateLearningProfile(f.db, 'nobody', { label: 'x' }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('the MCID of a linked profile cannot change; its label can', async () => {
    const f = await fixture();
    await requestLink(f.db, self(f.annA, f.learn), NOW);
    const r = await refusal(updateLearningProfile(f.db, f.learn.id, { mcid: '7654321' }));
    expect(r.code).toBe('ALREADY_LINKED');
    expect((await updateLearningProfile(f.db, f.learn.id, { label: 'ok' })).mcid).toBe('1234567');
  });
});

describe('achievements', () => {
  it('adds, edits and removes; refuses bad input and unknown rows', async () => {
    const f = await fixture();
    const a = await addAchievement(f.db, {
      profileId: f.learn.id,
      code: 'AZ-900',
      title: 'Azure Fundamentals',
      kind: 'certification',
      completedOn: '2026-10-01',
    });
    expect(await f.db.achievements.get(a.id)).toEqual(a);
    const edited = await updateAchievement(f.db, a.id, { completedOn: '2026-10-02' });
    expect(edited).toEqual({ ...a, completedOn: '2026-10-02' });
    const bad = (patch: object) =>
      refusal(
        addAchievement(f.db, {
          profileId: f.learn.id,
          code: 'X',
          title: 'X',
          kind: 'training',
          completedOn: '2026-01-01',
          ...patch,
        }),
      );
    expect((await bad({ completedOn: '2026-02-30' })).code).toBe('INVALID_INPUT');
    expect((await bad({ kind: 'badge' })).code).toBe('INVALID_INPUT');
    expect((await bad({ code: '' })).code).toBe('INVALID_INPUT');
    expect((await bad({ profileId: 'nobody' })).code).toBe('NOT_FOUND');
    expect((await refusal(updateAchievement(f.db, a.id, { completedOn: 'soon' }))).code).toBe(
      'INVALID_INPUT',
    );
    expect((await refusal(updateAchievement(f.db, 'nobody', {}))).code).toBe('NOT_FOUND');
    await removeAchievement(f.db, a.id);
    expect(await f.db.achievements.count()).toBe(0);
    expect((await refusal(removeAchievement(f.db, a.id))).code).toBe('NOT_FOUND');
  });
});

describe('designation catalog record', () => {
  it('is stored as given, replaced on save, and refused when empty', async () => {
    const db = freshDb();
    expect(await getCatalog(db)).toBeNull();
    const first = await saveCatalog(db, { json: '{"designations":[]}', sample: true }, NOW);
    expect(await getCatalog(db)).toEqual({
      id: CATALOG_ID,
      json: '{"designations":[]}',
      sample: true,
      updatedAt: NOW.toISOString(),
    });
    await saveCatalog(db, { json: '{"designations":[1]}', sample: false }, NOW);
    expect((await getCatalog(db))?.json).toBe('{"designations":[1]}');
    expect(first.sample).toBe(true);
    expect((await refusal(saveCatalog(db, { json: ' ', sample: false }, NOW))).code).toBe(
      'INVALID_INPUT',
    );
    expect(await db.catalog.count()).toBe(1);
  });
});
