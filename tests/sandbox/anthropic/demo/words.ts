/**
 * The demo model's own words in the languages it writes: English, and German when the request's <output_language>
 * asks for German (any other language it answers in English, as a model that does not know it would). Values quoted
 * from the context keep their words; in German their numbers and dates are written the German way (germanFormats).
 */
import type { ReadPrompt } from './prompt';

export type DemoLanguage = 'en' | 'de';

export function languageOf(prompt: Pick<ReadPrompt, 'tags'>): DemoLanguage {
  return /\b(German|Deutsch|de-[A-Z]{2})\b/.test(prompt.tags.get('output_language') ?? '') ? 'de' : 'en';
}

export interface Words {
  nothingGrounded: string;
  thisDeal: string;
  stage(value: string): string;
  amount(value: string): string;
  closeDate(value: string): string;
  nextStep(value: string): string;
  overdueTask: string;
  overdueDeal: string;
  checkSupport: string;
  noNextStep: string;
  confirmNextStep(value: string): string;
  closeOut(task: string): string;
  pickUp(value: string): string;
  addressCase(value: string): string;
  checkTimeline(value: string): string;
  questions: { whatNext: string; whoDecides: string; overdue: string; success: string; blockers: string };
  noIssues: string;
  won: string;
  lost: string;
  forComparison: string;
  moveCloseDate(value: string): string;
  recordNextStep(deal: string): string;
  addContactRoles(deal: string): string;
  finishTask(task: string): string;
  followThrough(value: string): string;
  useReference(value: string): string;
  /** A section heading the instructions list, in this language. */
  heading(name: string): string;
  /** A deterministic check's finding (lib/features/generate/deal-checks.ts), in this language. */
  check(text: string): string;
  email: {
    subjects: [RegExp, (name: string) => string][];
    ourConversation: string;
    thanks: string;
    recap(record: string, stage: string): string;
    intro(record: string): string;
    followUp(record: string): string;
    nextStep(value: string): string;
    openItem(value: string): string;
    comeBack: string;
    works: string;
    greeting(firstName: string): string;
    signOff: string;
  };
}

const ENGLISH: Words = {
  nothingGrounded: 'The context has no cited lines to write from, so there is nothing grounded to say.',
  thisDeal: 'this deal',
  stage: (value) => `stage ${value}`,
  amount: (value) => `amount ${value}`,
  closeDate: (value) => `close date ${value}`,
  nextStep: (value) => `Next step: ${value}`,
  overdueTask: 'complete it or agree a new due date',
  overdueDeal: 'update the close date or the stage',
  checkSupport: 'check where support stands before the next call',
  noNextStep: 'no next step is recorded, so agree one',
  confirmNextStep: (value) => `confirm the next step, ${value}`,
  closeOut: (task) => `agree how to close out ${task}`,
  pickUp: (value) => `pick up from the latest interaction, ${value}`,
  addressCase: (value) => `address the open case, ${value}`,
  checkTimeline: (value) => `check the timeline against the close date ${value}`,
  questions: {
    whatNext: 'What needs to happen next, and who owns it?',
    whoDecides: 'Who else takes part in the decision, and what do they need to see?',
    overdue: 'What is holding up the overdue items, and what new dates work?',
    success: 'What would make this a success for them this year?',
    blockers: 'Is anything in the way of signing on the current timeline?',
  },
  noIssues: 'The checks found no issues.',
  won: 'won',
  lost: 'lost',
  forComparison: 'this deal, for comparison',
  moveCloseDate: (value) => `move the close date ${value} to a date the buyer confirms`,
  recordNextStep: (deal) => `record a next step on ${deal}`,
  addContactRoles: (deal) => `add the buying contacts as contact roles on ${deal}`,
  finishTask: (task) => `finish the open task ${task}`,
  followThrough: (value) => `follow through on the next step, ${value}`,
  useReference: (value) => `use the won deal as a reference, ${value}`,
  heading: (name) => name,
  check: (text) => text,
  email: {
    subjects: [
      [/recap/i, (name) => `Recap: ${name}`],
      [/intro/i, (name) => `Introduction: ${name}`],
      [/check/i, (name) => `Checking in on ${name}`],
      [/follow/i, (name) => `Next steps on ${name}`],
    ],
    ourConversation: 'our conversation',
    thanks: 'Thank you for your message.',
    recap: (record, stage) => `Here is where ${record} stands: we are at the ${stage} stage.`,
    intro: (record) => `I am reaching out about ${record}, and would value a short conversation.`,
    followUp: (record) => `I wanted to follow up on ${record}.`,
    nextStep: (value) => `The next step on our side: ${value}.`,
    openItem: (value) => `The open item on our list is ${value}.`,
    comeBack: 'I will come back to you on the details shortly.',
    works: 'Could you let me know whether that works for you?',
    greeting: (firstName) => `Hi ${firstName || 'there'},`,
    signOff: 'Best regards',
  },
};

