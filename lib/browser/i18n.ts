import { browser } from 'wxt/browser';
import type { MessageSource } from '../i18n/source';

/**
 * The browser's own message catalogue: `_locales/<lang>/messages.json` in the browser's UI language, falling back to
 * the manifest's `default_locale`. Named placeholders are filled in by lib/i18n, so no substitutions are passed here.
 */
/** WXT types getMessage with the catalogue's names; plural forms are asked for by a name built at run time. */
const getMessage = browser.i18n.getMessage as (name: string) => string;

export const browserMessages: MessageSource = {
  message: (name) => getMessage(name),
  uiLanguage: () => browser.i18n.getUILanguage(),
};
