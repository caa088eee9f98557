/** "What changed" and "what is wrong" in words, in English and Japanese. */
import { describe, expect, it } from 'vitest';
import { serverNews } from '../../src/i18n/messages/server-news';
import type { SyncChange, SyncProblem } from '../../src/state/app-state';
import { describeChange, describeProblem } from '../../src/ui/components/sync-words';

const removed: SyncChange = {
  id: 'a1',
  seenAt: '2026-12-02T09:00:00.000Z',
  change: 'ended',
  accountId: 'acc-b',
  orgId: 'org-b',
  orgName: 'Fabrikam',
  profileId: 'learn-1',
  profileKind: 'learn',
  startedOn: '2026-11-20',
  endedOn: '2026-12-02',
  endReason: 'unlinked',
};

const problem = (kind: SyncProblem['kind'], status: number | null = null): SyncProblem => ({
  kind,
  server: 'https://pc.example',
  status,
  failures: 3,
  since: 0,
});

describe('change descriptions', () => {
  it('say what changed, where and when, in both languages', () => {
    expect(describeChange(serverNews.en, removed, 'en')).toBe(
      'Your Microsoft Learn link to Fabrikam was removed on another device on Dec 2, 2026.',
    );
    expect(describeChange(serverNews.ja, removed, 'ja')).toBe(
      'Microsoft Learn の Fabrikam へのリンクは、2026/12/02 に別のデバイスで削除されました。',
    );
    const moved = { ...removed, endReason: 'moved' as const };
    expect(describeChange(serverNews.en, moved, 'en')).toMatch(/linked to another company/);
    const deleted = { ...removed, endReason: 'account-deleted' as const };
    expect(describeChange(serverNews.en, deleted, 'en')).toMatch(/work account was deleted/);
    const linked: SyncChange = {
      ...removed,
      change: 'linked',
      profileKind: 'partner-university',
      endedOn: null,
      endReason: null,
    };
    expect(describeChange(serverNews.en, linked, 'en')).toBe(
      'Your Partner University profile was linked to Fabrikam on another device on Nov 20, 2026.',
    );
    expect(describeChange(serverNews.en, { ...removed, orgName: null }, 'en')).toMatch(
      /link to a company was removed/,
    );
  });
});

describe('problem descriptions', () => {
  it('name the cause, the server and what to check; say the actions are kept', () => {
    const refused = describeProblem(serverNews.en, problem('refused'), 'https://app.example', 2);
    expect(refused).toContain('https://pc.example does not accept requests from this app');
    expect(refused).toContain('`Authorization`, `Content-Type` and `Idempotency-Key`');
    expect(refused).toContain('(https://app.example)');
    expect(refused).toContain('Your 2 actions are kept');
    const texts = (['unreachable', 'no-answer', 'not-found', 'timeout', 'malformed'] as const).map(
      (k) => describeProblem(serverNews.en, problem(k), 'https://app.example', 0),
    );
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts[0]).toMatch(/cannot be reached/);
    expect(texts[2]).toMatch(/no sync service at https:\/\/pc\.example/);
    expect(texts.every((t) => t.endsWith('The app keeps trying every few minutes.'))).toBe(true);
    expect(describeProblem(serverNews.en, problem('server-error', 503), '', 1)).toMatch(
      /fails every time \(HTTP 503\).*Your action is kept/,
    );
    expect(describeProblem(serverNews.ja, problem('refused'), 'https://app.example', 1)).toContain(
      'このアプリからの要求を受け付けていません',
    );
  });
});
