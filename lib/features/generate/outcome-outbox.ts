import { z } from 'zod/mini';
import type { KeyValueStore } from '../../browser/store';
import { Feature, OutcomeReport } from './messages';

export const PendingReport = z.object({ reportId: z.string().check(z.minLength(1)), feature: Feature, generationId: z.string().check(z.minLength(1)), report: OutcomeReport });
export type PendingReport = z.infer<typeof PendingReport>;

const PendingReports = z.array(PendingReport);

/** Only the latest edit of a draft matters: an older one sent again later must not put back older text. */
function supersedes(newer: PendingReport, older: PendingReport): boolean {
  return newer.report.kind === 'edit' && older.report.kind === 'edit' && newer.generationId === older.generationId;
}

/**
 * What the rep did with an output (copied it, edited it, thumbs), kept in the panel until the background says it is
 * recorded. A message on the panel's port is lost when the service worker stops before handling it, and the panel may
 * close at any moment: each report is kept in session storage, sent at once, and sent again whenever the port opens
 * (a reopened panel too) until its acknowledgement comes. The background records a report id once.
 */
export class OutcomeOutbox {
  private pending: PendingReport[] = [];
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
    private readonly send: (report: PendingReport) => void,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  add(feature: Feature, generationId: string, report: OutcomeReport): void {
    const item: PendingReport = { reportId: this.newId(), feature, generationId, report };
    this.pending = [...this.pending.filter((candidate) => !supersedes(item, candidate)), item];
    this.persist();
    this.send(item);
  }

  acknowledge(reportId: string): void {
    const before = this.pending.length;
    this.pending = this.pending.filter((item) => item.reportId !== reportId);
    if (this.pending.length !== before) this.persist();
  }

  /**
   * Sends every report not yet acknowledged: this panel's at once (a port just opened sends them ahead of a Regenerate
   * clicked meanwhile, which would otherwise replace the output they are about), then those a closed panel left in
   * storage.
   */
  async resend(): Promise<void> {
    for (const item of this.pending) this.send(item);
    const stored = PendingReports.safeParse(await this.store.get(this.key));
    const known = new Set(this.pending.map((item) => item.reportId));
    const left = stored.success
      ? stored.data.filter((item) => !known.has(item.reportId) && !this.pending.some((newer) => supersedes(newer, item)))
      : [];
    if (left.length === 0) return;
    this.pending = [...left, ...this.pending];
    this.persist();
    for (const item of left) this.send(item);
  }

  /** Writes in order, each with the reports pending when it runs. */
  private persist(): void {
    this.writes = this.writes.then(() => this.store.set(this.key, this.pending)).catch(() => undefined);
  }
}
