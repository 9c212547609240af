import type { FieldValue, GraphRecord, RecordGraph, RelatedList } from '../salesforce/record-graph';
import { citedLine } from './lines';
import { isDenied, isNoise, labelOf, metaOf, toDenylist, type Denylist } from './fields';
import { dateOf, formatValue, todayIn, truncate, type FormatSettings } from './format';
import { compactParts, recencyDate, rootHint, type RecordReader } from './records';
import { Redactor, type Redaction } from './redact';
import { estimateTokens } from './tokens';

export interface ContextOptions {
  /** Token budget for the whole context text, as estimated by estimateTokens (tokens.ts). */
  maxTokens: number;
  /** Fields the rep never wants sent: API names, case-insensitive, `Field` on any object or `Object.Field`. */
  deniedFields?: readonly string[];
  /** Extra patterns (the rep's and the organization's) whose matches are replaced by [PRIVATE-n] placeholders. */
  extraPatterns?: readonly RegExp[];
  /** "Today", for overdue hints; default now. */
  now?: Date;
  /** Number formatting; default en-US. */
  locale?: string;
  /** The org's currency, used when a record has no CurrencyIsoCode; default USD. */
  currency?: string;
  /** The rep's time zone (IANA) for dates and times; default UTC. */
  timeZone?: string;
}

export interface ContextLine {
  /** Stable for the same record and field across builds, so citations survive a rebuild. */
  id: string;
  text: string;
  source: { objectName: string; recordId: string; field?: string };
}

export interface BuiltContext {
  /** What is sent: "id text" lines (citedLine) under short section headings. */
  text: string;
  /** The lines in `text`, after redaction. */
  lines: ContextLine[];
  /** What was replaced in the lines that were sent. */
  redactions: Redaction[];
  /** Related-record lines left out to fit the budget. */
  droppedLines: number;
  /** estimateTokens(text). May exceed maxTokens only when the root record alone does. */
  tokens: number;
}

/** Compound addresses: their parts are sent as one line, as the record page shows them. */
const ADDRESSES = [
  { prefix: 'Billing', label: 'Billing Address' },
  { prefix: 'Shipping', label: 'Shipping Address' },
  { prefix: 'Mailing', label: 'Mailing Address' },
  { prefix: 'Other', label: 'Other Address' },
  { prefix: '', label: 'Address' },
] as const;
const ADDRESS_PARTS = ['Street', 'City', 'State', 'PostalCode', 'Country'] as const;

interface DraftLine extends ContextLine {
  section: number;
  /** Related lines only: their recency, for trimming; null when the record has no date. */
  date: string | null;
  droppable: boolean;
}

interface Section {
  heading: string;
  hadLines: boolean;
}

interface Build {
  graph: RecordGraph;
  settings: FormatSettings;
  denylist: Denylist;
  redactor: Redactor;
  ids: LineIds;
}

/**
 * Turns a record graph into the compact, cited text a prompt carries. Every value is redacted before anything else
 * happens to it, and the budget is met by leaving out the oldest related records, never the root record's fields.
 */
export function buildContext(graph: RecordGraph, options: ContextOptions): BuiltContext {
  const timeZone = options.timeZone ?? 'UTC';
  const build: Build = {
    graph,
    settings: {
      locale: options.locale ?? 'en-US',
      currency: options.currency ?? 'USD',
      timeZone,
      today: todayIn(options.now ?? new Date(), timeZone),
    },
    denylist: toDenylist(options.deniedFields),
    redactor: new Redactor([], options.extraPatterns ?? []),
    ids: new LineIds(),
  };
  const sections: Section[] = [{ heading: `# ${graph.objectLabel} (the record in view)`, hadLines: false }];
  const lines = rootLines(build, graph.root, 0);
  graph.related.forEach((list) => {
    const own = relatedLines(build, list, sections.length);
    sections.push({ heading: `# ${listHeading(list)}`, hadLines: own.length > 0 });
    lines.push(...own);
  });
  return fitToBudget(build, sections, lines, options.maxTokens);
}

