/** Local-storage keys governance keeps (plain constants, so the panel can watch them without loading the rest). */
export const SALESFORCE_SEEN_KEY = 'governance:salesforce-seen';
export const ONBOARDED_KEY = 'governance:onboarded';
export const KEY_CHECK_KEY = 'governance:key-check';
/** Where OrgRegistry (lib/orgs) keeps the enabled orgs. */
export const ENABLED_ORGS_KEY = 'orgs:enabled';
