import type { KeyValueStore } from '../../browser/store';
import { FEATURES, featureEnabled, isLocked, type EffectiveSettings } from '../../settings';
import type { SettingsGate } from './gate';
import { keyFingerprint, parseKeyCheck, testApiKey } from './key-check';
import { KEY_CHECK_KEY, ONBOARDED_KEY, SALESFORCE_SEEN_KEY } from './keys';
import { listEnabledOrgs } from './orgs';
import { FeatureVisibility, type GovernanceEvent, type KeyCheck, type OnboardingStatus } from './messages';

/** A failed check is tried again after this long (the network may have been down); a passed one is kept. */
const RETRY_FAILED_CHECK_MS = 60_000;

export interface StatusDeps {
  local: KeyValueStore;
  gate: SettingsGate;
  effective(): Promise<EffectiveSettings>;
  testKey: typeof testApiKey;
  now(): Date;
  /** The org sink's message for the rep, when there is one to show. */
  orgAuditNotice?(): Promise<string | null>;
}

/** What the panel needs from governance: the first-run checklist, which features to show, and the budget's word. */
export async function governanceStatus(deps: StatusDeps): Promise<GovernanceEvent> {
  const effective = await deps.effective();
  const [onboarding, budget, orgAuditNotice] = await Promise.all([
    onboardingStatus(deps, effective),
    deps.gate.budget(),
    deps.orgAuditNotice?.() ?? Promise.resolve(null),
  ]);
  const features = FeatureVisibility.parse(Object.fromEntries(FEATURES.map((feature) => [feature, featureEnabled(effective, feature)])));
  // Switched off by the policy but not removed: the panel shows it, turned off, and says who turned it off.
  const offByPolicy = FEATURES.filter((feature) => !features[feature] && !effective.hiddenFeatures.has(feature) && isLocked(effective, `features.${feature}`));
  return { type: 'status', onboarding, features, offByPolicy, budgetMessage: budget.message, orgAuditNotice };
}

async function onboardingStatus(deps: StatusDeps, effective: EffectiveSettings): Promise<OnboardingStatus> {
  const keySet = effective.settings.anthropicApiKey !== '';
  const check = keySet ? await keyCheck(deps, effective) : null;
  const [seen, orgs, onboarded] = await Promise.all([deps.local.get(SALESFORCE_SEEN_KEY), listEnabledOrgs(deps.local), deps.local.get(ONBOARDED_KEY)]);
  const status = {
    keySet,
    keyWorking: check?.ok ?? null,
    keyMessage: check?.message ?? null,
    salesforceSeen: seen === true,
    orgEnabled: orgs.length > 0,
  };
  const allDone = status.keyWorking === true && status.salesforceSeen && status.orgEnabled;
  if (allDone && onboarded !== true) await deps.local.set(ONBOARDED_KEY, true);
  return { ...status, done: onboarded === true || allDone };
}

const inFlight = new Map<string, Promise<KeyCheck>>();

/** The kept check of this key, or a new one (one at a time per key, however many panels ask). */
async function keyCheck(deps: StatusDeps, effective: EffectiveSettings): Promise<KeyCheck> {
  const { anthropicApiKey: apiKey, baseUrl, models } = effective.settings;
  const fingerprint = await keyFingerprint(apiKey, baseUrl);
  const kept = parseKeyCheck(await deps.local.get(KEY_CHECK_KEY));
  const now = deps.now();
  const usable = kept?.fingerprint === fingerprint && (kept.ok || now.getTime() - Date.parse(kept.at) < RETRY_FAILED_CHECK_MS);
  if (kept && usable) return kept;
  let running = inFlight.get(fingerprint);
  if (!running) {
    running = (async () => {
      const result = await deps.testKey({ apiKey, model: models.summary, ...(baseUrl ? { baseUrl } : {}) });
      const check = { fingerprint, ...result, at: now.toISOString() };
      await deps.local.set(KEY_CHECK_KEY, check);
      return check;
    })().finally(() => inFlight.delete(fingerprint));
    inFlight.set(fingerprint, running);
  }
  return running;
}
