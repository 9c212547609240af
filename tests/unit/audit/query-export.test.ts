import { describe, expect, it } from 'vitest';
import { csvCell, entriesToCsv, EXPORT_FORMAT, parseExport, type AuditEntry } from '../../../lib/audit';
import { freshLog, generation } from './audit-harness';

const ORG_A = '00D000000000001EAA';
const ORG_B = '00D000000000002EAA';

async function seededLog() {
  const { log } = freshLog('2026-03-05T12:00:00.000Z');
  const summary = await log.record(generation({ time: '2026-03-01T10:00:00Z', feature: 'summary', orgId: ORG_A, recordId: '001000000000001AAA' }));
  const email = await log.record(generation({ time: '2026-03-02T10:00:00Z', feature: 'email', orgId: ORG_A, recordId: '001000000000002AAA' }));
  const ask = await log.record(generation({ time: '2026-03-03T10:00:00Z', feature: 'ask', orgId: ORG_B, recordId: '001000000000001AAA' }));
  const write = await log.record({
    time: '2026-03-04T10:00:00Z',
    feature: 'write',
    orgId: ORG_A,
    recordId: '006000000000001AAA',
    objectName: 'Opportunity',
    write: {
      operation: 'update',
      objectName: 'Opportunity',
      recordId: '006000000000001AAA',
      before: { StageName: 'Prospecting', Amount: 50000 },
      after: { StageName: 'Negotiation', Amount: 75000 },
      answer: { id: '006000000000001AAA', success: true, errors: [] },
    },
  });
  await log.updateOutcome(summary.id, 'accepted');
  await log.updateOutcome(email.id, 'rejected');
  await log.updateOutcome(ask.id, 'feedback-down');
  return { log, summary, email, ask, write };
}

const ids = (entries: AuditEntry[]): string[] => entries.map((entry) => entry.id);

describe('audit queries', () => {
  it('filter by date range, from inclusive and to exclusive', async () => {
    const { log, email, ask } = await seededLog();
    expect(ids(await log.query({ from: '2026-03-02T10:00:00Z', to: '2026-03-04T10:00:00Z' }))).toEqual([email.id, ask.id]);
  });

  it('find an entry whose outcome was amended after the end of the range', async () => {
    const { log, summary } = await seededLog();
    const [entry] = await log.query({ from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' });
    expect(entry).toMatchObject({ id: summary.id, outcome: 'accepted' });
  });

  it('filter by feature, org, record and outcome', async () => {
    const { log, summary, email, ask, write } = await seededLog();
    expect(ids(await log.query({ features: ['email', 'write'] }))).toEqual([email.id, write.id]);
    expect(ids(await log.query({ orgId: ORG_B }))).toEqual([ask.id]);
    // A 15-character id finds entries recorded with the 18-character form.
    expect(ids(await log.query({ recordId: '001000000000001' }))).toEqual([summary.id, ask.id]);
    expect(ids(await log.query({ outcomes: ['accepted'] }))).toEqual([summary.id]);
    expect(ids(await log.query({ outcomes: ['pending'] }))).toEqual([ask.id, write.id]);
    expect(ids(await log.query({ outcomes: ['feedback-down'] }))).toEqual([ask.id]);
    expect(ids(await log.query({ orgId: ORG_A, outcomes: ['rejected', 'pending'] }))).toEqual([email.id, write.id]);
  });

  it('refuse filters that do not validate', async () => {
    const { log } = await seededLog();
    await expect(log.query({ from: 'last tuesday' })).rejects.toThrow();
  });
});

describe('audit export', () => {
  it('writes JSON that parses and holds the filtered entries, write details included', async () => {
    const { log, write } = await seededLog();
    const parsed = JSON.parse(await log.exportJson({ features: ['write'] })) as { format: string; exportedAt: string; entries: AuditEntry[] };
    expect(parsed.format).toBe(EXPORT_FORMAT);
    expect(parsed.exportedAt).toBe('2026-03-05T12:00:00.000Z');
    expect(parsed.entries).toEqual([write]);
    expect(parsed.entries[0]?.write?.after).toEqual({ StageName: 'Negotiation', Amount: 75000 });
  });

  it('reads another rep\'s JSON export back as entries, and says so in words when a file is not one', async () => {
    const { log } = await seededLog();
    const text = await log.exportJson({});
    const { entries, chain, exportedAt } = JSON.parse(text) as { entries: unknown; chain: unknown; exportedAt: string };
    expect(parseExport(text)).toEqual({ entries, chain, exportedAt });
    expect(parseExport('name,cost\n')).toEqual({ problem: expect.stringContaining('is not JSON') });
    const changed = JSON.parse(text) as { entries: { costUsd: unknown }[] };
    if (changed.entries[0]) changed.entries[0].costUsd = 'free';
    expect(parseExport(JSON.stringify(changed))).toEqual({ problem: expect.stringContaining('not a Groundwork audit export') });
    expect(parseExport(JSON.stringify({ format: 'other', version: 1, entries: [] }))).toHaveProperty('problem');
  });

  it('writes CSV with a header row and one row per entry', async () => {
    const { log } = await seededLog();
    const rows = parseCsv(await log.exportCsv());
    expect(rows[0]?.slice(0, 3)).toEqual(['id', 'time', 'userId']);
    expect(rows).toHaveLength(5);
    const header = rows[0] ?? [];
    const writeRow = rows[4] ?? [];
    const cell = (name: string): string | undefined => writeRow[header.indexOf(name)];
    expect(cell('feature')).toBe('write');
    expect(JSON.parse(cell('writeAfter') ?? '')).toEqual({ StageName: 'Negotiation', Amount: 75000 });
    expect(JSON.parse(cell('writeAnswer') ?? '')).toEqual({ id: '006000000000001AAA', success: true, errors: [] });
  });

  it('escapes commas, quotes and line breaks so every value reads back exactly', async () => {
    const { log } = freshLog();
    const received = 'Dear Ana,\r\nThe "Q3" plan, as agreed:\n- 40 seats\n- rollout in May';
    await log.record(generation({ sent: 'a,b', received }));
    const csv = await log.exportCsv();
    const rows = parseCsv(csv);
    const header = rows[0] ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[header.indexOf('received')]).toBe(received);
    expect(rows[1]?.[header.indexOf('sent')]).toBe('a,b');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('keeps text that a spreadsheet would run as a formula as plain text', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csvCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(undefined)).toBe('');
  });

  it('writes only the header for no entries', () => {
    expect(parseCsv(entriesToCsv([]))).toHaveLength(1);
  });
});

/** A strict RFC 4180 reader: quoted cells may hold commas, doubled quotes and line breaks; rows end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let index = 0;
  let quoted = false;
  while (index < text.length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else cell += char;
      index += 1;
      continue;
    }
    if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else if (char === '\n' || char === '\r' || char === '"') {
      throw new Error(`Unquoted ${JSON.stringify(char)} at ${index}`);
    } else cell += char;
    index += 1;
  }
  if (quoted || cell !== '' || row.length > 0) throw new Error('CSV does not end with a complete row');
  return rows;
}
