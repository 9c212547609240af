import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaOf, OUTPUT_SCHEMA_FILES } from '../../../scripts/output-schemas';

describe.each(OUTPUT_SCHEMA_FILES)('the structured output of $file', ({ file, output }) => {
  it('sends the JSON schema of the zod schema its answer is checked with (npm run schemas rewrites the file)', () => {
    expect(output.jsonSchema).toEqual(jsonSchemaOf(output.schema));
  });

  it('is the file the worker bundles, in the Messages API form: an object schema without a $schema line', () => {
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(output.jsonSchema);
    expect(output.jsonSchema).toMatchObject({ type: 'object', additionalProperties: false });
    expect(output.jsonSchema).not.toHaveProperty('$schema');
  });
});
