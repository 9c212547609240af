import { t, type MessageKey } from '../../i18n';
import { CACHE_READ_MULTIPLIER, CACHE_WRITE_MULTIPLIER } from '../../audit/usage';
import { ModelId, type ModelPrice, type PriceTable } from '../../settings/schema';

export const PRICE_KINDS = ['input', 'output', 'cacheRead', 'cacheWrite'] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

/** How each price reads inside a sentence ("the input price"); the table's headings are the capitalised prices_* words. */
const PRICE_KIND_NAMES: Record<PriceKind, MessageKey> = {
  input: 'prices_kindInput',
  output: 'prices_kindOutput',
  cacheRead: 'prices_kindCacheRead',
  cacheWrite: 'prices_kindCacheWrite',
};

/** One model's prices as the rep types them: text, so a wrong or half-typed value stays on screen until corrected. */
export interface PriceRowDraft {
  model: string;
  prices: Record<PriceKind, string>;
}

/** What is wrong with one value of the table, in words; `kind` says which cell ('model' for the model id). */
export interface PriceProblem {
  model: string;
  kind: PriceKind | 'model';
  text: string;
}

export function priceRowsFrom(table: PriceTable): PriceRowDraft[] {
  const text = (value: number | undefined): string => (value === undefined ? '' : String(value));
  return Object.entries(table).map(([model, price]) => ({
    model,
    prices: { input: text(price.input), output: text(price.output), cacheRead: text(price.cacheRead), cacheWrite: text(price.cacheWrite) },
  }));
}

export const emptyPriceRow = (): PriceRowDraft => ({ model: '', prices: { input: '', output: '', cacheRead: '', cacheWrite: '' } });

/**
 * What an empty cache price stands for: Anthropic's multiplier of the input price (as lib/audit prices it), or null
 * while the input price is not a valid number. Rounded so 0.1 × 0.1 reads 0.01, not 0.010000000000000002.
 */
export function derivedCachePrice(kind: 'cacheRead' | 'cacheWrite', inputText: string): number | null {
  const input = parsePrice(inputText);
  if (typeof input !== 'number') return null;
  const multiplier = kind === 'cacheRead' ? CACHE_READ_MULTIPLIER : CACHE_WRITE_MULTIPLIER;
  return Number((input * multiplier).toPrecision(12));
}

/**
 * The problems of one row: `existing` are the other models in the table; `name` is how the words refer to the row
 * (its model id, unless it is the row being added). The input and output prices are required; an empty cache price is
 * fine (it follows the input price).
 */
export function priceRowProblems(row: PriceRowDraft, existing: readonly string[], name?: string): PriceProblem[] {
  const model = row.model.trim();
  const problems: PriceProblem[] = [];
  if (model === '') problems.push({ model, kind: 'model', text: t('prices_problemModelMissing') });
  else if (!ModelId.safeParse(model).success) problems.push({ model, kind: 'model', text: t('prices_problemModelTooLong') });
  else if (existing.includes(model)) problems.push({ model, kind: 'model', text: t('prices_problemModelTwice', { model }) });
  for (const kind of PRICE_KINDS) {
    const problem = valueProblem(kind, parsePrice(row.prices[kind]), name ?? model);
    if (problem) problems.push({ model, kind, text: problem });
  }
  return problems;
}

/**
 * The price table the rows stand for, or every problem in them. An empty cache price stays unset, so it keeps
 * following the input price (lib/audit's priceFor fills it in); the row order is kept.
 */
export function priceTableFromRows(rows: readonly PriceRowDraft[]): { prices: PriceTable } | { problems: PriceProblem[] } {
  const prices: PriceTable = {};
  const problems: PriceProblem[] = [];
  rows.forEach((row, index) => {
    const others = rows.filter((_, other) => other !== index).map((candidate) => candidate.model.trim());
    const rowProblems = priceRowProblems(row, others);
    problems.push(...rowProblems);
    if (rowProblems.length > 0) return;
    const price: ModelPrice = { input: Number(row.prices.input), output: Number(row.prices.output) };
    for (const kind of ['cacheRead', 'cacheWrite'] as const) {
      if (row.prices[kind].trim() !== '') price[kind] = Number(row.prices[kind]);
    }
    prices[row.model.trim()] = price;
  });
  return problems.length > 0 ? { problems } : { prices };
}

type ParsedPrice = number | 'empty' | 'not-a-number' | 'negative';

function parsePrice(text: string): ParsedPrice {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return 'not-a-number';
  return value < 0 ? 'negative' : value;
}

function valueProblem(kind: PriceKind, parsed: ParsedPrice, model: string): string | null {
  const values = { price: t(PRICE_KIND_NAMES[kind]), model };
  switch (parsed) {
    case 'empty':
      // A number input reports text that is not a number as empty too, so the words cover both.
      return kind === 'input' || kind === 'output' ? t('prices_problemMissing', values) : null;
    case 'not-a-number':
      return t('prices_problemNotNumber', values);
    case 'negative':
      return t('prices_problemNegative', values);
    default:
      return null;
  }
}
