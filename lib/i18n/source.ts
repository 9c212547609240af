/** Where message texts come from: the browser's catalogue in the extension, a locale file in unit tests. */
export interface MessageSource {
  /** The message's text in the UI language, or '' when the catalogue has no such message. */
  message(name: string): string;
  /** A BCP 47 tag such as `de` or `en-US`. */
  uiLanguage(): string;
}
