import type { AuditEntry } from '../../audit';
import type { KeyValueStore } from '../../browser/store';
import type { OrgIdentity } from '../../orgs';
import { loadEffectiveSettings, type EffectiveSettings, type PolicySource } from '../../settings';

/** What the extension runs with, read afresh after every change, so a change applies without a reload. */
export interface SettingsSource {
  effective(): Promise<EffectiveSettings>;
}

/** Calls back when the rep's settings or the administrator's policy change (in any extension context). */
export type SettingsChanges = (listener: () => void) => () => void;

/**
 * The effective settings, read from storage on each use, or, given `changes`, read once and kept until the next
 * change: a click then waits for no storage read (the settings are asked for several times on its way).
 */
export function settingsSource(local: KeyValueStore, managed: PolicySource, changes?: SettingsChanges): SettingsSource {
  const read = () => loadEffectiveSettings(local, managed);
  if (!changes) return { effective: read };
  let kept: Promise<EffectiveSettings> | null = null;
  changes(() => {
    kept = null;
  });
  return {
    effective() {
      const reading = (kept ??= read());
      // A failed read is not kept: the next use reads again.
      reading.catch(() => {
        if (kept === reading) kept = null;
      });
      return reading;
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
