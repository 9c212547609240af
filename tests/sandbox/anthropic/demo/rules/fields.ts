/**
 * The fields a request offers, read from the two ways the product lists them: the write prompts' `<fields>`
 * ("- StageName (Stage; picklist: Prospecting, Closed Won; restricted)") and the planner's objects
 * ('Opportunity "Opportunities"' then '- StageName "Stage" (picklist; values: Prospecting | Closed Won; groupable)').
 */
export interface OfferedField {
  name: string;
  label: string;
  type: string;
  /** Picklist values, as listed. */
  values: string[];
  /** A reference's relationship name ("Account" for AccountId) and the objects it points to. */
  relationshipName?: string;
  referenceTo?: string[];
  filterable: boolean;
}

export interface OfferedObject {
  name: string;
  labelPlural: string;
  fields: OfferedField[];
}

const WRITE_LINE = /^-\s+([A-Za-z][\w.]*)\s+\(([^;()]*(?:\([^)]*\))?[^;()]*);\s*([a-z]+)(?::\s*(.*?))?(?:,\s*at most \d+ characters)?(?:;\s*restricted)?\)\s*$/;

/** The `<fields>` of a write prompt. */
export function writeFields(text: string | undefined): OfferedField[] {
  return (text ?? '').split('\n').flatMap((line) => {
    const match = WRITE_LINE.exec(line.trim());
    if (!match) return [];
    const values = match[4] ? match[4].split(/,\s+/).map((value) => value.trim()).filter(Boolean) : [];
    return [{ name: match[1] ?? '', label: (match[2] ?? '').trim(), type: match[3] ?? '', values, filterable: true }];
  });
}

const OBJECT_LINE = /^([A-Za-z][\w]*)\s+"([^"]+)"$/;
const PLAN_FIELD_LINE = /^-\s+([A-Za-z][\w]*)\s+"([^"]*)"\s+\((.*)\)$/;

/** The objects and fields of the planning prompt's context. */
export function planObjects(text: string | undefined): OfferedObject[] {
  const objects: OfferedObject[] = [];
  for (const raw of (text ?? '').split('\n')) {
    const line = raw.trim();
    const object = OBJECT_LINE.exec(line);
    if (object) {
      objects.push({ name: object[1] ?? '', labelPlural: object[2] ?? '', fields: [] });
      continue;
    }
    const field = PLAN_FIELD_LINE.exec(line);
    const current = objects[objects.length - 1];
    if (!field || !current) continue;
    const notes = (field[3] ?? '').split(/;\s*/);
    const reference = notes.map((note) => /^to (.+) via (\w+)$/.exec(note)).find(Boolean);
    const values = notes.map((note) => /^values: (.*)$/.exec(note)?.[1]).find((value) => value !== undefined);
    current.fields.push({
      name: field[1] ?? '',
      label: field[2] ?? '',
      type: notes[0] ?? '',
      values: values ? values.split(' | ').filter((value) => value !== '…') : [],
      ...(reference ? { relationshipName: reference[2], referenceTo: (reference[1] ?? '').split('/') } : {}),
      filterable: !notes.includes('not filterable'),
    });
  }
  return objects;
}
