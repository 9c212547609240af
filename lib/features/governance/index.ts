import type { AuditLog } from '../../audit';
import type { RedactionRules } from '../../context/redact';
import { compileRedactionPatterns } from '../../settings/schema';
/**
 * Governance wired into the background: the settings gate (features switched off, budgets), the model settings every
 * model call runs with, the generation audit, and the panel's governance channel (handler.ts). The audit log itself
 * is lib/audit; settings and the managed policy are lib/settings.
 */
import type { KeyValueStore } from '../../browser/store';
import { managedStore } from '../../browser/managed';
import type { ModelSettings, UseCase } from '../../model/types';
import type { PolicySource } from '../../settings';
import { settingsGate, type SettingsGate } from './gate';
import { createGenerationAudit, type GovernedGenerationAudit } from './generation-audit';
import { auditLog } from './handler';
import { governedModelSettings } from './model-settings';
import { promptVariants } from './prompt-variants';
import type { PromptId, PromptVariant } from '../../prompts';
import { cachedSpend, settingsSource, type CurrentOrg, type SettingsSource, type SettingsVersion } from './sources';

export { createGovernanceFeature, auditLog, RETENTION_ALARM } from './handler';
export { settingsGate, type SettingsGate, type GateDeps } from './gate';
export { createGenerationAudit, type GovernedGenerationAudit } from './generation-audit';
export { governedModelSettings, chooseModel } from './model-settings';
export { settingsSource, type SettingsSource, type SpendSource, type CurrentOrg } from './sources';
export { testApiKey, keepKeyCheck, keyFingerprint } from './key-check';
export { listEnabledOrgs, disableOrg, type EnabledOrg } from './orgs';
export * from './messages';
export * from './keys';
export * from './use-cases';


/** The rep's redaction rules plus the organization's (a rep can redact more, never less). */
export async function redactionRules(settings: SettingsSource): Promise<RedactionRules> {
  const effective = await settings.effective();
  const { redaction } = effective.settings;
  const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];
  return {
    deniedFields: union(redaction.deniedFields, effective.orgRedaction.deniedFields),
    patterns: compileRedactionPatterns(union(redaction.extraPatterns, effective.orgRedaction.extraPatterns)),
  };
}

export interface Governance {
  settings: SettingsSource;
  /** The audit log every feature records its AI calls and writes in. */
  log: AuditLog;
  /** The redaction rules in force now (read on every use, so a change applies at once). */
  redaction(): Promise<RedactionRules>;
  gate: SettingsGate;
  audit: GovernedGenerationAudit;
  /** The model settings for a use case; refuses, in words, a feature switched off or a spent budget. */
  modelSettings(useCase: UseCase): Promise<ModelSettings>;
  /** The variant of a prompt this rep is assigned (A when the prompt has no B). */
  promptVariant(id: PromptId): Promise<PromptVariant>;
}

/** Everything the background needs from governance, over the extension's own storage, policy and audit log. */
export function createGovernance(deps: {
  local: KeyValueStore;
  session: KeyValueStore;
  orgs: CurrentOrg;
  now(): Date;
  managed?: PolicySource;
  /** Given, the settings are kept in memory until this version changes (see settingsSource). */
  settingsVersion?: SettingsVersion;
  /** Who the rep is in an org (lib/salesforce/current-user), stamped on audit entries. */
  userOf?: (orgId: string) => Promise<{ id: string; name?: string } | null>;
}): Governance {
  const log = auditLog(deps.userOf ? { userOf: deps.userOf } : {});
  const settings = settingsSource(deps.local, deps.managed ?? managedStore(), deps.settingsVersion);
  const gate = settingsGate({ settings, spend: cachedSpend(log), now: deps.now });
  return {
    settings,
    log,
    redaction: () => redactionRules(settings),
    gate,
    audit: createGenerationAudit(log, { effective: settings.effective, org: () => deps.orgs.lastUsed() }),
    modelSettings: (useCase) => governedModelSettings(useCase, { settings, gate, session: deps.session, now: deps.now }),
    promptVariant: promptVariants(deps.local),
  };
}
