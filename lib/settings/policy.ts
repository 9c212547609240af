import { z } from 'zod/mini';
import type { KeyValueStore } from '../browser/store';
import { t } from '../i18n';
import { issueText } from './issue-text';
import {
  BaseUrl,
  DEFAULT_MODEL,
  DeniedField,
  FEATURES,
  MODEL_USE_CASES,
  ConsumerKey,
  ModelId,
  OrgId,
  OutputLanguageSetting,
  ReplyLanguageSetting,
  PriceTable,
  ProhibitedPhrase,
  RedactionPattern,
  RetentionDays,
  type FeatureKey,
  type Settings,
} from './schema';

/**
 * The administrator's policy, from Chrome enterprise managed storage (public/managed-schema.json describes the same
 * keys for Chrome, and a test keeps the two in step). Every setting can be forced; nested settings per leaf. Chrome's
 * schema has no null, so a budget is forced by giving it and left to the rep by leaving it out.
 */
export const ManagedPolicy = z.object({
  anthropicApiKey: z.optional(z.string().check(z.minLength(1))),
  baseUrl: z.optional(BaseUrl),
  models: z.optional(
    z.object({
      summary: z.optional(ModelId),
      brief: z.optional(ModelId),
      insights: z.optional(ModelId),
      email: z.optional(ModelId),
      logNote: z.optional(ModelId),
      extractLead: z.optional(ModelId),
      ask: z.optional(ModelId),
    }),
  ),
  features: z.optional(
    z.object({
      summary: z.optional(z.boolean()),
      brief: z.optional(z.boolean()),
      insights: z.optional(z.boolean()),
      email: z.optional(z.boolean()),
      logNote: z.optional(z.boolean()),
      extractLead: z.optional(z.boolean()),
      ask: z.optional(z.boolean()),
      gmail: z.optional(z.boolean()),
    }),
  ),
  redaction: z.optional(
    z.object({
      extraPatterns: z.optional(z.array(RedactionPattern)),
      deniedFields: z.optional(z.array(DeniedField)),
    }),
  ),
  budgets: z.optional(
    z.object({
      dailyUsd: z.optional(z.number().check(z.positive())),
      monthlyUsd: z.optional(z.number().check(z.positive())),
      requestsPerMinute: z.optional(z.number().check(z.int(), z.positive())),
    }),
  ),
  auditRetentionDays: z.optional(RetentionDays),
  morningPrep: z.optional(z.boolean()),
  prohibitedPhrases: z.optional(z.array(ProhibitedPhrase).check(z.maxLength(200))),
  prices: z.optional(PriceTable),
  /** Only these features exist for the rep; the others are hidden and their messages refused. */
  allowedFeatures: z.optional(z.array(z.enum(FEATURES))),
  /** Model ids the rep may choose; an entry ending in `*` allows every id with that prefix. */
  allowedModels: z.optional(z.array(ModelId).check(z.minLength(1))),
  /** Whether the rep may enter their own API key (false: only the policy's key, or none behind a gateway). */
  allowRepKey: z.optional(z.boolean()),
  /**
   * Records each audit entry as a Groundwork_AI_Event__c in the org it concerns, through the rep's own session (the
   * metadata in lib/features/governance/org-audit/metadata must be deployed). `content`: metadata only, or with the
   * prompt and response text, redacted as for the model.
   */
  orgAudit: z.optional(z.object({ enabled: z.boolean(), content: z._default(z.enum(['metadata', 'redacted-text']), 'metadata') })),
  /** Salesforce orgs Groundwork may be enabled for (15- or 18-character ids). */
  allowedOrgIds: z.optional(z.array(OrgId)),
  /** The connected app (or external client app) Groundwork signs in with where the browser session cannot be used. */
  salesforceClientId: z.optional(ConsumerKey),
  /** Orgs where Groundwork uses only its OAuth sign-in, never the browser session ("*": every org). */
  /** The language every output is written in, and whether replies may follow the thread's language instead. */
  outputLanguage: z.optional(OutputLanguageSetting),
  replyLanguage: z.optional(ReplyLanguageSetting),
  requireSalesforceSignIn: z.optional(z.array(z.string().check(z.regex(/^(\*|00D[A-Za-z0-9]{12}([A-Za-z0-9]{3})?)$/, { error: () => t('settings_orgIdOrStar') })))),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicy>;

export const POLICY_KEYS = Object.keys(ManagedPolicy.shape) as (keyof ManagedPolicy)[];

/** Where the policy is read from: `browser.storage.managed` behind lib/browser, or a fake. Read-only. */
export type PolicySource = Pick<KeyValueStore, 'get'>;

export interface LoadedPolicy {
  policy: ManagedPolicy;
  /** Policy values that were ignored, in words, for the options page (Chrome drops schema violations itself first). */
  problems: string[];
}

/** Reads each policy key on its own, so one bad value is ignored (and reported) without dropping the rest. */
export async function loadManagedPolicy(source: PolicySource): Promise<LoadedPolicy> {
  const policy: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const key of POLICY_KEYS) {
    let value: unknown;
    try {
      value = await source.get(key);
    } catch {
      // Browsers without managed storage (Firefox without a policy manifest) throw: that simply means no policy.
      return { policy: {}, problems: [] };
    }
    if (value === undefined) continue;
    const parsed = ManagedPolicy.shape[key].safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else problems.push(t('policy_ignored', { key, problem: parsed.error.issues[0] ? issueText(parsed.error.issues[0]) : t('issue_invalid') }));
  }
  return { policy: ManagedPolicy.parse(policy), problems };
}

// ---------------------------------------------------------------------------------------------------------------
// Merging

/** A setting's address: a top-level key, or a leaf of one of the nested groups (`features.ask`, `budgets.dailyUsd`). */
export type SettingPath =
  | keyof Settings
  | `models.${keyof Settings['models']}`
  | `features.${keyof Settings['features']}`
  | `budgets.${keyof Settings['budgets']}`;

export interface EffectiveSettings {
  /** What the extension runs with: the rep's settings with the policy applied. */
  settings: Settings;
  /** Settings forced by the policy ("Set by your organization"); see isLocked for nested paths. */
  locked: ReadonlySet<SettingPath>;
  /** Features the policy removed: not shown at all, and their messages refused. */
  hiddenFeatures: ReadonlySet<FeatureKey>;
  /** The models the rep may choose from, or null for any. */
  allowedModels: readonly string[] | null;
  allowRepKey: boolean;
  allowedOrgIds: readonly string[] | null;
  /** Orgs (15-character ids, or '*' for all) where only the OAuth sign-in is used; null for none. */
  signInRequiredOrgIds: readonly string[] | null;
  /** The org audit sink as the policy sets it (off unless the policy turns it on). */
  orgAudit: { enabled: boolean; content: 'metadata' | 'redacted-text' };
  /** Redaction entries the organization added: shown as locked items; the rep may add more but not remove these. */
  orgRedaction: { extraPatterns: readonly string[]; deniedFields: readonly string[] };
}

/**
 * The rep's settings with the administrator's policy applied: forced values win and are locked; a feature outside
 * allowedFeatures is off and hidden; a model outside allowedModels falls back to the first allowed one; the
 * organization's redaction entries are added to the rep's (a rep may redact more, never less).
 */
export function effectiveSettings(rep: Settings, managed: ManagedPolicy): EffectiveSettings {
  const locked = new Set<SettingPath>();
  const force = <T>(path: SettingPath, forced: T | undefined, own: T): T => {
    if (forced === undefined) return own;
    locked.add(path);
    return forced;
  };

  const allowRepKey = managed.allowRepKey ?? true;
  let anthropicApiKey = force('anthropicApiKey', managed.anthropicApiKey, rep.anthropicApiKey);
  if (!allowRepKey && managed.anthropicApiKey === undefined) {
    anthropicApiKey = '';
    locked.add('anthropicApiKey');
  }

  // The organization's key goes only where the organization says: its gateway, or Anthropic's own API; never to a
  // base URL the rep typed.
  const policyBaseUrl = managed.anthropicApiKey === undefined ? managed.baseUrl : (managed.baseUrl ?? '');
  const baseUrl = force('baseUrl', policyBaseUrl, rep.baseUrl);

  const allowedModels = managed.allowedModels ?? null;
  const models = { ...rep.models };
  for (const useCase of MODEL_USE_CASES) {
    const forced = managed.models?.[useCase];
    if (forced !== undefined) models[useCase] = force(`models.${useCase}`, forced, models[useCase]);
    else if (allowedModels && !modelAllowed(allowedModels, models[useCase])) {
      models[useCase] = fallbackModel(allowedModels, [DEFAULT_MODEL, ...Object.keys(managed.prices ?? rep.prices)]) ?? models[useCase];
    }
  }

  const hiddenFeatures = new Set<FeatureKey>();
  const features = { ...rep.features };
  for (const feature of FEATURES) {
    features[feature] = force(`features.${feature}`, managed.features?.[feature], features[feature]);
    if (managed.allowedFeatures && !managed.allowedFeatures.includes(feature)) {
      features[feature] = false;
      hiddenFeatures.add(feature);
      locked.add(`features.${feature}`);
    }
  }

  const orgPatterns = managed.redaction?.extraPatterns ?? [];
  const orgDenied = managed.redaction?.deniedFields ?? [];
  const budgets = {
    dailyUsd: force('budgets.dailyUsd', managed.budgets?.dailyUsd, rep.budgets.dailyUsd),
    monthlyUsd: force('budgets.monthlyUsd', managed.budgets?.monthlyUsd, rep.budgets.monthlyUsd),
    requestsPerMinute: force('budgets.requestsPerMinute', managed.budgets?.requestsPerMinute, rep.budgets.requestsPerMinute),
  };

  const settings: Settings = {
    anthropicApiKey,
    baseUrl,
    models,
    features,
    redaction: {
      extraPatterns: union(orgPatterns, rep.redaction.extraPatterns),
      deniedFields: union(orgDenied, rep.redaction.deniedFields, (field) => field.toLowerCase()),
    },
    budgets,
    auditRetentionDays: force('auditRetentionDays', managed.auditRetentionDays, rep.auditRetentionDays),
    morningPrep: force('morningPrep', managed.morningPrep, rep.morningPrep),
    prohibitedPhrases: force('prohibitedPhrases', managed.prohibitedPhrases, rep.prohibitedPhrases),
    prices: force('prices', managed.prices, rep.prices),
    salesforceClientId: force('salesforceClientId', managed.salesforceClientId, rep.salesforceClientId),
    outputLanguage: force('outputLanguage', managed.outputLanguage, rep.outputLanguage),
    replyLanguage: force('replyLanguage', managed.replyLanguage, rep.replyLanguage),
  };
  return {
    settings,
    locked,
    hiddenFeatures,
    allowedModels,
    allowRepKey,
    allowedOrgIds: managed.allowedOrgIds ?? null,
    signInRequiredOrgIds: managed.requireSalesforceSignIn?.map((id) => id.slice(0, 15)) ?? null,
    orgAudit: managed.orgAudit ?? { enabled: false, content: 'metadata' },
    orgRedaction: { extraPatterns: orgPatterns, deniedFields: orgDenied },
  };
}

/** Whether a setting is forced: itself, or the group it belongs to (`prices` locks every price). */
export function isLocked(effective: Pick<EffectiveSettings, 'locked'>, path: SettingPath): boolean {
  if (effective.locked.has(path)) return true;
  const group = path.split('.')[0] as SettingPath;
  return group !== path && effective.locked.has(group);
}

/** Whether a feature may run: switched on by the rep (or forced on) and not removed by the policy. */
export function featureEnabled(effective: Pick<EffectiveSettings, 'settings' | 'hiddenFeatures'>, feature: FeatureKey): boolean {
  return effective.settings.features[feature] && !effective.hiddenFeatures.has(feature);
}

export function modelAllowed(allowedModels: readonly string[] | null, model: string): boolean {
  if (!allowedModels) return true;
  return allowedModels.some((allowed) => (allowed.endsWith('*') ? model.startsWith(allowed.slice(0, -1)) : allowed === model));
}

/**
 * The first allowed model that names a concrete id, else a known model (the default, then the priced ones) that a
 * prefix entry allows. Undefined when nothing fits: the caller then refuses to generate (modelAllowed is false).
 */
function fallbackModel(allowedModels: readonly string[], knownModels: readonly string[]): string | undefined {
  return allowedModels.find((allowed) => !allowed.endsWith('*')) ?? knownModels.find((model) => modelAllowed(allowedModels, model));
}

/** Org ids compare on their 15-character form: the 18-character form only adds a case checksum. */
export function orgAllowed(effective: Pick<EffectiveSettings, 'allowedOrgIds'>, orgId: string): boolean {
  if (!effective.allowedOrgIds) return true;
  const wanted = orgId.slice(0, 15);
  return effective.allowedOrgIds.some((allowed) => allowed.slice(0, 15) === wanted);
}

/** Whether the admin's policy allows only Groundwork's OAuth sign-in in this org. */
export function signInRequired(effective: Pick<EffectiveSettings, 'signInRequiredOrgIds'>, orgId: string): boolean {
  const required = effective.signInRequiredOrgIds;
  return required !== null && (required.includes('*') || required.includes(orgId.slice(0, 15)));
}

function union(first: readonly string[], second: readonly string[], identity: (value: string) => string = (value) => value): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of [...first, ...second]) {
    if (seen.has(identity(value))) continue;
    seen.add(identity(value));
    out.push(value);
  }
  return out;
}
