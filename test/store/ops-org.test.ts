import { describe, expect, it } from 'vitest';
import {
  addOrganization,
  addPerson,
  addWorkAccount,
  deleteWorkAccount,
  recordFirstSignIn,
} from '../../src/store/ops-org';
import { requestLink } from '../../src/store/ops-link';
import { settleResult } from '../../src/store/drain';
import { NOW, TODAY, fixture, freshDb, refusal, self } from './fixtures';

describe('addOrganization', () => {
  it('creates the organization and its first global admin, domains in lower case', async () => {
    const db = freshDb();
    const { org, admin } = await addOrganization(
      db,
      {
        name: ' Contoso ',
        domains: ['@Contoso.Example', 'contoso.example'],
        admin: { displayName: 'Admin', email: 'Admin@Contoso.example' },
      },
      NOW,
    );
    expect(org).toMatchObject({ name: 'Contoso', domains: ['contoso.example'] });
    expect(admin).toMatchObject({
      orgId: org.id,
      email: 'admin@contoso.example',
      roles: ['global-admin'],
      createdBy: null,
      createdOn: TODAY,
      firstSignInOn: null,
    });
    expect(await db.people.get(admin.personId)).toEqual({
      id: admin.personId,
      displayName: 'Admin',
    });
  });

  it('refuses bad domains and an admin outside them, writing nothing', async () => {
    const db = freshDb();
    const admin = { displayName: 'A', email: 'a@contoso.example' };
    for (const domains of [[], ['not a domain'], ['localhost']]) {
      expect((await refusal(addOrganization(db, { name: 'C', domains, admin }, NOW))).code).toBe(
        'INVALID_INPUT',
      );
    }
    const wrong = { displayName: 'A', email: 'a@gmail.example' };
    expect(
      (
        await refusal(
          addOrganization(db, { name: 'C', domains: ['contoso.example'], admin: wrong }, NOW),
        )
      ).code,
    ).toBe('EMAIL_DOMAIN');
    expect(await db.organizations.count()).toBe(0);
    expect(await db.accounts.count()).toBe(0);
  });
});

describe('addWorkAccount', () => {
  it('is done by an admin of the organization, with an official email', async () => {
    const f = await fixture();
    expect(f.annA).toMatchObject({
      orgId: f.orgA.id,
      createdBy: f.adminA.id,
      email: 'ann@contoso.example',
      roles: [],
      deletedOn: null,
    });
    expect(f.annB.personId).toBe(f.annA.personId);
  });

  it('refuses each wrong request with its code', async () => {
    const f = await fixture();
    const base = { actorAccountId: f.adminA.id, orgId: f.orgA.id, displayName: 'Bo' };
    const code = async (patch: object) =>
      (await refusal(addWorkAccount(f.db, { ...base, email: 'bo@contoso.example', ...patch }, NOW)))
        .code;
    expect(await code({ email: 'bo@fabrikam.example' })).toBe('EMAIL_DOMAIN');
    expect(await code({ email: 'bo@sub.contoso.example' })).toBe('EMAIL_DOMAIN');
    expect(await code({ email: 'not an email' })).toBe('EMAIL_INVALID');
    expect(await code({ email: 'ANN@contoso.example' })).toBe('DUPLICATE_EMAIL');
    expect(await code({ actorAccountId: f.annA.id })).toBe('NOT_ADMIN');
    expect(await code({ actorAccountId: f.adminB.id })).toBe('NOT_ADMIN');
    expect(await code({ actorAccountId: 'nobody' })).toBe('NOT_ADMIN');
    expect(await code({ personId: 'nobody' })).toBe('NOT_FOUND');
    expect(await code({ displayName: '  ' })).toBe('INVALID_INPUT');
    expect(await f.db.accounts.count()).toBe(6); // the fixture's: 2 admins, Ann and Ben in A and B
  });

  it('an account admin cannot hand out global admin; a global admin can', async () => {
    const f = await fixture();
    const aa = await addWorkAccount(
      f.db,
      {
        actorAccountId: f.adminA.id,
        orgId: f.orgA.id,
        displayName: 'AA',
        email: 'aa@contoso.example',
        roles: ['account-admin'],
      },
      NOW,
    );
    const asAa = { actorAccountId: aa.id, orgId: f.orgA.id, displayName: 'G' };
    expect(
      (
        await refusal(
          addWorkAccount(
            f.db,
            { ...asAa, email: 'g@contoso.example', roles: ['global-admin'] },
            NOW,
          ),
        )
      ).code,
    ).toBe('NOT_ADMIN');
    const plain = await addWorkAccount(f.db, { ...asAa, email: 'p@contoso.example' }, NOW);
    expect(plain.createdBy).toBe(aa.id);
  });

  it('a deleted admin cannot add; a deleted user\u2019s email can be used again', async () => {
    const f = await fixture();
    await deleteWorkAccount(f.db, { actorAccountId: f.adminA.id, accountId: f.annA.id }, NOW);
    const again = await addWorkAccount(
      f.db,
      {
        actorAccountId: f.adminA.id,
        orgId: f.orgA.id,
        displayName: 'Ann',
        email: 'ann@contoso.example',
      },
      NOW,
    );
    expect(again.id).not.toBe(f.annA.id);
    const second = await addWorkAccount(
      f.db,
      {
        actorAccountId: f.adminA.id,
        orgId: f.orgA.id,
        displayName: 'Two',
        email: 'two@contoso.example',
        roles: ['global-admin'],
      },
      NOW,
    );
    await deleteWorkAccount(f.db, { actorAccountId: second.id, accountId: f.adminA.id }, NOW);
    const r = await refusal(
      addWorkAccount(
        f.db,
        {
          actorAccountId: f.adminA.id,
          orgId: f.orgA.id,
          displayName: 'X',
          email: 'x@contoso.example',
        },
        NOW,
      ),
    );
    expect(r.code).toBe('NOT_ADMIN');
  });
});

