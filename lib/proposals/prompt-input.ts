/**
 * What the extraction prompts are given: the fields the rep may write (from describe, as the rep sees them), today's
 * date, and the source text redacted like any context. The model's JSON comes back with the placeholders restored, so
 * quotes are checked against the text the rep actually wrote.
 */
import { z } from 'zod/mini';
import { redactText, restoreRedactions, type ValueRedaction } from '../context/redact';
import type { WriteField, WriteObjectDescribe } from './describe';
import type { Operation } from './validate';
import { writableField } from './validate';

const MAX_PICKLIST_VALUES = 30;

function fieldLine(field: WriteField): string {
  const active = (field.picklistValues ?? []).filter((entry) => entry.active).map((entry) => entry.value);
  if (active.length > 0) {
    const shown = active.slice(0, MAX_PICKLIST_VALUES).join(', ');
    return `- ${field.name} (${field.label}; ${field.type}: ${shown}${field.restrictedPicklist ? '; restricted' : ''})`;
  }
  const length = field.type === 'string' || field.type === 'textarea' ? `, at most ${field.length} characters` : '';
  return `- ${field.name} (${field.label}; ${field.type}${length})`;
}

/** The fields of this describe the rep may set this way, one line each: what the model may propose, and nothing else. */
export function writableFieldLines(describe: WriteObjectDescribe, operation: Operation, except: readonly string[] = []): string {
  const skip = new Set(except.map((name) => name.toLowerCase()));
  return describe.fields
    .filter((field) => !skip.has(field.name.toLowerCase()) && writableField(describe, field.name, operation).ok)
    .map(fieldLine)
    .join('\n');
}

/** The source text as it may leave the browser: sensitive values and the rep's and organization's patterns replaced. */
export function redactSource(text: string, patterns: readonly RegExp[]): { text: string; redactions: ValueRedaction[] } {
  return redactText(text, [], patterns);
}

/**
 * The model's proposal with the originals put back where it echoed a placeholder. The values redaction replaces
 * (SSNs, card numbers, IBANs) hold no characters that JSON escapes, so restoring in the JSON text keeps it valid;
 * the result is checked against the schema again.
 */
export function restoreProposal<T>(schema: z.ZodMiniType<T>, proposal: T, redactions: readonly ValueRedaction[]): T {
  if (redactions.length === 0) return proposal;
  return schema.parse(JSON.parse(restoreRedactions(JSON.stringify(proposal), redactions)));
}
