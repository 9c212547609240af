/**
 * The rep's view of an object as compact text for the planning prompt: the model can only name what it is shown, and
 * it is shown only what describe lets this rep read (a hidden field never reaches the prompt).
 */
import type { AskField, AskObjectDescribe } from './describe';

const SKIPPED_TYPES = new Set(['address', 'location', 'base64', 'complexvalue', 'anytype']);

function fieldLine(field: AskField, maxValues: number): string {
  const notes: string[] = [field.type];
  if (field.type === 'reference' && field.relationshipName) {
    notes.push(`to ${(field.referenceTo ?? []).join('/')} via ${field.relationshipName}`);
  }
  const values = (field.picklistValues ?? []).filter((entry) => entry.active).map((entry) => entry.value);
  if (values.length > 0) notes.push(`values: ${values.slice(0, maxValues).join(' | ')}${values.length > maxValues ? ' | …' : ''}`);
  if (field.filterable === false) notes.push('not filterable');
  if (field.groupable === true) notes.push('groupable');
  return `- ${field.name} "${field.label}" (${notes.join('; ')})`;
}

export function schemaText(describe: AskObjectDescribe, options: { maxFields?: number; maxValues?: number } = {}): string {
  const { maxFields = 120, maxValues = 25 } = options;
  const fields = describe.fields.filter((field) => !SKIPPED_TYPES.has(field.type.toLowerCase())).slice(0, maxFields);
  return [`${describe.name} "${describe.labelPlural}"`, ...fields.map((field) => fieldLine(field, maxValues))].join('\n');
}
