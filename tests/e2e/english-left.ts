/**
 * English left in a German view: the panel's own words that did not go through the catalogue. A text (or a worded
 * attribute) is English when it is an English catalogue message German words differently, or when it uses two or more
 * English function words. What the org and the model wrote (record data, generated text, quoted evidence, query rows)
 * is the rep's content, in whatever language it was written, and is not looked at.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';

const LOCALES = resolve(import.meta.dirname, '../../public/_locales');
const catalogue = (locale: string): Record<string, { message: string }> => JSON.parse(readFileSync(resolve(LOCALES, locale, 'messages.json'), 'utf8'));

/** English messages whose German differs, without placeholders (a filled one cannot be matched whole). */
function englishOnlyMessages(): string[] {
  const english = catalogue('en');
  const german = catalogue('de');
  return Object.entries(english)
    .filter(([key, { message }]) => german[key]?.message !== message && !message.includes('{') && /\p{L}{3}/u.test(message))
    .map(([, { message }]) => message);
}

/** Where the panel shows the org's data, the model's text or the rep's own words: content, not the panel's words. */
const CONTENT = [
  '[data-testid=key-fields] dd',
  '[data-testid=record-name]',
  '[data-testid=record-object]',
  '[data-testid=change]',
  '[data-testid=generation-text]',
  '.gw-markdown',
  '[data-testid=ask-results]',
  '[data-testid=ask-soql]',
  '.gw-evidence-quote',
  '[data-testid=row-current]',
  '[data-testid=review-row] input',
  '[data-testid=context-preview] pre',
  '[data-testid=gmail-card] [data-testid=mail-person]',
  '[data-testid=audit-table] td',
  '[data-testid=ask-question]',
  '.gw-review-row__label',
  'textarea',
].join(', ');

export async function englishLeft(page: Page): Promise<string[]> {
  return page.evaluate(
    (messages, content) => {
      const known = new Set(messages);
      const FUNCTION_WORDS = /\b(the|and|of|to|is|are|your|you|with|for|this|that|not|can|be|was|has|have|will|from|it|no|nothing|before|after|when|which|there)\b/gi;
      const english = (text: string): boolean => {
        const trimmed = text.replace(/\s+/g, ' ').trim();
        if (trimmed === '') return false;
        if (known.has(trimmed)) return true;
        const words = new Set((trimmed.match(FUNCTION_WORDS) ?? []).map((word) => word.toLowerCase()));
        return words.size >= 2;
      };
      const found = new Set<string>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(content) || parent.closest('script, style, [hidden]')) continue;
        if (english(node.textContent ?? '')) found.add((node.textContent ?? '').replace(/\s+/g, ' ').trim());
      }
      // A stacked table shows its cells' data-label as their heading.
      for (const element of document.body.querySelectorAll('[title], [aria-label], [placeholder], [alt], [data-label]')) {
        if (element.closest(content)) continue;
        for (const name of ['title', 'aria-label', 'placeholder', 'alt', 'data-label']) {
          const value = element.getAttribute(name);
          if (value && english(value)) found.add(`${name}="${value}"`);
        }
      }
      return [...found];
    },
    englishOnlyMessages(),
    CONTENT,
  );
}
