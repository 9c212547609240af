import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { MessageSource } from '../../../lib/i18n';

export const LOCALES_DIR = resolve(import.meta.dirname, '../../../public/_locales');

const catalogueSchema = z.record(z.string(), z.object({ message: z.string(), description: z.string().optional() }).strict());
export type Catalogue = z.infer<typeof catalogueSchema>;

export const locales = (): string[] => readdirSync(LOCALES_DIR).sort();

export function readCatalogue(locale: string): Catalogue {
  return catalogueSchema.parse(JSON.parse(readFileSync(resolve(LOCALES_DIR, locale, 'messages.json'), 'utf8')));
}

/** A locale's catalogue as the browser would serve it (message names are case-insensitive in Chrome). */
export function localeSource(locale: string): MessageSource {
  const byName = new Map(Object.entries(readCatalogue(locale)).map(([name, { message }]) => [name.toLowerCase(), message]));
  return { message: (name) => byName.get(name.toLowerCase()) ?? '', uiLanguage: () => locale };
}