/** The section names the prompts list, in German. */
const GERMAN_HEADINGS: [RegExp, string][] = [
  [/bottom line/i, 'Fazit'],
  [/attention/i, 'Handlungsbedarf'],
  [/changed/i, 'Neu seit Ihrem letzten Besuch'],
  [/recent activit/i, 'Letzte Aktivitäten'],
  [/recent interaction/i, 'Letzte Kontakte'],
  [/open opportunit/i, 'Offene Verkaufschancen'],
  [/open case/i, 'Offene Fälle'],
  [/contact/i, 'Wichtige Kontakte'],
  [/attendee/i, 'Teilnehmer'],
  [/^meeting/i, 'Termin'],
  [/background/i, 'Hintergrund'],
  [/open items/i, 'Offene Punkte'],
  [/talking/i, 'Gesprächspunkte'],
  [/question/i, 'Fragen'],
  [/health/i, 'Zustand der Verkaufschance'],
  [/similar/i, 'Vergleich mit ähnlichen Abschlüssen'],
  [/next action|recommend/i, 'Empfohlene nächste Schritte'],
  [/overview/i, 'Überblick'],
];

/** The deal checks' findings in German; numbers and dates as the check wrote them (germanFormats rewrites them). */
const GERMAN_CHECKS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^This opportunity is closed \((.+)\)\.?$/, (m) => `Diese Verkaufschance ist abgeschlossen (${m[1] ?? ''}).`],
  [/^No next step is recorded\.?$/, () => 'Es ist kein nächster Schritt erfasst.'],
  [/^No amount is recorded\.?$/, () => 'Es ist kein Betrag erfasst.'],
  [/^No close date is recorded\.?$/, () => 'Es ist kein Abschlussdatum erfasst.'],
  [/^The close date (\S+) is (\d+) days in the past\.?$/, (m) => `Das Abschlussdatum ${m[1] ?? ''} liegt ${m[2] ?? ''} Tage zurück.`],
  [/^No contact roles: .*$/, () => 'Keine Kontaktrollen: Niemand auf Käuferseite ist mit dieser Verkaufschance verknüpft.'],
  [/^No activity is logged on this deal\.?$/, () => 'Zu dieser Verkaufschance ist keine Aktivität erfasst.'],
  [/^No activity in the last (\d+) days\.?$/, (m) => `Seit ${m[1] ?? ''} Tagen keine Aktivität.`],
  [/^In stage (.+) for (\d+) days\.?$/, (m) => `Seit ${m[2] ?? ''} Tagen in der Phase ${m[1] ?? ''}.`],
  [/^No issues found by the checks\.?$/, () => 'Die Prüfungen haben keine Probleme gefunden.'],
];

const GERMAN: Words = {
  nothingGrounded: 'Der Kontext enthält keine zitierbaren Zeilen, daher gibt es nichts Belegtes zu sagen.',
  thisDeal: 'diese Verkaufschance',
  stage: (value) => `Phase ${value}`,
  amount: (value) => `Betrag ${value}`,
  closeDate: (value) => `Abschlussdatum ${value}`,
  nextStep: (value) => `Nächster Schritt: ${value}`,
  overdueTask: 'erledigen oder ein neues Fälligkeitsdatum vereinbaren',
  overdueDeal: 'das Abschlussdatum oder die Phase aktualisieren',
  checkSupport: 'vor dem nächsten Gespräch den Stand beim Support klären',
  noNextStep: 'es ist kein nächster Schritt erfasst, bitte einen vereinbaren',
  confirmNextStep: (value) => `den nächsten Schritt bestätigen: ${value}`,
  closeOut: (task) => `vereinbaren, wie ${task} abgeschlossen wird`,
  pickUp: (value) => `an den letzten Kontakt anknüpfen: ${value}`,
  addressCase: (value) => `den offenen Fall ansprechen: ${value}`,
  checkTimeline: (value) => `den Zeitplan mit dem Abschlussdatum ${value} abgleichen`,
  questions: {
    whatNext: 'Was muss als Nächstes passieren, und wer ist dafür zuständig?',
    whoDecides: 'Wer ist noch an der Entscheidung beteiligt, und was muss diese Person sehen?',
    overdue: 'Was hält die überfälligen Punkte auf, und welche neuen Termine passen?',
    success: 'Was wäre für den Kunden in diesem Jahr ein Erfolg?',
    blockers: 'Steht dem Abschluss im aktuellen Zeitplan etwas im Weg?',
  },
  noIssues: 'Die Prüfungen haben keine Probleme gefunden.',
  won: 'gewonnen',
  lost: 'verloren',
  forComparison: 'zum Vergleich diese Verkaufschance',
  moveCloseDate: (value) => `das Abschlussdatum ${value} auf einen vom Käufer bestätigten Termin verschieben`,
  recordNextStep: (deal) => `einen nächsten Schritt für ${deal} erfassen`,
  addContactRoles: (deal) => `die Ansprechpartner auf Käuferseite als Kontaktrollen zu ${deal} hinzufügen`,
  finishTask: (task) => `die offene Aufgabe ${task} erledigen`,
  followThrough: (value) => `den nächsten Schritt umsetzen: ${value}`,
  useReference: (value) => `die gewonnene Verkaufschance als Referenz nutzen: ${value}`,
  heading: (name) => GERMAN_HEADINGS.find(([pattern]) => pattern.test(name))?.[1] ?? name,
  check: (text) => {
    for (const [pattern, say] of GERMAN_CHECKS) {
      const match = pattern.exec(text.trim());
      if (match) return say(match);
    }
    return text;
  },
  email: {
    subjects: [
      [/recap/i, (name) => `Zusammenfassung: ${name}`],
      [/intro/i, (name) => `Vorstellung: ${name}`],
      [/check/i, (name) => `Kurze Nachfrage zu ${name}`],
      [/follow/i, (name) => `Nächste Schritte zu ${name}`],
    ],
    ourConversation: 'unser Gespräch',
    thanks: 'vielen Dank für Ihre Nachricht.',
    recap: (record, stage) => `hier der Stand zu ${record}: Wir sind in der Phase ${stage}.`,
    intro: (record) => `ich melde mich wegen ${record} und würde mich über ein kurzes Gespräch freuen.`,
    followUp: (record) => `ich möchte an ${record} anknüpfen.`,
    nextStep: (value) => `Der nächste Schritt auf unserer Seite: ${value}.`,
    openItem: (value) => `Offen ist bei uns noch ${value}.`,
    comeBack: 'Ich melde mich in Kürze mit den Details.',
    works: 'Passt das für Sie?',
    greeting: (firstName) => (firstName ? `Hallo ${firstName},` : 'Guten Tag,'),
    signOff: 'Viele Grüße',
  },
};

