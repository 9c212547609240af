/**
 * "Update an opportunity by name": a note names an opportunity other than the record in view ("Apex Corp — Enterprise
 * Expansion moved to proposal") and the model gives that name as written, never an id. Here code finds the record: one
 * SOQL query per name (all in one composite request), every word group of the name matched against the opportunity's
 * name or its account's, values escaped by the composer. One match is the record; several are offered for the rep
 * to pick; none is said so. A name the note does not contain is not looked up at all.
 */
import type { OrgApi } from '../../salesforce/context/api';
import { fieldOf, type WriteObjectDescribe } from '../../proposals/describe';
import { isSoqlWritable } from '../../salesforce/soql-text';
import { composeSoql, type SoqlWhere } from '../../salesforce/soql-compose';
import { normalizeForMatch } from '../../proposals/evidence';
import type { NamedLookup, NamedMatch } from '../../proposals/review';
import type { NamedOpportunityUpdate } from '../../proposals/schemas';
import type { WriteValue } from '../../proposals/validate';
import { t } from '../../i18n';

/** At most this many matches are offered; more ask the rep to name the opportunity more fully. */
export const MAX_NAMED_MATCHES = 10;
/** Names looked up per note (a composite request holds 25 subrequests). */
const MAX_NAMES = 10;

/** The note's words for one opportunity, as the look-up and the card show them: "Apex Corp — Enterprise Expansion". */
export function nameAsWritten(named: NamedOpportunityUpdate): string {
  const name = named.name.value.trim();
  const account = named.account?.value.trim() ?? '';
  return account && !matchKey(name).includes(matchKey(account)) ? `${account} — ${name}` : name;
}

/** Case, dashes, quotes and whitespace as evidence matching sees them. */
const matchKey = (text: string): string => normalizeForMatch(text).text;

/** The separate word groups of a name: "Apex Corp — Enterprise Expansion" → "Apex Corp", "Enterprise Expansion". */
function termsOf(named: NamedOpportunityUpdate): string[] {
  const parts = [named.account?.value ?? '', named.name.value]
    .flatMap((part) => part.split(/\s+[-\u2010-\u2015\u2212:|/]\s+/u))
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter((part) => part !== '' && isSoqlWritable(part));
  return [...new Map(parts.map((part) => [part.toLowerCase(), part])).values()];
}

/** `(Name LIKE '%t1%' OR Account.Name LIKE '%t1%') AND (…t2…)`. */
function whereAll(terms: readonly string[]): SoqlWhere {
  if (terms.length === 0) throw new Error('a named look-up needs at least one term');
  return {
    and: terms.map((term) => ({
      or: [
        { field: 'Name', operator: 'LIKE', value: { contains: term } },
        { field: 'Account.Name', operator: 'LIKE', value: { contains: term } },
      ],
    })),
  };
}

/** The fields the card needs: identity, stage, the stamp that guards the update, and the proposed fields that exist. */
function selectedFields(describe: WriteObjectDescribe, named: NamedOpportunityUpdate): string[] {
  const proposed = named.fieldUpdates.flatMap((update) => fieldOf(describe, update.field)?.name ?? []);
  const stage = fieldOf(describe, 'StageName') ? ['StageName'] : [];
  const seen = new Set<string>();
  return ['Id', 'Name', 'Account.Name', 'LastModifiedDate', ...stage, ...proposed].filter((name) => {
    const key = name.toLowerCase();
    return !seen.has(key) && !!seen.add(key);
  });
}

export function namedOpportunityQuery(describe: WriteObjectDescribe, named: NamedOpportunityUpdate): string {
  return composeSoql({
    from: describe.name,
    select: selectedFields(describe, named),
    where: whereAll(termsOf(named)),
    orderBy: [{ field: 'Name', order: 'ASC' }],
    limit: MAX_NAMED_MATCHES + 1,
  });
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const asValue = (value: unknown): WriteValue =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;

function matchesOf(body: unknown, fields: readonly string[]): NamedMatch[] {
  const records = (body as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) return [];
  return records.flatMap((raw: Record<string, unknown>) => {
    const id = text(raw.Id);
    const stamp = text(raw.LastModifiedDate);
    if (!id || !stamp) return [];
    const account = raw.Account as { Name?: unknown } | null | undefined;
    return [{
      id,
      name: text(raw.Name) ?? id,
      accountName: text(account?.Name),
      stageName: text(raw.StageName),
      lastModifiedDate: stamp,
      fields: Object.fromEntries(fields.filter((field) => !field.includes('.')).map((field) => [field, asValue(raw[field])])),
    }];
  });
}

/**
 * When one match carries exactly the name the note writes (alone, or after its account's), it is the record even if
 * longer names also contain the words: "Plant Automation Expansion" is not "Plant Automation Expansion Phase 2".
 */
function exactOnly(named: NamedOpportunityUpdate, matches: NamedMatch[]): NamedMatch[] {
  const wanted = new Set([matchKey(named.name.value), matchKey(nameAsWritten(named))]);
  const exact = matches.filter((match) =>
    [match.name, match.accountName ? `${match.accountName} - ${match.name}` : ''].some((name) => name && wanted.has(matchKey(name))),
  );
  return exact.length === 1 ? exact : matches;
}

/**
 * The look-up of each named opportunity, in order. A name the note does not contain, a name beyond the first ten, or a
 * query Salesforce refused gives a lookup with a problem and no matches.
 */
export async function findNamedOpportunities(
  api: Pick<OrgApi, 'apiVersion' | 'composite'>,
  describe: WriteObjectDescribe,
  named: readonly NamedOpportunityUpdate[],
  sourceText: string,
): Promise<NamedLookup[]> {
  const source = matchKey(sourceText);
  const subrequests = named.flatMap((entry, index) => {
    if (index >= MAX_NAMES || !source.includes(matchKey(entry.name.value)) || termsOf(entry).length === 0) return [];
    const query = namedOpportunityQuery(describe, entry);
    return [{ index, referenceId: `named_${index}`, url: `/services/data/v${api.apiVersion}/query?q=${encodeURIComponent(query)}` }];
  });
  const answers = subrequests.length > 0 ? await api.composite(subrequests.map(({ referenceId, url }) => ({ referenceId, url }))) : new Map();
  return named.map((entry, index): NamedLookup => {
    const asWritten = nameAsWritten(entry);
    const sent = subrequests.find((request) => request.index === index);
    if (!sent) {
      const problem = index >= MAX_NAMES ? t('namedOpportunity_tooMany') : t('namedOpportunity_notInNote', { name: entry.name.value });
      return { asWritten, matches: [], more: false, problem };
    }
    const answer = answers.get(sent.referenceId);
    if (!answer || answer.httpStatusCode >= 300) {
      return { asWritten, matches: [], more: false, problem: t('namedOpportunity_lookupRefused') };
    }
    const found = matchesOf(answer.body, selectedFields(describe, entry));
    const more = found.length > MAX_NAMED_MATCHES;
    return { asWritten, matches: exactOnly(entry, found.slice(0, MAX_NAMED_MATCHES)), more };
  });
}