describe('deleteWorkAccount', () => {
  it('marks it deleted today and ends its active links with account-deleted', async () => {
    const f = await fixture();
    const e = await requestLink(f.db, self(f.annA, f.learn), new Date('2026-10-01T00:00:00Z'));
    await settleResult(f.db, { id: e.id, status: 'applied' }, NOW);
    const deleted = await deleteWorkAccount(
      f.db,
      { actorAccountId: f.adminA.id, accountId: f.annA.id },
      NOW,
    );
    expect(deleted.deletedOn).toBe(TODAY);
    expect((await f.db.accounts.get(f.annA.id))?.deletedOn).toBe(TODAY);
    expect(await f.db.associations.get(e.effect.createdAssociationId ?? '')).toMatchObject({
      startedOn: '2026-10-01',
      endedOn: TODAY,
      endReason: 'account-deleted',
    });
  });

  it('refuses a non-admin, an admin of another organization, and unknown or deleted accounts', async () => {
    const f = await fixture();
    const del = (actorAccountId: string, accountId: string) =>
      refusal(deleteWorkAccount(f.db, { actorAccountId, accountId }, NOW));
    expect((await del(f.annB.id, f.annA.id)).code).toBe('NOT_ADMIN');
    expect((await del(f.adminB.id, f.annA.id)).code).toBe('NOT_ADMIN');
    expect((await del(f.adminA.id, 'nobody')).code).toBe('NOT_FOUND');
    await deleteWorkAccount(f.db, { actorAccountId: f.adminA.id, accountId: f.annA.id }, NOW);
    expect((await del(f.adminA.id, f.annA.id)).code).toBe('NOT_FOUND');
    expect((await f.db.accounts.get(f.annB.id))?.deletedOn).toBeNull();
  });
});

describe('recordFirstSignIn and addPerson', () => {
  it('records the first sign-in once', async () => {
    const f = await fixture();
    expect((await recordFirstSignIn(f.db, f.annA.id, NOW)).firstSignInOn).toBe(TODAY);
    const later = await recordFirstSignIn(f.db, f.annA.id, new Date('2026-12-01T00:00:00Z'));
    expect(later.firstSignInOn).toBe(TODAY);
    expect((await refusal(recordFirstSignIn(f.db, 'nobody', NOW))).code).toBe('NOT_FOUND');
    await deleteWorkAccount(f.db, { actorAccountId: f.adminB.id, accountId: f.annB.id }, NOW);
    expect((await refusal(recordFirstSignIn(f.db, f.annB.id, NOW))).code).toBe('NO_ACCESS');
  });

  it('adds a person with a name, refuses an empty one', async () => {
    const db = freshDb();
    const p = await addPerson(db, { displayName: ' 山田 花子 ' });
    expect(await db.people.get(p.id)).toEqual({ id: p.id, displayName: '山田 花子' });
    expect((await refusal(addPerson(db, { displayName: '' }))).code).toBe('INVALID_INPUT');
  });
});
