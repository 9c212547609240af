/**
 * People a text names, with what it says about them: a name with a title ("Jane Doe, CFO", "CFO Jane Doe", "Jane Doe
 * (VP of Sales)", "Jane Doe is their new Head of IT", a name line followed by a title line), or a name next to an email
 * address or phone number. Emails and phones go to the person they sit beside (the nearest name before them in the
 * same line or sentence), or whose name the address spells. Companies come from "Title, Company" or "Title at
 * Company". Every part keeps the exact words that state it.
 */
import { scanAll, type Found } from './found';

export interface Person {
  firstName: Found<string>;
  lastName: Found<string>;
  /** The whole name as written ("Dr. Jane Doe"). */
  name: Found<string>;
  title?: Found<string>;
  company?: Found<string>;
  email?: Found<string>;
  phone?: Found<string>;
}

const UPPER_WORD = "\\p{Lu}\\p{Ll}+(?:['’-]\\p{Lu}?\\p{Ll}+)*";
const PARTICLE = '(?:(?:de|da|di|del|van|von|der|la|le|du|bin|al)[ \\t]+)';
const NAME = `(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof)\\.?[ \\t]+)?(${UPPER_WORD})(?:[ \\t]+[A-Z]\\.)?[ \\t]+${PARTICLE}?(${UPPER_WORD}|[A-Z]['’][A-Z][a-z]+|Mc[A-Z][a-z]+)`;
const ACRONYM_TITLE = '(?:CEO|CFO|COO|CTO|CIO|CISO|CRO|CMO|CPO|CSO|GC|SVP|EVP|VP)';
const TITLE_NOUN =
  '(?:Vice President|President|Director|Head|Manager|Lead|Officer|Founder|Co-founder|Partner|Controller|Counsel|Engineer|Architect|Analyst|Buyer|Administrator|Specialist|Consultant|Coordinator|Principal|Treasurer|Owner|Champion|Chair)';
const TITLE_WORDS = "(?:[A-Z][A-Za-z&/-]+[ \\t]+){0,3}";
const OF_PART = "(?:[ \\t]+(?:of|for)[ \\t]+(?:the[ \\t]+)?[A-Z][A-Za-z&/-]*(?:[ \\t]+(?:&[ \\t]+)?[A-Z][A-Za-z&/-]*){0,3})?";
export const TITLE = `(?:(?:${ACRONYM_TITLE}|${TITLE_WORDS}${TITLE_NOUN})${OF_PART}|${ACRONYM_TITLE})`;
const COMPANY = "([A-Z][A-Za-z0-9&.'’-]*(?:[ \\t]+(?:&[ \\t]+)?[A-Z0-9][A-Za-z0-9&.'’-]*){0,4})";

/** Capitalised words that start sentences or name things, never a person's first or last name here. */
const NOT_NAMES = new Set(
  `a an and the this that these those our their his her its my your we they he she it i call met meeting meet spoke
  talked email emailed next step steps send sent follow followup budget deal stage moving moved moves close closing
  new notes note today tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday january february
  march april may june july august september october november december please thanks thank best regards cheers
  hi hello dear team contract legal procurement finance sales marketing operations engineering support account
  opportunity renewal proposal negotiation review closed won lost prospecting qualification value needs perception
  inc corp llc ltd co group holdings partners solutions systems services technologies international company
  vp ceo cfo coo cto cio head director manager lead officer president vice chief senior junior plant quote order
  demo pilot price pricing project phase q1 q2 q3 q4 north south east west global regional`.split(/\s+/),
);

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const PHONE = /(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.-])\d{3,4}[\s.-]\d{3,4}(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?!\w)/g;

export function findEmails(text: string): Found<string>[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ value: m[0], quote: m[0], start: m.index, end: m.index + m[0].length }));
}

export function findPhones(text: string): Found<string>[] {
  return [...text.matchAll(PHONE)]
    .filter((m) => m[0].replace(/\D/g, '').length >= 10)
    .map((m) => ({ value: m[0].trim(), quote: m[0].trim(), start: m.index, end: m.index + m[0].trim().length }));
}

const isName = (first: string, last: string): boolean => !NOT_NAMES.has(first.toLowerCase()) && !NOT_NAMES.has(last.toLowerCase());

interface NameMatch {
  name: Found<string>;
  first: Found<string>;
  last: Found<string>;
}

function nameAt(match: RegExpExecArray, offset: number): NameMatch | null {
  const whole = match[0];
  const first = match[1] ?? '';
  const last = match[2] ?? '';
  if (!isName(first, last)) return null;
  const start = match.index + offset;
  const firstStart = start + whole.indexOf(first);
  const lastStart = start + whole.lastIndexOf(last);
  return {
    name: { value: `${first} ${last}`, quote: whole, start, end: start + whole.length },
    first: { value: first, quote: first, start: firstStart, end: firstStart + first.length },
    last: { value: last, quote: last, start: lastStart, end: lastStart + last.length },
  };
}

function found(text: string, value: string, start: number): Found<string> {
  return { value, quote: text.slice(start, start + value.length), start, end: start + value.length };
}

