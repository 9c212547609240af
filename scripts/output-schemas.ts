/**
 * `npm run schemas`: writes the JSON schema of each structured output (an answer the model gives as JSON) from its zod
 * schema. The worker sends these files as they are, so it does not carry zod's JSON Schema converter;
 * tests/unit/model/output-schemas.test.ts fails while a file and its zod schema differ.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod/mini';
import { QueryPlanOutput } from '../lib/features/ask/plan';
import type { StructuredOutput } from '../lib/model';
import { LeadProposalOutput, NoteProposalOutput } from '../lib/proposals/schemas';

const REPO_ROOT = resolve(import.meta.dirname, '..');

/** Each structured output with the file its JSON schema is read from. */
export const OUTPUT_SCHEMA_FILES: readonly { file: string; output: StructuredOutput<unknown> }[] = [
  { file: 'lib/features/ask/plan.schema.json', output: QueryPlanOutput },
  { file: 'lib/proposals/note-proposal.schema.json', output: NoteProposalOutput },
  { file: 'lib/proposals/lead-proposal.schema.json', output: LeadProposalOutput },
];

/** The JSON schema the Messages API takes for structured output: the answer's shape, without the `$schema` line. */
export function jsonSchemaOf(schema: z.ZodMiniType): Record<string, unknown> {
  const jsonSchema: Record<string, unknown> = { ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) };
  delete jsonSchema.$schema;
  return jsonSchema;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  for (const { file, output } of OUTPUT_SCHEMA_FILES) {
    writeFileSync(resolve(REPO_ROOT, file), `${JSON.stringify(jsonSchemaOf(output.schema), null, 2)}\n`);
    console.log(`wrote ${file}`);
  }
}