export function wordsFor(prompt: Pick<ReadPrompt, 'tags'>): Words {
  return languageOf(prompt) === 'de' ? GERMAN : ENGLISH;
}

const CURRENCY_SIGNS: Record<string, string> = { $: '$', '€': '€', '£': '£', USD: '$', EUR: '€', GBP: '£' };

/**
 * A text's numbers and dates written the German way, their values unchanged: "$1,200,000" → "1.200.000 $",
 * "12.5%" → "12,5 %", "4,200" → "4.200", "2026-12-15" → "15.12.2026". Citation ids, times and codes are left alone.
 */
export function germanFormats(text: string): string {
  const money = /(US\$|\$|€|£|(?:USD|EUR|GBP)\s?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d|,\d)/;
  const isoDate = /(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])/;
  const number = /(?<![\w.,:/-])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?!\w|[,.]\d)/;
  const percent = /(?<=\d)%/;
  const any = new RegExp([money, isoDate, number, percent].map((pattern) => `(?:${pattern.source})`).join('|'), 'g');
  // As many decimals as the value was written with: "$48,500.50" → "48.500,50 $".
  const plain = (digits: string) => {
    const decimals = digits.split('.')[1]?.length ?? 0;
    return new Intl.NumberFormat('de-DE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(digits.replace(/,/g, '')));
  };
  return text.replace(any, (found, sign?: string, amount?: string, year?: string, month?: string, day?: string, figure?: string) => {
    if (amount !== undefined) return `${plain(amount)}\u00a0${CURRENCY_SIGNS[(sign ?? '').trim().replace('US$', '$')] ?? (sign ?? '').trim()}`;
    if (year !== undefined) return `${day}.${month}.${year}`;
    if (figure !== undefined) return plain(figure);
    return found === '%' ? '\u00a0%' : found;
  });
}

/** The words Groundwork works out into context lines ("overdue by 9 days", "closes", "with Sam Ortiz"), in German. */
const GERMAN_CONTEXT_WORDS: [RegExp, string][] = [
  [/\boverdue by (\d+) days?\b/g, 'seit $1 Tagen überfällig'],
  [/\bcloses (?=\d)/g, 'Abschluss '],
  [/\bclosed (?=\d)/g, 'abgeschlossen '],
  [/\bdue (?=\d)/g, 'fällig '],
  [/\bopened (?=\d)/g, 'eröffnet '],
  [/\bon (?=\d{4}-)/g, 'am '],
  [/, with (?=\p{Lu})/gu, ', mit '],
  [/\bpriority (?=\p{L})/gu, 'Priorität '],
  [/\bmobile (?=[(+\d])/g, 'mobil '],
  [/\bnext step: /g, 'nächster Schritt: '],
];

/** A written answer in German: Groundwork's own words of the context in German, then German number and date formats. */
export function germanText(text: string): string {
  return germanFormats(GERMAN_CONTEXT_WORDS.reduce((result, [pattern, german]) => result.replace(pattern, german), text));
}