/** Names with a title around them, in the orders people write them. */
function titledNames(text: string): { name: NameMatch; title: Found<string>; company?: Found<string> }[] {
  const out: { name: NameMatch; title: Found<string>; company?: Found<string> }[] = [];
  const after = new RegExp(`${NAME}(\\s*(?:,|\\(|\\||[-–—]|\\bis\\b|\\bas\\b|\\n)\\s*(?:(?:the|their|our|his|her|a|an)\\s+)?(?:new\\s+)?)(${TITLE})(?:(\\s*(?:,|\\||\\bat\\b|@|\\n)\\s*)${COMPANY})?`, 'gu');
  for (const m of text.matchAll(after)) {
    const nameMatch = new RegExp(NAME, 'u').exec(m[0]);
    const name = nameMatch ? nameAt(nameMatch, m.index) : null;
    const titleText = m[4] ?? '';
    if (!name || !titleText) continue;
    const titleStart = m.index + (nameMatch?.[0].length ?? 0) + (m[3] ?? '').length;
    const companyText = m[6];
    const companyStart = titleStart + titleText.length + (m[5] ?? '').length;
    const company = companyText && !new RegExp(`^${TITLE}$`, 'u').test(companyText) ? found(text, trimCompany(companyText), companyStart) : undefined;
    out.push({ name, title: found(text, titleText, titleStart), ...(company ? { company } : {}) });
  }
  const before = new RegExp(`(${ACRONYM_TITLE}|${TITLE_WORDS}${TITLE_NOUN}${OF_PART})\\s+${NAME}`, 'gu');
  for (const m of text.matchAll(before)) {
    const titleText = m[1] ?? '';
    const rest = m[0].slice(titleText.length);
    const nameMatch = new RegExp(NAME, 'u').exec(rest);
    const name = nameMatch ? nameAt(nameMatch, m.index + titleText.length + (nameMatch.index ?? 0)) : null;
    if (name && !out.some((item) => overlaps(item.name.name, name.name))) out.push({ name, title: found(text, titleText, m.index) });
  }
  return out;
}

function trimCompany(company: string): string {
  return company.replace(/[.,]+$/, '').trim();
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** Where the sentence or line around `index` ends: people's details are read within it. */
function clauseEnd(text: string, index: number): number {
  const rest = text.slice(index);
  const stop = /(?:[.!?](?=\s|$)(?<![A-Z]\.)|\n\s*\n|;)/.exec(rest);
  return stop ? index + stop.index : text.length;
}

/** Whether the sentence holding `item` is about the person: it names them by first name or holds their email. */
function aboutPerson(text: string, item: Found<string>, firstName: string, email: Found<string> | undefined): boolean {
  const before = text.slice(0, item.start);
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1;
  const sentence = text.slice(from, clauseEnd(text, item.start));
  return (email !== undefined && email.start >= from && email.start < item.start) || new RegExp(`(^|[^\\p{L}])${firstName}(?![\\p{L}])`, 'u').test(sentence);
}

function nameSpellsAddress(name: NameMatch, email: string): boolean {
  const local = email.split('@')[0]?.toLowerCase().replace(/[^a-z]/g, '') ?? '';
  const first = name.first.value.toLowerCase().replace(/[^a-z]/g, '');
  const last = name.last.value.toLowerCase().replace(/[^a-z]/g, '');
  return local === `${first}${last}` || local === `${first[0] ?? ''}${last}` || local === `${first}${last[0] ?? ''}` || local === first;
}

/**
 * The people of a text. `withContactOnly` also counts a name that has only an email or a phone beside it (a
 * signature, an attendee list); otherwise a person needs a title, or an address that spells their name.
 */
export function findPeople(text: string, options: { withContactOnly?: boolean } = {}): Person[] {
  const people: (Person & { anchor: NameMatch })[] = [];
  for (const item of titledNames(text)) {
    if (people.some((person) => overlaps(person.name, item.name.name))) continue;
    people.push({ anchor: item.name, name: item.name.name, firstName: item.name.first, lastName: item.name.last, title: item.title, ...(item.company ? { company: item.company } : {}) });
  }
  const emails = findEmails(text);
  const phones = findPhones(text);
  // A title or a company is not a person, even when it reads like a name ("Umbrella Health").
  const described = people.flatMap((person) => [person.title, person.company].filter((part): part is Found<string> => part !== undefined));
  const names = scanAll<NameMatch>(text, [[new RegExp(NAME, 'u'), (m) => nameAt(m, 0)]])
    .map((item) => item.value)
    .filter((name) => !described.some((part) => overlaps(part, name.name)));
  for (const email of emails) {
    const spelled = names.find((name) => nameSpellsAddress(name, email.value));
    const beside = [...names].reverse().find((name) => name.name.end <= email.start && clauseEnd(text, name.name.end) >= email.start);
    const owner = spelled ?? (options.withContactOnly ? beside : undefined);
    if (owner && !people.some((person) => overlaps(person.name, owner.name))) {
      people.push({ anchor: owner, name: owner.name, firstName: owner.first, lastName: owner.last });
    }
  }
  if (options.withContactOnly) {
    for (const phone of phones) {
      const beside = [...names].reverse().find((name) => name.name.end <= phone.start && clauseEnd(text, name.name.end) >= phone.start);
      if (beside && !people.some((person) => overlaps(person.name, beside.name))) {
        people.push({ anchor: beside, name: beside.name, firstName: beside.first, lastName: beside.last });
      }
    }
  }
  people.sort((a, b) => a.name.start - b.name.start);
  return people.map((person, index) => {
    const next = people[index + 1]?.name.start ?? text.length;
    const reach = (at: number): boolean => at >= person.name.end && at < next && at <= clauseEnd(text, person.name.end) + 1;
    const email = emails.find((item) => nameSpellsAddress(person.anchor, item.value)) ?? emails.find((item) => reach(item.start));
    const phone = phones.find((item) => reach(item.start)) ?? phones.find((item) => aboutPerson(text, item, person.firstName.value, email));
    const { name, firstName, lastName, title, company } = person;
    return { name, firstName, lastName, ...(title ? { title } : {}), ...(company ? { company } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
  });
}
