/**
 * "Extract to Lead": right-click selected text on any page; the panel opens on a review of one lead per person, with
 * existing Leads and Contacts offered instead; confirmed rows are created in chunks of 200.
 */
export { createExtractLeadFeature } from './handler';
export { pageLine } from './extract';
export type { ExtractLeadDeps } from './service';
export * from './messages';
