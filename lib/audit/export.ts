import { z } from 'zod/mini';
import { ChainHead } from './chain-head';
import { AuditEntry, type AuditFilters } from './entry';

export const EXPORT_FORMAT = 'groundwork-audit';

/**
 * The JSON export: the entries as recorded (outcomes folded in), with what was asked for, when, and the chain's head
 * at that moment (`chain`; exports from before it was added have none).
 */
export function entriesToJson(entries: readonly AuditEntry[], meta: { filters: AuditFilters; exportedAt: string; chain?: ChainHead }): string {
  const { filters, exportedAt, chain } = meta;
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt, ...(chain ? { chain } : {}), filters, entries }, null, 2)}\n`;
}

const ExportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.optional(z.string()),
  chain: z.optional(ChainHead),
  entries: z.array(AuditEntry),
});

/** A JSON export, read back (to compare prompt variants across reps, or a log with its head); a problem in words otherwise. */
export function parseExport(text: string): { entries: AuditEntry[]; chain?: ChainHead; exportedAt?: string } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'is not JSON: choose a file exported as JSON from the audit trail.' };
  }
  const parsed = ExportFile.safeParse(json);
  if (!parsed.success) return { problem: 'is not a Groundwork audit export (JSON), or was changed after export.' };
  const { entries, chain, exportedAt } = parsed.data;
  return { entries, ...(chain ? { chain } : {}), ...(exportedAt ? { exportedAt } : {}) };
}

type Cell = string | number | null | undefined;

const COLUMNS: readonly [string, (entry: AuditEntry) => Cell][] = [
  ['id', (entry) => entry.id],
  ['time', (entry) => entry.time],
  ['userId', (entry) => entry.user?.id],
  ['userName', (entry) => entry.user?.name],
  ['orgId', (entry) => entry.orgId],
  ['objectName', (entry) => entry.objectName],
  ['recordId', (entry) => entry.recordId],
  ['feature', (entry) => entry.feature],
  ['trigger', (entry) => entry.trigger],
  ['promptId', (entry) => entry.promptId],
  ['promptVersion', (entry) => entry.promptVersion],
  ['variant', (entry) => entry.variant],
  ['model', (entry) => entry.model],
  ['model name', (entry) => entry.modelName],
  ['inputTokens', (entry) => entry.tokens.input],
  ['outputTokens', (entry) => entry.tokens.output],
  ['cacheReadTokens', (entry) => entry.tokens.cacheRead],
  ['cacheWriteTokens', (entry) => entry.tokens.cacheWrite],
  ['costUsd', (entry) => entry.costUsd],
  ['latencyMs', (entry) => entry.latencyMs],
  ['groundingFlags', (entry) => entry.groundingFlags],
  ['outcome', (entry) => entry.outcome],
  ['feedback', (entry) => entry.feedback],
  ['error', (entry) => entry.error],
  ['sent', (entry) => entry.sent],
  ['received', (entry) => entry.received],
  ['writeOperation', (entry) => entry.write?.operation],
  ['writeBefore', (entry) => (entry.write ? JSON.stringify(entry.write.before) : undefined)],
  ['writeAfter', (entry) => (entry.write ? JSON.stringify(entry.write.after) : undefined)],
  ['writeAnswer', (entry) => (entry.write ? JSON.stringify(entry.write.answer) : undefined)],
];

/**
 * RFC 4180 CSV: a header row, CRLF line ends, and any cell with a comma, quote or line break quoted. The chain's head
 * at export time, when given, is in two last columns of every row (CSV has no place for anything but rows).
 */
export function entriesToCsv(entries: readonly AuditEntry[], chain?: ChainHead): string {
  const columns: readonly [string, (entry: AuditEntry) => Cell][] = chain
    ? [...COLUMNS, ['chainHead', () => chain.hash], ['chainRecords', () => chain.records]]
    : COLUMNS;
  const rows = [columns.map(([name]) => name), ...entries.map((entry) => columns.map(([, cell]) => csvCell(cell(entry))))];
  return `${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  // Text a spreadsheet would run as a formula (model output can say anything) is kept as text by a leading quote.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
