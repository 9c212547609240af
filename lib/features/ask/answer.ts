/**
 * The rows of a query as cited context for "Summarize these results": one line per row, `q1 Name: … | Stage: …`,
 * values PII-redacted and denylisted fields left out, so the answer can cite rows and be checked against them.
 */
import { isDenied, toDenylist } from '../../context/fields';
import { citedLine } from '../../context/lines';
import { Redactor, type Redaction, type RedactionRules } from '../../context/redact';
import type { Citation } from '../../context/checked-output';
import type { CellValue, PreparedQuery, ResultColumn, ResultRow } from './results';

/** Enough rows for a short answer, few enough to keep the prompt small. */
export const SUMMARY_ROWS = 50;

export interface RowLine {
  id: string;
  text: string;
  objectName: string;
  /** The row's record; empty for a row of totals. */
  recordId: string;
}

export interface RowContext {
  lines: RowLine[];
  text: string;
  redactions: Redaction[];
}

const rowId = (index: number): string => `q${index + 1}`;

function cellText(value: CellValue): string {
  if (value === null) return '';
  return String(value).replace(/\s+/g, ' ').trim();
}

/** The columns a row line shows: not the Id (rows are cited by their line id) and nothing on the denylist. */
export function summaryColumns(prepared: PreparedQuery, deniedFields: readonly string[] = []): ResultColumn[] {
  const denylist = toDenylist(deniedFields);
  return prepared.columns.filter(
    (column) => column.key !== 'Id' && !isDenied(denylist, prepared.objectName, column.key, { label: column.label, type: column.type }, column.label),
  );
}

export function rowContext(prepared: PreparedQuery, rows: readonly ResultRow[], rules: RedactionRules): RowContext {
  const columns = summaryColumns(prepared, rules.deniedFields);
  const redactor = new Redactor([], rules.patterns);
  const lines = rows.slice(0, SUMMARY_ROWS).map((row, index): RowLine => {
    const id = rowId(index);
    const cells = columns.flatMap((column) => {
      const text = cellText(row.values[column.key] ?? null);
      return text ? [`${column.label}: ${redactor.redact(text, id)}`] : [];
    });
    return {
      id,
      text: cells.join(' | ') || '(no values)',
      objectName: row.link?.objectName ?? prepared.objectName,
      recordId: row.link?.id ?? '',
    };
  });
  return { lines, text: lines.map((line) => citedLine(line.id, line.text)).join('\n'), redactions: redactor.redactions };
}

/** The row ids the answer cites that exist, in the order first cited. */
export function citationsOf(text: string, context: RowContext): Citation[] {
  const byId = new Map(context.lines.map((line) => [line.id, line]));
  const seen = new Map<string, Citation>();
  for (const match of text.matchAll(/\[(q\d{1,5})\]/g)) {
    const line = byId.get(match[1] ?? '');
    if (line && !seen.has(line.id)) seen.set(line.id, { id: line.id, text: line.text, objectName: line.objectName, recordId: line.recordId });
  }
  return [...seen.values()];
}

/** What the model is told about how many rows it sees, so it does not present a part as the whole. */
export function coverageText(sent: number, loaded: number, totalSize: number): string {
  if (sent === totalSize) return `All ${totalSize} rows the query returned are listed.`;
  return `Only the first ${sent} of the ${totalSize} rows the query returned are listed${loaded > sent ? '' : ' (the rest were not loaded)'}.`;
}
