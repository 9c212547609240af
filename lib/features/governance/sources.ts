import type { AuditEntry } from '../../audit';
import type { KeyValueStore } from '../../browser/store';
import type { OrgIdentity } from '../../orgs';
import { loadEffectiveSettings, type EffectiveSettings, type PolicySource } from '../../settings';

/** What the extension runs with, read afresh from storage on each use, so a change applies without a reload. */
export interface SettingsSource {
  effective(): Promise<EffectiveSettings>;
}

export function settingsSource(local: KeyValueStore, managed: PolicySource): SettingsSource {
  return { effective: () => loadEffectiveSettings(local, managed) };
}

/** The audit entries the budget counts; the audit log's query fits. */
export interface SpendSource {
  query(filters: { from?: string }): Promise<AuditEntry[]>;
}

/** The org the rep works in right now: the org of the last record viewed (OrgRegistry.lastUsed fits). */
export interface CurrentOrg {
  lastUsed(): Promise<OrgIdentity | null>;
}
