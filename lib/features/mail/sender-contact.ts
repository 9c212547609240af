/**
 * "Create contact" for the sender of the open email when Salesforce knows nobody with that address: the values are
 * read by code from the email itself (the From header, then the signature under the sender's name), each with the
 * line it comes from as its quote, so the shared review checks every quote against the email like a model's. No
 * model sees the email for this and nothing in it is followed: a line is only ever a value the rep can read and untick.
 * The account is a link set by code: the one Account whose website has the sender's domain, else the one whose name
 * is the signature's company; with none or several, the rep is told and none is set.
 */
import { z } from 'zod/mini';
import type { ContactProposal, Evidenced } from '../../proposals/schemas';
import { queryUrl, selectQuery, textEquals } from '../../salesforce/context/soql';
import type { MailSender } from '../../messaging/mail-sender';
import type { WriteApi } from '../../salesforce/write-request';
import type { OpenThread } from './thread';
import { t } from '../../i18n';

/** Lines under the sender's name read as the signature. */
const SIGNATURE_LINES = 4;
/** A signature part longer than this is prose, not a title. */
const MAX_TITLE_CHARS = 80;
const ACCOUNTS_READ = 5;

/** Addresses anyone can have: their domain says nothing about the sender's company. */
const PUBLIC_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'web.de',
  'mail.com',
]);

export interface SenderDetails {
  proposal: ContactProposal;
  /** The signature's company, when a line says "Title, Company": used to find the account, never written. */
  company: Evidenced | null;
  /** What the values were read from: the quotes are checked against it. */
  sourceText: string;
}

const PHONE = /^\+?[\d\s().-]{7,}$/;
const digits = (text: string): number => text.replace(/\D/g, '').length;
const isPhone = (part: string): boolean => PHONE.test(part) && digits(part) >= 7;
const isAddress = (part: string): boolean => /@|^(https?:\/\/|www\.)/i.test(part);

/** "Marcus Lee" → Marcus / Lee; "Lee, Marcus" → Marcus / Lee; one word is a last name (Salesforce requires one). */
function nameParts(displayName: string): { first: string; last: string } | null {
  const name = displayName.replace(/\s+/g, ' ').trim();
  if (!name || name.includes('@')) return null;
  const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (comma) return { first: comma[2]?.trim() ?? '', last: comma[1]?.trim() ?? '' };
  const words = name.split(' ');
  return { first: words.slice(0, -1).join(' '), last: words.at(-1) ?? '' };
}

/** The body of the sender's newest message in the thread, or '' when none of its messages is theirs. */
function senderBody(thread: OpenThread | null, email: string): string {
  const theirs = (thread?.messages ?? []).filter((message) => message.email.toLowerCase() === email.toLowerCase());
  return theirs.at(-1)?.body ?? '';
}

/** The lines under the last line that starts with the sender's name (their sign-off), blank lines skipped. */
function signatureLines(body: string, name: string): string[] {
  const lines = body.split('\n').map((line) => line.trim());
  const wanted = name.toLowerCase();
  const at = lines.findLastIndex((line) => wanted !== '' && line.toLowerCase().startsWith(wanted));
  if (at < 0) return [];
  return lines.slice(at + 1).filter(Boolean).slice(0, SIGNATURE_LINES);
}

/** A signature's title and company: "VP Revenue Operations, Northwind Traders" or "… at Northwind Traders". */
function titleAndCompany(part: string): { title: Evidenced; company: Evidenced | null } | null {
  if (part.length > MAX_TITLE_CHARS || isPhone(part) || isAddress(part) || !/\p{L}/u.test(part)) return null;
  const split = /^(.+?)(?:,\s+|\s+at\s+|\s+-\s+)(.+)$/u.exec(part);
  if (!split) return { title: { value: part, evidence: part }, company: null };
  return { title: { value: split[1]?.trim() ?? part, evidence: part }, company: { value: split[2]?.trim() ?? '', evidence: part } };
}

