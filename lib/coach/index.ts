// The in-page coach's runtime (the content script in entrypoints/coach.content only wires it to the browser).
export { type CoachStore, createCoachStore, detectTheme } from './chip';
export { startCoach } from './runtime';
export { type CoachSettings, validCoachLangs } from './settings';
export type { CoachDeps, CoachMessaging } from './types';
