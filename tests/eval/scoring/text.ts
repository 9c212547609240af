/**
 * Reading an output for the labelled facts: whether a fact is stated, which lines carry a citation, how many words.
 * Deliberately loose about form (case, spacing, dashes, Markdown) and strict about content.
 */
import type { Fact, Term } from '../cases/types';

export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ');
}

const termIn = (term: Term, text: string): boolean =>
  (typeof term === 'string' ? [term] : term).some((alternative) => text.includes(normalise(alternative)));

export function states(fact: Fact, text: string): boolean {
  const normal = normalise(text);
  return fact.says.every((term) => termIn(term, normal));
}

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,/$%-]*/gu)?.length ?? 0;
}

const CITATION = /\[([A-Za-z][A-Za-z0-9]{0,7})\]/g;

/** The lines of an output that state something: bullets and sentences, not headings, questions or empty lines. */
export function statementLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^#{1,6}\s/.test(line) && !/^\*\*[^*]+\*\*:?$/.test(line) && !/\?\s*(\[[^\]]*\]\s*)*$/.test(line));
}

/** The share of statement lines that cite at least one line id the context really has (1 when there are none). */
export function citedShare(text: string, knownIds: ReadonlySet<string>): number {
  const lines = statementLines(text);
  if (lines.length === 0) return 0;
  const cited = lines.filter((line) => [...line.matchAll(CITATION)].some((match) => knownIds.has(match[1] ?? '')));
  return cited.length / lines.length;
}

/** Citations of ids the context does not have. */
export function unknownCitations(text: string, knownIds: ReadonlySet<string>): string[] {
  return [...text.matchAll(CITATION)].map((match) => match[1] ?? '').filter((id) => !knownIds.has(id) && !/^(SSN|CARD|IBAN)-?\d*$/i.test(id));
}

/** The ids of the context lines ("ab12 …" at the start of a line). */
export function contextIds(context: string): Set<string> {
  return new Set([...context.matchAll(/^([a-z][a-z0-9]{1,5}) /gm)].map((match) => match[1] ?? ''));
}

/** What an email body to a person needs, a draft's or a Gmail reply's: their first name in the greeting, a sign-off, no line ids. */
export function mailChecks(body: string, recipientName: string): Record<string, boolean> {
  const firstName = recipientName.split(' ')[0] ?? '';
  const lines = body.trim().split('\n');
  return {
    'greets the recipient by first name': new RegExp(`\\b${firstName}\\b`).test(lines[0] ?? ''),
    'signs off': /\b(regards|thanks|thank you|best|cheers|sincerely)\b/i.test(lines.slice(-3).join(' ')),
    'no citations in the body': !/\[[a-z][a-z0-9]{1,7}\]/i.test(body),
  };
}