/** What the email says of its sender: their name and address from the header, title, company and phone from their signature. */
export function readSender(sender: MailSender, thread: OpenThread | null): SenderDetails {
  const header = `From: ${sender.name} <${sender.email}>`;
  const body = senderBody(thread, sender.email);
  const sourceText = body ? `${header}\n\n${body}` : header;
  const name = nameParts(sender.name);
  const evidence = sender.name.trim();
  const proposal: ContactProposal = {
    firstName: { value: name?.first ?? '', evidence: name?.first ? evidence : '' },
    lastName: { value: name?.last ?? '', evidence: name?.last ? evidence : '' },
    email: { value: sender.email, evidence: sender.email },
  };
  let company: Evidenced | null = null;
  for (const part of signatureLines(body, sender.name.trim()).flatMap((line) => line.split(/\s+\|\s+/))) {
    if (!proposal.phone && isPhone(part)) proposal.phone = { value: part, evidence: part };
    const role = proposal.title ? null : titleAndCompany(part);
    if (role) {
      proposal.title = role.title;
      company = role.company;
    }
  }
  return { proposal, company, sourceText };
}

export const AccountCandidate = z.object({ id: z.string(), name: z.string() });
export type AccountCandidate = z.infer<typeof AccountCandidate>;

/** How the account was found, in words the rep reads beside the review. */
export const AccountMatch = z.object({
  account: z.nullable(AccountCandidate),
  /** "its website is northwind.example", or why no account is set. */
  reason: z.string(),
});
export type AccountMatch = z.infer<typeof AccountMatch>;

const AccountRows = z.object({ records: z.array(z.object({ Id: z.string(), Name: z.nullable(z.string()), Website: z.optional(z.nullable(z.string())) })) });

/** The host of a website as people type it ("www.northwind.example", "https://northwind.example/en"). */
function websiteHost(website: string): string {
  const host = website.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').split(/[/?#:]/)[0] ?? '';
  return host.replace(/^www\./, '');
}

function rowsOf(body: unknown): (AccountCandidate & { website: string })[] {
  const parsed = AccountRows.safeParse(body);
  return parsed.success ? parsed.data.records.map((row) => ({ id: row.Id, name: row.Name ?? row.Id, website: row.Website ?? '' })) : [];
}

const listed = (accounts: readonly AccountCandidate[]): string => accounts.map((account) => account.name).join(', ');

/**
 * The account of a new contact from the sender's domain (the website's host is the domain or ends with it) or, failing
 * that, the signature's company name: one composite request with both queries, run as the rep.
 */
export async function matchAccount(api: Pick<WriteApi, 'apiVersion' | 'composite'>, email: string, company: Evidenced | null): Promise<AccountMatch> {
  const domain = email.split('@')[1]?.toLowerCase() ?? '';
  const byDomain = domain && !PUBLIC_DOMAINS.has(domain);
  if (!byDomain && !company) return { account: null, reason: `${domain || 'The address'} is a public mail domain and the signature names no company, so no account is set.` };
  const subrequests = [
    ...(byDomain
      ? [{ referenceId: 'domain', url: queryUrl(api.apiVersion, selectQuery({ objectName: 'Account', fields: ['Id', 'Name', 'Website'], filters: [{ field: 'Website', operator: 'LIKE', value: { contains: domain } }], limit: ACCOUNTS_READ })) }]
      : []),
    ...(company ? [{ referenceId: 'name', url: queryUrl(api.apiVersion, selectQuery({ objectName: 'Account', fields: ['Id', 'Name'], filters: [textEquals('Name', company.value)], limit: ACCOUNTS_READ })) }] : []),
  ];
  const answers = await api.composite(subrequests);
  const onDomain = rowsOf(answers.get('domain')?.body).filter((row) => {
    const host = websiteHost(row.website);
    return host === domain || host.endsWith(`.${domain}`);
  });
  const named = rowsOf(answers.get('name')?.body);
  const only = (accounts: readonly AccountCandidate[]): AccountCandidate => ({ id: accounts[0]?.id ?? '', name: accounts[0]?.name ?? '' });
  if (onDomain.length === 1) return { account: only(onDomain), reason: t('senderAccount_byDomain', { domain }) };
  if (onDomain.length > 1) return { account: null, reason: t('senderAccount_manyOnDomain', { domain, accounts: listed(onDomain) }) };
  if (named.length === 1) return { account: only(named), reason: t('senderAccount_byName', { company: company?.value ?? '' }) };
  if (named.length > 1) return { account: null, reason: t('senderAccount_manyNamed', { company: company?.value ?? '' }) };
  return { account: null, reason: noAccountReason(byDomain ? domain : null, company?.value ?? null) };
}

function noAccountReason(domain: string | null, company: string | null): string {
  if (domain && company) return t('senderAccount_noneByEither', { domain, company });
  return domain ? t('senderAccount_noneByDomain', { domain }) : t('senderAccount_noneByName', { company: company ?? '' });
}
