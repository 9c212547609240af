/**
 * Morning prep (opt-in): the briefs of the rep's meetings of the day, written in the background within the budget,
 * so that opening a meeting's record shows its brief at once from the cache.
 */
export { createMorningPrepFeature } from './handler';
export { createMorningPrep, recordsToBrief, type MorningPrepDeps, type PrepResult, type PrepStop } from './morning-prep';
