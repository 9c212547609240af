import { browser } from 'wxt/browser';

/** The language of the browser's own interface (a BCP 47 tag such as "de" or "en-US"): the default output language. */
export function browserUiLanguage(): string {
  return browser.i18n.getUILanguage();
}
