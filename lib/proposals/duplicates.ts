/**
 * Existing Leads and Contacts that a new person may duplicate: by exact email, then by name and company. Up to 300
 * people are checked in one composite request (four SOQL queries per 50 people: Leads and Contacts by email, by last
 * name); values reach SOQL only escaped, through the composer. Matching the name and company happens here, so that a
 * common last name costs no extra request.
 */
import type { OrgApi } from '../salesforce/context/api';
import type { DuplicateMatch, Review, ReviewCard } from './review';
import { isSoqlWritable } from '../salesforce/soql-text';
import { composeSoql, type SoqlCondition } from '../salesforce/soql-compose';

export interface DuplicateCandidate {
  /** The caller's handle (a card id). */
  key: string;
  firstName?: string;
  lastName?: string;
  company?: string;
  email?: string;
}

export interface CandidateMatches {
  key: string;
  matches: DuplicateMatch[];
}

const PER_QUERY = 50;
const QUERIES_PER_REQUEST = 24;
const MAX_ROWS = 200;

function inList(field: string, values: readonly string[]): SoqlCondition {
  return { field, operator: 'IN', value: values.map((text) => ({ text })) };
}

const FIELDS: Record<DuplicateMatch['objectName'], string[]> = {
  Lead: ['Id', 'Name', 'FirstName', 'LastName', 'Email', 'Company'],
  Contact: ['Id', 'Name', 'FirstName', 'LastName', 'Email', 'Account.Name'],
};

function query(objectName: DuplicateMatch['objectName'], field: string, values: readonly string[]): string {
  return composeSoql({
    from: objectName,
    select: FIELDS[objectName],
    where: inList(field, values),
    limit: MAX_ROWS,
  });
}

interface Row {
  objectName: DuplicateMatch['objectName'];
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string | null;
  company: string | null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const norm = (value: string | undefined | null): string => (value ?? '').trim().toLowerCase().replace(/\s+/g, ' ');

function rowsOf(objectName: DuplicateMatch['objectName'], body: unknown): Row[] {
  const records = (body as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) return [];
  return records.map((raw: Record<string, unknown>) => {
    const account = raw.Account as { Name?: unknown } | null | undefined;
    const company = objectName === 'Lead' ? text(raw.Company) : text(account?.Name);
    return {
      objectName,
      id: text(raw.Id),
      name: text(raw.Name),
      firstName: text(raw.FirstName),
      lastName: text(raw.LastName),
      email: text(raw.Email) || null,
      company: company || null,
    };
  });
}

/** Name and company: last names equal, first names equal when both known, companies equal (or one contains the other). */
function sameNameAndCompany(candidate: DuplicateCandidate, row: Row): boolean {
  if (!candidate.lastName || norm(candidate.lastName) !== norm(row.lastName)) return false;
  if (candidate.firstName && row.firstName && norm(candidate.firstName) !== norm(row.firstName)) return false;
  const wanted = norm(candidate.company);
  const found = norm(row.company);
  return wanted !== '' && found !== '' && (wanted === found || wanted.includes(found) || found.includes(wanted));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** The distinct values worth a look-up: not blank, and writable in SOQL (text that cannot be searched finds nothing). */
const unique = (values: (string | undefined)[]): string[] => [
  ...new Set(values.map((value) => (value ?? '').trim()).filter((value) => value !== '' && isSoqlWritable(value))),
];

/**
 * Existing Leads and Contacts matching each candidate, email matches first. A candidate with neither an email nor a
 * last name and company gets no matches (nothing to match on). Objects the rep cannot query are left out.
 */
export async function findDuplicates(
  api: Pick<OrgApi, 'apiVersion' | 'composite'>,
  candidates: readonly DuplicateCandidate[],
): Promise<CandidateMatches[]> {
  const subrequests: { referenceId: string; url: string; objectName: DuplicateMatch['objectName'] }[] = [];
  chunks(candidates, PER_QUERY).forEach((chunk, index) => {
    const emails = unique(chunk.map((candidate) => candidate.email?.toLowerCase()));
    const lastNames = unique(chunk.filter((candidate) => candidate.company).map((candidate) => candidate.lastName));
    for (const objectName of ['Lead', 'Contact'] as const) {
      if (emails.length > 0) subrequests.push({ referenceId: `${objectName}_email_${index}`, objectName, url: query(objectName, 'Email', emails) });
      if (lastNames.length > 0) {
        subrequests.push({ referenceId: `${objectName}_name_${index}`, objectName, url: query(objectName, 'LastName', lastNames) });
      }
    }
  });
  const rows: Row[] = [];
  for (const batch of chunks(subrequests, QUERIES_PER_REQUEST)) {
    const answers = await api.composite(
      batch.map(({ referenceId, url }) => ({
        referenceId,
        url: `/services/data/v${api.apiVersion}/query?q=${encodeURIComponent(url)}`,
      })),
    );
    for (const { referenceId, objectName } of batch) {
      const answer = answers.get(referenceId);
      if (answer && answer.httpStatusCode < 300) rows.push(...rowsOf(objectName, answer.body));
    }
  }
  return candidates.map((candidate) => {
    const email = norm(candidate.email);
    const byEmail = email === '' ? [] : rows.filter((row) => norm(row.email) === email);
    const byName = rows.filter((row) => !byEmail.includes(row) && sameNameAndCompany(candidate, row));
    const seen = new Set<string>();
    const matches = [
      ...byEmail.map((row) => ({ row, matchedBy: 'email' as const })),
      ...byName.map((row) => ({ row, matchedBy: 'name-company' as const })),
    ]
      .filter(({ row }) => !seen.has(row.id) && seen.add(row.id))
      .map(({ row, matchedBy }): DuplicateMatch => ({
        objectName: row.objectName,
        id: row.id,
        name: row.name,
        email: row.email,
        company: row.company,
        matchedBy,
      }));
    return { key: candidate.key, matches };
  });
}

const rowText = (card: ReviewCard, field: string): string | undefined => {
  const row = card.rows.find((candidate) => candidate.field === field);
  return typeof row?.value === 'string' ? row.value : row?.proposed || undefined;
};

/** The people a review would create (new contacts, leads), as duplicate candidates. */
export function duplicateCandidates(review: Review): DuplicateCandidate[] {
  const company = typeof review.record?.fields.Name === 'string' ? review.record.fields.Name : undefined;
  return review.cards
    .filter((card) => card.kind === 'contact' || card.kind === 'lead')
    .map((card) => ({
      key: card.id,
      firstName: rowText(card, 'FirstName'),
      lastName: rowText(card, 'LastName'),
      email: rowText(card, 'Email'),
      company: card.kind === 'lead' ? rowText(card, 'Company') : (review.record?.fields['Account.Name'] as string | undefined) ?? company,
    }));
}

/** The review with each card's matches attached (shown so the rep can choose an existing record instead). */
export function attachDuplicates(review: Review, found: readonly CandidateMatches[]): Review {
  const byKey = new Map(found.map((entry) => [entry.key, entry.matches]));
  return { ...review, cards: review.cards.map((card) => (byKey.has(card.id) ? { ...card, duplicates: byKey.get(card.id) ?? [] } : card)) };
}
