import { sha256Hex } from '../../audit';
import { createClient } from '../../model/client';
import { toModelProblem } from '../../model/problems';
import type { ModelSettings } from '../../model/types';
import { KEY_CHECK_KEY } from './keys';
import { KeyCheck } from './messages';
import { plural, t } from '../../i18n';


/** Identifies a key and gateway pair without keeping the key. */
export async function keyFingerprint(apiKey: string, baseUrl: string): Promise<string> {
  return (await sha256Hex(`${baseUrl}\u0000${apiKey}`)).slice(0, 16);
}

/**
 * One cheap call that proves the key works: counting the tokens of a one-word message costs nothing and generates
 * nothing. A gateway without the count endpoint is asked for a single output token instead.
 */
export async function testApiKey(settings: ModelSettings, fetchImpl?: typeof fetch): Promise<{ ok: boolean; message: string }> {
  const client = createClient({ ...settings, maxRetries: 0, timeoutMs: 15_000 }, fetchImpl);
  const messages = [{ role: 'user' as const, content: 'ping' }];
  try {
    try {
      const counted = await client.countTokens({ model: settings.model, messages });
      return { ok: true, message: plural('keyCheck_works', counted.input_tokens) };
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await client.createMessage({ model: settings.model, max_tokens: 1, messages });
      return { ok: true, message: t('keyCheck_gatewayWorks') };
    }
  } catch (error) {
    return { ok: false, message: toModelProblem(error).message };
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'status' in error && error.status === 404;
}

export function parseKeyCheck(stored: unknown): KeyCheck | null {
  const parsed = KeyCheck.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** Keeps a check's result, so the panel's checklist shows what the options page's Test found. */
export async function keepKeyCheck(
  store: { set(key: string, value: unknown): Promise<void> },
  key: { apiKey: string; baseUrl: string },
  result: { ok: boolean; message: string },
  now: Date,
): Promise<void> {
  const check: KeyCheck = { fingerprint: await keyFingerprint(key.apiKey, key.baseUrl), ...result, at: now.toISOString() };
  await store.set(KEY_CHECK_KEY, check);
}
