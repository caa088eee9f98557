/**
 * The public face of the policy (docs/policy.md). Everything the app decides
 * about linking comes from here, so the page, the service worker and the
 * embedded Partner Center decide alike. Pure: no DOM, no storage, no clock.
 */
export type {
  AchievementFacts,
  Decision,
  EndedLink,
  LinkRequest,
  ProfileKind,
  RefusalCode,
  Role,
  World,
} from './types';
export { REFUSAL_CODES, isRefusalCode } from './types';
export { DEFAULT_POLICY, type Policy } from './policy';
export { checkPolicy } from './policy-check';
export { RulesInputError, type RulesInputProblem } from './errors';
export {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  daysInMonth,
  formatDate,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  maxDate,
  minDate,
  parseIsoDate,
  toDayNumber,
  todayUtc,
  type CalendarDate,
} from './dates';
export { applyEnds, decideLink, decideUnlink } from './decide';
export {
  associationsInWindow,
  checkLimits,
  coolOffEndsOn,
  isStartAllowed,
  nextAssociationDate,
  personOf,
  startsOfPerson,
  windowReturns,
  type LimitCheck,
} from './limits';
export { creditDate, reportRemovalDate } from './credit';
// skillsReport is its own entry point, `rules/report`: only an organization's
// screens run it, so a first visit never downloads it.
export type { CreditStatus, EndReason, ReportInput, ReportRow, UndatedReportRow } from './report';
export {
  EMAIL_PROBLEMS,
  MCID_MAX_DIGITS,
  MCID_MIN_DIGITS,
  MCID_PROBLEMS,
  PU_NAME_MAX,
  emailDomain,
  isOfficialEmail,
  isValidMcid,
  normalizeDomain,
  normalizeMcid,
  validateEmail,
  validateMcid,
  validatePuName,
  type EmailProblem,
  type McidProblem,
  type PuNameProblem,
} from './validate';
// checkInvariants has its own entry point, `rules/invariants`: only an import
// and the embedded Partner Center run it, so a first visit never downloads it.
export type { InvariantCode, InvariantData, InvariantProblem, InvariantTable } from './invariants';
export { checkClaimedProfile, type ClaimedProfile, type ProfileRecord } from './claims';
export * from './contract';
