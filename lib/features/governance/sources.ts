import type { AuditEntry } from '../../audit';
import type { KeyValueStore } from '../../browser/store';
import type { OrgIdentity } from '../../orgs';
import { loadEffectiveSettings, type EffectiveSettings, type PolicySource } from '../../settings';

/** What the extension runs with, read afresh after every change, so a change applies without a reload. */
export interface SettingsSource {
  effective(): Promise<EffectiveSettings>;
}

/**
 * A token that is different after any change to the rep's settings or the administrator's policy, in any extension
 * context, and cheaper to read than the settings themselves (see lib/browser settingsVersion).
 */
export type SettingsVersion = () => Promise<string>;

/**
 * The effective settings, read from storage on each use, or, given `version`, kept with the version they were read
 * at and read again when it differs: a click then waits for one small read, not the settings' (they are asked for
 * several times on its way).
 */
export function settingsSource(local: KeyValueStore, managed: PolicySource, version?: SettingsVersion): SettingsSource {
  const read = () => loadEffectiveSettings(local, managed);
  if (!version) return { effective: read };
  let kept: { version: string; settings: Promise<EffectiveSettings> } | null = null;
  return {
    async effective() {
      const now = await version();
      if (kept?.version !== now) {
        const reading = { version: now, settings: read() };
        kept = reading;
        // A failed read is not kept: the next use reads again.
        reading.settings.catch(() => {
          if (kept === reading) kept = null;
        });
      }
      return kept.settings;
    },
  };
}

/** The audit entries the budget counts; the audit log's query fits. */
export interface SpendSource {
  query(filters: { from?: string }): Promise<AuditEntry[]>;
}

/**
 * The entries the budget counts, read once and kept until the log changes: only this context appends to the audit
 * log (AuditLog.onAppend says when), so between appends a later window's entries are the kept ones from its start.
 */
export function cachedSpend(log: SpendSource & { onAppend(listener: () => void): () => void }): SpendSource {
  let kept: { from: string; entries: Promise<AuditEntry[]> } | null = null;
  log.onAppend(() => {
    kept = null;
  });
  return {
    async query({ from = new Date(0).toISOString() }) {
      if (!kept || Date.parse(kept.from) > Date.parse(from)) {
        const reading = { from, entries: log.query({ from }) };
        kept = reading;
        reading.entries.catch(() => {
          if (kept === reading) kept = null;
        });
      }
      const since = Date.parse(from);
      return (await kept.entries).filter((entry) => !(Date.parse(entry.time) < since));
    },
  };
}

/** The org the rep works in right now: the org of the last record viewed (OrgRegistry.lastUsed fits). */
export interface CurrentOrg {
  lastUsed(): Promise<OrgIdentity | null>;
}
