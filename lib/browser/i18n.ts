import { browser } from 'wxt/browser';
import type { MessageSource } from '../i18n/source';

/** WXT types getMessage with the catalogue's names; plural forms are asked for by a name built at run time. */
type I18nApi = { getMessage(name: string): string; getUILanguage(): string };

/** The extension's i18n API; absent where lib code runs outside a browser (the benchmark and eval tools in Node). */
const api = (): I18nApi | undefined => (browser as { i18n?: I18nApi } | undefined)?.i18n;

/**
 * The browser's own message catalogue: `_locales/<lang>/messages.json` in the browser's UI language, falling back to
 * the manifest's `default_locale`. Named placeholders are filled in by lib/i18n, so no substitutions are passed here.
 */
export const browserMessages: MessageSource = {
  message: (name) => api()?.getMessage(name) ?? '',
  uiLanguage: () => api()?.getUILanguage() ?? 'en',
};
