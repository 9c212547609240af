import type { KeyValueStore } from '../../browser/store';

const slotIndexKey = (generationId: string): string => `generation-slot:${generationId}`;

/**
 * Which record slot each generation belongs to, by generation id: a report names the generation it is about, since
 * the tab in view may have changed by the time it arrives (copy, then switch to Gmail) and the worker may have been
 * stopped since. Kept in memory and in session storage, which a restarted worker reads.
 */
export class GenerationSlots {
  private readonly known = new Map<string, string>();

  constructor(private readonly store: KeyValueStore) {}

  remember(generationId: string, slotKey: string): void {
    if (this.known.get(generationId) === slotKey) return;
    this.known.set(generationId, slotKey);
    void this.store.set(slotIndexKey(generationId), slotKey).catch(() => undefined);
  }

  async slotOf(generationId: string): Promise<string | undefined> {
    const known = this.known.get(generationId);
    if (known) return known;
    const kept = await this.store.get(slotIndexKey(generationId));
    return typeof kept === 'string' ? kept : undefined;
  }
}
