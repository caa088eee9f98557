/**
 * The individual's area (home, link, "who am I") as the other screens see it:
 * the link and welcome screens import from here, never from a file inside.
 * Only what is small stays here: "who am I" is on a first visit, so the home
 * screen's models (from-state) are not re-exported.
 */
export { accountView, type AccountIn } from './account-view';
export type { MyStateIn, ProfileStateIn } from './from-state';
export { linkedHere, profileView } from './profile-view';
export { useMeData } from './use-me-data';
export {
  type ActionResult,
  type LinkCheck,
  type LinkChoice,
  type LinkView,
  type ProfileView,
  type WelcomeAccount,
  type WelcomeView,
} from './view-model';
