/**
 * The grounding check: the spans of a model's output that state a fact (a number, an amount of money, a percentage, a
 * date, a time, an email address, a phone number, a person's name) the context it was given does not support.
 *
 * Both texts are read by the same recognisers, so a fact matches whatever format either side writes it in:
 * "$1.2M" = "$1,200,000" = "1200000"; "2026-12-15" = "Dec 15, 2026" = "12/15/2026" = "15 December 2026";
 * "45%" = "45 percent"; phones by their digits (punctuation and a country code ignored); emails ignoring letter case.
 * Rounded figures ("$1.2M", "48.5K") are supported by a context value that rounds to them (within 5%). Citation
 * markers ([r1a2], [r1a2][c2fl], [r1a2, c2fl]), redaction placeholders and URLs are not claims.
 *
 * Names: runs of two or more capitalised words ("Sarah Chen", "Ms. Park") that are not in the context, after ordinary
 * words are trimmed from either end (sentence starts, headings, months, weekdays, CRM vocabulary); single first names
 * only after a greeting ("Hi Sarah,") or as a sign-off. Derived figures (a sum, a count, a converted time) are not in
 * the context and are reported: the rep should see them as unverified.
 */

import { readClaims } from './grounding-claims';
import { contextFacts } from './grounding-facts';
import { localeConventions } from './grounding-locale';
import { currenciesAgree, type Amount, type Claim, type DateParts, type Facts } from './grounding-text';

export type ClaimKind = 'number' | 'money' | 'percent' | 'date' | 'time' | 'email' | 'phone' | 'name';

export interface UnsupportedClaim {
  /** The span as it appears in the output. */
  text: string;
  kind: ClaimKind;
}

export interface LocatedClaim extends UnsupportedClaim {
  /** Offsets in the output, for highlighting. */
  start: number;
  end: number;
}

/** How the output is written: its locale's numbers, dates and words (default en-US). */
export interface GroundingOptions {
  locale?: string;
}

export function findUnsupportedClaims(output: string, context: string, options: GroundingOptions = {}): UnsupportedClaim[] {
  return locateUnsupportedClaims(output, context, options).map(({ text, kind }) => ({ text, kind }));
}

function reportedKind(claim: Claim): ClaimKind {
  if (claim.kind === 'code') return 'number';
  if (claim.kind === 'quarter') return 'date';
  return claim.kind;
}

/**
 * The output is read in its own locale's conventions ("1.234,56 €" is 1234.56 in German); the context in English and,
 * when the output's language writes numbers otherwise, in that language too (a thread may be written in it).
 */
export function locateUnsupportedClaims(output: string, context: string, options: GroundingOptions = {}): LocatedClaim[] {
  const conventions = localeConventions(options.locale);
  const facts = contextFacts(context, conventions);
  const claims = readClaims(output, facts.lineIds, facts, conventions);
  return claims
    .filter((claim) => !isSupported(claim, facts))
    .map((claim) => ({ text: output.slice(claim.start, claim.end), kind: reportedKind(claim), start: claim.start, end: claim.end }))
    .sort((a, b) => a.start - b.start);
}

// Support

const near = (a: number, b: Amount): boolean => Math.abs(Math.abs(a) - Math.abs(b.value)) <= b.tolerance + 1e-9;
const amountsMatch = (claim: Amount, fact: Amount): boolean =>
  Math.abs(Math.abs(claim.value) - Math.abs(fact.value)) <= Math.max(claim.tolerance, fact.tolerance) + 1e-9;

function sameDate(claim: DateParts, fact: DateParts): boolean {
  return (
    (claim.year === undefined || claim.year === fact.year) &&
    (claim.month === undefined || claim.month === fact.month) &&
    (claim.day === undefined || claim.day === fact.day) &&
    // A full date needs a full date; a partial one (Dec 15, December 2026) any date that has those parts.
    (claim.day === undefined || fact.day !== undefined) &&
    (claim.month === undefined || fact.month !== undefined)
  );
}

function phoneMatches(claim: string, fact: string): boolean {
  if (claim === fact) return true;
  if (claim.length >= 10 && fact.length >= 10 && claim.slice(-10) === fact.slice(-10)) return true;
  // A local number (555-0142) within a full one, or a full one with a country code added.
  return (claim.length >= 7 && fact.endsWith(claim)) || (fact.length >= 7 && claim.endsWith(fact));
}

function isSupported(claim: Claim, facts: Facts): boolean {
  switch (claim.kind) {
    case 'email':
      return facts.emails.has(claim.address);
    case 'phone':
      return facts.phones.some((fact) => phoneMatches(claim.digits, fact));
    case 'money':
      return facts.amounts.some(
        (fact) => fact.kind !== 'percent' && amountsMatch(claim, fact) && currenciesAgree(claim.currency, fact.currency),
      );
    case 'percent':
      return facts.amounts.some((fact) => fact.kind === 'percent' && amountsMatch(claim, fact));
    case 'number':
      if (facts.amounts.some((fact) => amountsMatch(claim, fact))) return true;
      if (claim.ordinal) return facts.dates.some((date) => date.day !== undefined && near(date.day, claim));
      if (claim.yearLike) return facts.dates.some((date) => date.year === claim.value);
      return false;
    case 'code':
      return new RegExp(`(?<![A-Za-z0-9])${claim.code.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}(?![A-Za-z0-9])`, 'i').test(facts.raw);
    case 'date':
      return claim.readings.some((reading) => facts.dates.some((fact) => sameDate(reading, fact)));
    case 'quarter':
      return (
        facts.quarters.has(`${claim.literal}${claim.year ?? ''}`) ||
        facts.dates.some(
          (date) =>
            date.month !== undefined &&
            Math.ceil(date.month / 3) === claim.quarter &&
            (claim.year === undefined || date.year === claim.year),
        )
      );
    case 'time':
      return claim.minutes.some((minute) => facts.minutes.has(minute));
    case 'name':
      return facts.supportsName(claim.tokens);
    default:
      return true;
  }
}
