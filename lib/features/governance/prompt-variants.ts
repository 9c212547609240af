/**
 * Prompt variants for this rep: a prompt with a B variant is rendered as A or B by a stable split of the rep's id (a
 * random id made once per browser profile and kept in local storage, never sent anywhere) and the prompt's id.
 */
import { z } from 'zod/mini';
import type { KeyValueStore } from '../../browser/store';
import { assignVariant, hasVariantB, type PromptId, type PromptVariant } from '../../prompts';

const REP_ID_KEY = 'governance:rep-id';
const RepId = z.uuid();

/**
 * The variant of each prompt this rep gets. The rep's id is read (or made) once per worker, at once, so that no
 * generation waits on storage for it.
 */
export function promptVariants(local: KeyValueStore, newId: () => string = () => crypto.randomUUID()): (id: PromptId) => Promise<PromptVariant> {
  const readOrMake = async (): Promise<string> => {
    const stored = RepId.safeParse(await local.get(REP_ID_KEY));
    if (stored.success) return stored.data;
    const made = newId();
    await local.set(REP_ID_KEY, made);
    return made;
  };
  // Storage that cannot be read leaves the rep on A rather than failing their generation.
  const repId = readOrMake().catch(() => null);
  return async (id) => {
    const rep = hasVariantB(id) ? await repId : null;
    return rep ? assignVariant(rep, id) : 'A';
  };
}
