/**
 * The sandbox's demo model is fenced to the sandbox: the production build (what `npm run build` writes to .output/,
 * and what the store package zips) holds nothing of its code. Markers are strings only the demo model's code has: its
 * id, and sentences it writes. The test first checks the markers are still in that code, so it cannot pass by a
 * marker going stale.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_MODEL } from '../sandbox/anthropic';

const OUTPUT = resolve(import.meta.dirname, '../../.output');
const DEMO_SOURCE = resolve(import.meta.dirname, '../sandbox/anthropic/demo');
const MARKERS = [DEMO_MODEL.id, 'nothing grounded to say', 'Could you let me know whether that works for you?', 'try a longer period or fewer conditions'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the production bundle', () => {
  it('contains nothing of the demo model: none of its markers is in any built file', () => {
    const source = filesUnder(DEMO_SOURCE).map((file) => readFileSync(file, 'utf8')).join('\n');
    for (const marker of MARKERS) expect(source, marker).toContain(marker);

    const built = filesUnder(OUTPUT);
    expect(built.some((file) => file.endsWith('background.js'))).toBe(true);
    const found = built.flatMap((file) => {
      const text = readFileSync(file).toString('latin1');
      return MARKERS.filter((marker) => text.includes(marker)).map((marker) => `${file}: ${marker}`);
    });
    expect(found).toEqual([]);
  });
});
