/**
 * What the demo model needs to write in a language: its own phrases, the section names the prompts list, the deal
 * checks' findings (which arrive in English, as the product sends them) and the words Groundwork works out into context
 * lines ("overdue by 9 days"). Each language fills the same keys; the English patterns that find them live here once.
 */

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
  ask: { nothingMatched: string; matching(named: string): string; partial: string };
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

/** The section names the prompts list, found by these patterns (the first that matches). */
const HEADING_PATTERNS = {
  bottomLine: /bottom line/i,
  attention: /attention/i,
  changed: /changed/i,
  recentActivity: /recent activit/i,
  recentInteraction: /recent interaction/i,
  openOpportunities: /open opportunit/i,
  openCases: /open case/i,
  contacts: /contact/i,
  attendees: /attendee/i,
  meeting: /^meeting/i,
  background: /background/i,
  openItems: /open items/i,
  talking: /talking/i,
  questions: /question/i,
  health: /health/i,
  similar: /similar/i,
  nextActions: /next action|recommend/i,
  overview: /overview/i,
} as const;

/** The deal checks' findings as the insights prompt states them (in English). */
const CHECK_PATTERNS = {
  closed: /^This opportunity is closed \((.+)\)\.?$/,
  noNextStep: /^No next step is recorded\.?$/,
  noAmount: /^No amount is recorded\.?$/,
  noCloseDate: /^No close date is recorded\.?$/,
  closeDatePast: /^The close date (\S+) is (\d+) days in the past\.?$/,
  noContactRoles: /^No contact roles: .*$/,
  noActivity: /^No activity is logged on this deal\.?$/,
  quiet: /^No activity in the last (\d+) days\.?$/,
  stalledStage: /^In stage (.+) for (\d+) days\.?$/,
  noIssues: /^No issues found by the checks\.?$/,
} as const;

/** Groundwork's own words in context lines; a replacement may use the match's groups ($1). */
export const CONTEXT_PATTERNS = {
  overdueBy: /\boverdue by (\d+) days?\b/g,
  closes: /\bcloses (?=\d)/g,
  closed: /\bclosed (?=\d)/g,
  due: /\bdue (?=\d)/g,
  opened: /\bopened (?=\d)/g,
  on: /\bon (?=\d{4}-)/g,
  with: /, with (?=\p{Lu})/gu,
  priority: /\bpriority (?=\p{L})/gu,
  mobile: /\bmobile (?=[(+\d])/g,
  nextStep: /\bnext step: /g,
} as const;

/** One language: its phrases, and its words for the headings, the checks (given the match) and the context words. */
export interface LanguagePack {
  /** The locale whose number and date formats the answer uses. */
  locale: string;
  words: Omit<Words, 'heading' | 'check'>;
  headings: Record<keyof typeof HEADING_PATTERNS, string>;
  checks: Record<keyof typeof CHECK_PATTERNS, (match: RegExpExecArray) => string>;
  contextWords: Record<keyof typeof CONTEXT_PATTERNS, string>;
}

const entries = <K extends string, V>(record: Record<K, V>): [K, V][] => Object.entries(record) as [K, V][];

export function wordsOf(pack: LanguagePack): Words {
  return {
    ...pack.words,
    heading: (name) => {
      const found = entries(HEADING_PATTERNS).find(([, pattern]) => pattern.test(name));
      return found ? pack.headings[found[0]] : name;
    },
    check: (text) => {
      for (const [kind, pattern] of entries(CHECK_PATTERNS)) {
        const match = pattern.exec(text.trim());
        if (match) return pack.checks[kind](match);
      }
      return text;
    },
  };
}

/** Groundwork's own words of the context in the pack's language. */
export function contextWordsIn(pack: LanguagePack, text: string): string {
  return entries(CONTEXT_PATTERNS).reduce((result, [key, pattern]) => result.replace(pattern, pack.contextWords[key]), text);
}
