/**
 * Picklist values a text states for a field: a listed value written out in full (any letter case), or one part of a
 * value written with a slash ("negotiation" for "Negotiation/Review"). A one-word value or a slash part counts only
 * where the sentence names the field ("stage", "lead source") or a move ("moved to Qualification"), so "closed" in
 * passing is not the "Closed" stage, nor "security review" the "Negotiation/Review" one. When several values are
 * stated, the last one after a move or in a sentence naming the field wins, else the last one.
 */
import type { Found } from './found';
import type { OfferedField } from './fields';

const MOVE = /\b(?:moved?|moving|moves|advanced?|advancing|progressed|went|going|now|changed?|set|updated?|push(?:ed)?|is|are|at|in|into|to)\s+(?:(?:it|the\s+deal|the\s+opportunity|stage)\s+)?(?:to\s+|into\s+|in\s+|at\s+)?$/i;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The spellings a value may be written in: itself, and each slash part of five letters or more. */
function spellings(value: string): string[] {
  const parts = value.includes('/') ? value.split('/').map((part) => part.trim()).filter((part) => part.length >= 5) : [];
  return [value, ...parts];
}

function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n'), before.lastIndexOf('!'), before.lastIndexOf('?')) + 1;
  const after = text.slice(end).search(/[.!?\n]/);
  return text.slice(from, after < 0 ? text.length : end + after);
}

export function findPicklistValue(text: string, field: OfferedField): Found<string> | null {
  const label = new RegExp(`\\b(?:${escape(field.label)}|${escape(field.name)})\\b`, 'i');
  const candidates: (Found<string> & { cued: boolean })[] = [];
  for (const value of field.values) {
    for (const spelling of spellings(value)) {
      const pattern = new RegExp(`(?<![\\w/])${escape(spelling)}(?![\\w/])`, 'gi');
      for (const match of text.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        const moved = MOVE.test(text.slice(Math.max(0, start - 40), start));
        const named = label.test(sentenceAround(text, start, end));
        const written = spelling === value && /[\s/]/.test(value);
        if (!moved && !named && !written) continue;
        if (candidates.some((other) => other.start <= start && other.end >= end)) continue;
        candidates.push({ value, quote: match[0], start, end, cued: moved || named });
      }
    }
  }
  if (candidates.length === 0) return null;
  const ordered = candidates.sort((a, b) => a.start - b.start);
  const pick = [...ordered].reverse().find((candidate) => candidate.cued) ?? ordered[ordered.length - 1];
  if (!pick) return null;
  return { value: pick.value, quote: pick.quote, start: pick.start, end: pick.end };
}