function listHeading(list: RelatedList): string {
  if (list.records.length === 0) return `${list.label}: none`;
  return list.totalSize > list.records.length
    ? `${list.label} (showing ${list.records.length} of ${list.totalSize})`
    : list.label;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading records

function readerFor(build: Build, record: GraphRecord, lineId: string): RecordReader {
  const { graph, settings, denylist, redactor } = build;
  const currency = typeof record.fields['CurrencyIsoCode'] === 'string' ? record.fields['CurrencyIsoCode'] : undefined;
  const memo = new Map<string, string | null>();
  const raw = (field: string): FieldValue | undefined => record.fields[field];
  return {
    record,
    today: settings.today,
    rootOwner: graph.root.fields['Owner.Name'],
    raw,
    date: (field) => dateOf(raw(field), settings.timeZone),
    text(field, maxChars) {
      const key = `${field}\u0000${maxChars ?? ''}`;
      if (!memo.has(key)) {
        const meta = metaOf(graph, record.objectName, field);
        const label = labelOf(graph, record.objectName, field);
        const formatted = formatValue(raw(field), field, meta, settings, currency);
        let text: string | null = null;
        if (formatted !== null && isDenied(denylist, record.objectName, field, meta, label)) {
          text = redactor.withhold(record.objectName, field, label, lineId);
        } else if (formatted !== null) {
          // Redact the whole value before cutting it, so a cut can never leave part of a number in the clear.
          const redacted = redactor.redact(formatted, lineId);
          text = maxChars === undefined ? redacted : truncate(redacted, maxChars);
        }
        memo.set(key, text);
      }
      return memo.get(key) ?? null;
    },
  };
}

/** The record's fields worth sending, in the graph's order, with the name field first. */
function sendableFields(build: Build, record: GraphRecord): string[] {
  const fields = Object.keys(record.fields).filter((field) => {
    const meta = metaOf(build.graph, record.objectName, field);
    return !isNoise(record, field, meta) && formatValue(record.fields[field], field, meta, build.settings) !== null;
  });
  const nameIndex = fields.indexOf('Name');
  if (nameIndex > 0) fields.unshift(...fields.splice(nameIndex, 1));
  return fields;
}

function rootLines(build: Build, record: GraphRecord, section: number): DraftLine[] {
  const lines: DraftLine[] = [];
  const addressesDone = new Set<string>();
  /** An address identical to one already sent (shipping = billing) is said in three words. */
  const addressLabels = new Map<string, string>();
  const add = (field: string, text: string | null) => {
    if (text === null) return;
    const id = build.ids.next('r', `${record.id}|${field}`);
    lines.push({
      id,
      text: build.redactor.redact(text, id),
      source: { objectName: record.objectName, recordId: record.id, field },
      section,
      date: null,
      droppable: false,
    });
  };
  for (const field of sendableFields(build, record)) {
    const address = addressOf(field);
    if (address) {
      if (addressesDone.has(address.prefix)) continue;
      addressesDone.add(address.prefix);
      const id = build.ids.peek('r', `${record.id}|${address.prefix}Address`);
      const value = addressValue(build, record, address.prefix, id);
      if (value === null) continue;
      const same = addressLabels.get(value);
      if (!same) addressLabels.set(value, address.label);
      add(`${address.prefix}Address`, `${address.label}: ${same ? `same as ${same}` : value}`);
      continue;
    }
    const id = build.ids.peek('r', `${record.id}|${field}`);
    const reader = readerFor(build, record, id);
    const value = reader.text(field);
    if (value === null || (field === 'LastModifiedDate' && value === reader.text('CreatedDate'))) continue;
    const hint = rootHint(reader, field);
    add(field, `${rootLabel(build.graph, record.objectName, field)}: ${value}${hint ? ` (${hint})` : ''}`);
  }
  return lines;
}

/**
 * The field's label under the record's own heading: Salesforce prefixes many labels with the object's ("Account
 * Name", "Account Phone"), which the heading already says.
 */
function rootLabel(graph: RecordGraph, objectName: string, field: string): string {
  const label = labelOf(graph, objectName, field);
  const prefix = `${graph.objectLabel} `;
  const rest = label.startsWith(prefix) ? label.slice(prefix.length) : '';
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : label;
}

function addressOf(field: string): (typeof ADDRESSES)[number] | undefined {
  return ADDRESSES.find((address) => ADDRESS_PARTS.some((part) => field === `${address.prefix}${part}`));
}

function addressValue(build: Build, record: GraphRecord, prefix: string, lineId: string): string | null {
  const reader = readerFor(build, record, lineId);
  const [street, city, state, postalCode, country] = ADDRESS_PARTS.map((part) => reader.text(`${prefix}${part}`));
  const cityLine = [city, [state, postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const parts = [street, cityLine, country].filter((part): part is string => Boolean(part));
  return parts.length === 0 ? null : parts.join(', ');
}

function relatedLines(build: Build, list: RelatedList, section: number): DraftLine[] {
  return list.records.flatMap((record): DraftLine[] => {
    const id = build.ids.next(record.objectName.charAt(0).toLowerCase(), record.id);
    const reader = readerFor(build, record, id);
    const generic = {
      fields: sendableFields(build, record).filter((field) => {
        const meta = metaOf(build.graph, record.objectName, field);
        return !isDenied(build.denylist, record.objectName, field, meta, labelOf(build.graph, record.objectName, field));
      }),
      label: (field: string) => labelOf(build.graph, record.objectName, field),
    };
    const parts = compactParts(reader, generic);
    if (parts.length === 0) return [];
    return [
      {
        id,
        text: build.redactor.redact(parts.join(' | '), id),
        source: { objectName: record.objectName, recordId: record.id },
        section,
        date: recencyDate(reader),
        droppable: true,
      },
    ];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Line ids

/**
 * Short ids from a hash of the record id and field: a letter for the kind of record and three base-36 characters
 * ("r4k2", "oq0z"). The same record and field give the same id in every build, whatever else the graph holds; in the
 * rare collision the later line takes the next free hash, so the first line keeps its id.
 */
class LineIds {
  private readonly taken = new Set<string>();

  peek(prefix: string, key: string): string {
    return this.candidate(prefix, key);
  }

  next(prefix: string, key: string): string {
    const id = this.candidate(prefix, key);
    this.taken.add(id);
    return id;
  }

  private candidate(prefix: string, key: string): string {
    for (let attempt = 0; ; attempt++) {
      const id = prefix + (fnv1a(attempt === 0 ? key : `${key}#${attempt}`) % 46_656).toString(36).padStart(3, '0');
      if (!this.taken.has(id)) return id;
    }
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

// ---------------------------------------------------------------------------------------------------------------
// Budget

function render(sections: readonly Section[], lines: readonly DraftLine[], dropped: number, today: string): string {
  const out = [`Today is ${today}.`];
  sections.forEach((section, index) => {
    const own = lines.filter((line) => line.section === index);
    // A list whose every line was left out is not mentioned: the closing note counts it.
    if (own.length === 0 && section.hadLines) return;
    out.push(section.heading, ...own.map((line) => citedLine(line.id, line.text)));
  });
  if (dropped > 0) out.push(`(${dropped} older related record${dropped === 1 ? '' : 's'} left out to fit the budget)`);
  return out.join('\n');
}

/** Oldest first; records without a date count as oldest; among equals, the later in the list goes first. */
function dropOrder(lines: readonly DraftLine[]): DraftLine[] {
  return lines
    .map((line, position) => ({ line, position }))
    .filter(({ line }) => line.droppable)
    .sort((a, b) => (a.line.date ?? '').localeCompare(b.line.date ?? '') || b.position - a.position)
    .map(({ line }) => line);
}

function fitToBudget(build: Build, sections: Section[], lines: DraftLine[], maxTokens: number): BuiltContext {
  const order = dropOrder(lines);
  const attempt = (dropCount: number) => {
    const dropped = new Set(order.slice(0, dropCount));
    const kept = lines.filter((line) => !dropped.has(line));
    const text = render(sections, kept, dropCount, build.settings.today);
    return { kept, text, tokens: estimateTokens(text) };
  };
  // Fewer lines never cost more tokens, so the smallest number of drops that fits can be searched for.
  let low = 0;
  let high = order.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (attempt(middle).tokens <= maxTokens) high = middle;
    else low = middle + 1;
  }
  const { kept, text, tokens } = attempt(low);
  const sentIds = new Set(kept.map((line) => line.id));
  return {
    text,
    lines: kept.map(({ id, text: lineText, source }) => ({ id, text: lineText, source })),
    redactions: build.redactor.redactions.filter((r) => r.lineId !== undefined && sentIds.has(r.lineId)),
    droppedLines: low,
    tokens,
  };
}
