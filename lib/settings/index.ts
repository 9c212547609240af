import { z } from 'zod';
import type { KeyValueStore } from '../browser';

export const Settings = z.object({
  /** The rep's Anthropic API key; read only by the background worker. */
  anthropicApiKey: z.string().default(''),
});
export type Settings = z.infer<typeof Settings>;

const SETTINGS_KEY = 'settings';

export async function loadSettings(store: KeyValueStore): Promise<Settings> {
  const stored = Settings.safeParse((await store.get(SETTINGS_KEY)) ?? {});
  return stored.success ? stored.data : Settings.parse({});
}

export async function saveSettings(store: KeyValueStore, changes: Partial<Settings>): Promise<Settings> {
  const next = Settings.parse({ ...(await loadSettings(store)), ...changes });
  await store.set(SETTINGS_KEY, next);
  return next;
}

/** Anthropic keys start with `sk-ant-`; anything else is a paste mistake worth saying so about. */
export function apiKeyProblem(key: string): string | null {
  if (key === '') return null;
  return /^sk-ant-[A-Za-z0-9_-]{8,}$/.test(key.trim()) ? null : 'That does not look like an Anthropic API key (they start with "sk-ant-").';
}
