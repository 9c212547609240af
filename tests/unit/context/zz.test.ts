import { it } from 'vitest';
import { redactText } from '../../../lib/context';
it('dbg', () => {
  for (const t of ['SSN 0 . 01010001 ', 'Account BR11-0000-0000-0000-0000-PP25-9Q06-I closed.', 'SSN 001 010 001']) console.log(JSON.stringify(redactText(t)));
});
