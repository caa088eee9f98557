/** Where the planner keeps the reminder opt-in on this device; main.tsx loads reminders only when it is set. */
export const REMINDERS_KEY = 'mcid-link.reminders';
