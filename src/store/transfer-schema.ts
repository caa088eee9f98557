/**
 * The schema of an export file (format version 1). Every object is strict (an
 * unknown key is an error, not silently kept), every string has a format and
 * a length, so nothing unchecked reaches the database.
 */
import * as v from 'valibot';
import { emailDomain, isIsoDate, isValidMcid } from '../rules';
import { MAX_IMPORT_BYTES } from './import-limit';

export { MAX_IMPORT_BYTES };

export const EXPORT_FORMAT = 'mcid-link-export';
export const EXPORT_VERSION = 1;
const MAX_ROWS = 1_000_000;

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[\w.:-]+$/, 'not an id'));
const Name = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const Day = v.pipe(
  v.string(),
  v.check((s: string) => isIsoDate(s), 'not a calendar date YYYY-MM-DD'),
);
const Instant = v.pipe(v.string(), v.isoTimestamp('not an ISO timestamp'));
const Domain = v.pipe(
  v.string(),
  v.check((d) => emailDomain(`x@${d}`) === d, 'not a lower-case domain'),
);
const Email = v.pipe(
  v.string(),
  v.maxLength(254),
  v.check((e) => emailDomain(e) !== null, 'not an email address'),
);
const Mcid = v.nullable(v.pipe(v.string(), v.check(isValidMcid, 'not an MCID (digits)')));
const ProfileKind = v.picklist(['learn', 'partner-university']);
const EndReason = v.picklist(['unlinked', 'moved', 'account-deleted']);
const rows = <T extends v.GenericSchema>(row: T) => v.pipe(v.array(row), v.maxLength(MAX_ROWS));

const Organization = v.strictObject({
  id: Id,
  name: Name,
  domains: v.pipe(v.array(Domain), v.minLength(1), v.maxLength(50)),
});
const Person = v.strictObject({ id: Id, displayName: Name });
const WorkAccount = v.strictObject({
  id: Id,
  orgId: Id,
  personId: Id,
  displayName: Name,
  email: Email,
  roles: v.pipe(v.array(v.picklist(['global-admin', 'account-admin'])), v.maxLength(2)),
  createdBy: v.nullable(Id),
  createdOn: Day,
  firstSignInOn: v.nullable(Day),
  deletedOn: v.nullable(Day),
});
const LearningProfile = v.strictObject({
  id: Id,
  personId: Id,
  kind: ProfileKind,
  mcid: Mcid,
  label: Name,
  removedOn: v.optional(v.nullable(Day)),
});
const Achievement = v.strictObject({
  id: Id,
  profileId: Id,
  code: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  title: Name,
  kind: v.picklist(['certification', 'assessment', 'training']),
  completedOn: Day,
});
const Association = v.strictObject({
  id: Id,
  profileId: Id,
  accountId: Id,
  startedOn: Day,
  endedOn: v.nullable(Day),
  endReason: v.nullable(EndReason),
  pendingActionId: v.nullable(Id),
});
const OutboxEntry = v.strictObject({
  id: Id,
  seq: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  type: v.picklist(['link', 'unlink']),
  actorAccountId: Id,
  accountId: Id,
  profile: v.strictObject({ kind: ProfileKind, id: Id, mcid: v.optional(Mcid) }),
  requestedAt: Instant,
  state: v.picklist(['queued', 'sending', 'retry', 'applied', 'rejected', 'failed']),
  attempts: v.pipe(v.number(), v.integer(), v.minValue(0)),
  nextAttemptAt: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  lastError: v.nullable(v.pipe(v.string(), v.maxLength(2000))),
  code: v.nullable(v.pipe(v.string(), v.maxLength(64))),
  nextAllowedOn: v.nullable(Day),
  effect: v.strictObject({
    createdAssociationId: v.nullable(Id),
    ended: v.array(
      v.strictObject({ id: Id, endedOn: v.nullable(Day), endReason: v.nullable(EndReason) }),
    ),
  }),
  settledAt: v.nullable(Instant),
  dismissedAt: v.optional(v.nullable(Instant)),
});
const HttpUrl = v.pipe(v.string(), v.maxLength(2000), v.url(), v.regex(/^https?:\/\//i));
const Settings = v.strictObject({
  key: v.literal('device'),
  language: v.nullable(v.picklist(['ja', 'en'])),
  currentAccountId: v.nullable(Id),
  remote: v.variant('kind', [
    v.strictObject({ kind: v.literal('embedded') }),
    v.strictObject({
      kind: v.literal('http'),
      baseUrl: HttpUrl,
      token: v.nullable(v.pipe(v.string(), v.maxLength(4096))),
    }),
  ]),
  embeddedOffline: v.boolean(),
  embeddedDelayMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(600_000)),
});
const Catalog = v.strictObject({
  id: Id,
  json: v.pipe(v.string(), v.maxLength(1024 * 1024)),
  sample: v.boolean(),
  updatedAt: Instant,
});

export const ExportTablesSchema = v.strictObject({
  organizations: rows(Organization),
  people: rows(Person),
  accounts: rows(WorkAccount),
  profiles: rows(LearningProfile),
  achievements: rows(Achievement),
  associations: rows(Association),
  outbox: rows(OutboxEntry),
  settings: v.pipe(v.array(Settings), v.maxLength(1)),
  catalog: rows(Catalog),
});

/** Checked first, so that a newer or foreign file gets a clear message, not a list of field errors. */
export const ExportHeaderSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

const shell = <T extends v.GenericSchema>(tables: T) =>
  v.strictObject({
    format: v.literal(EXPORT_FORMAT),
    version: v.literal(EXPORT_VERSION),
    exportedAt: Instant,
    personalData: v.literal(true),
    notice: v.pipe(v.string(), v.maxLength(1000)),
    tables,
  });

export type ExportFile = v.InferOutput<ReturnType<typeof shell<typeof ExportTablesSchema>>>;

/**
 * The file around its rows: every field but the rows themselves, which an
 * import checks table by table (`ExportTablesSchema.entries`) as it writes.
 */
export const ExportShellSchema = shell(
  v.strictObject(
    Object.fromEntries(
      Object.keys(ExportTablesSchema.entries).map((name) => [name, v.array(v.unknown())]),
    ) as Record<keyof typeof ExportTablesSchema.entries, v.ArraySchema<v.UnknownSchema, undefined>>,
  ),
);
export type ExportTables = ExportFile['tables'];
