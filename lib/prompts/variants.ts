/**
 * Which variant of a prompt a rep gets: a stable split by the rep's id and the prompt's, so a rep always sees the same
 * variant of a prompt (their outcomes stay comparable) and different prompts split reps independently.
 */
import type { PromptVariant } from './front-matter';

/** FNV-1a over the text, then MurmurHash3's finalizer: every output bit depends on every input bit (FNV's own low bit does not). */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export function assignVariant(repId: string, promptId: string): PromptVariant {
  return hash32(`${repId}\u0000${promptId}`) >>> 31 === 0 ? 'A' : 'B';
}
