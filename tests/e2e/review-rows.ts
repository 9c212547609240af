import type { Page } from 'puppeteer-core';

/** A row of the review as the rep sees it: its card and field, ticked or not, the quote's verdict, who said it. */
export interface ReviewRowSeen {
  card: string | null;
  field: string | null;
  checked: string | null;
  evidence: string | null;
  error: string | null;
  /** For a quote from a call transcript: "Rosa Diaz at 4:12: ". */
  speaker: string | null;
  quote: string | null;
}

export async function reviewRows(panel: Page): Promise<ReviewRowSeen[]> {
  return panel.$$eval('[data-testid=review-row]', (rows) =>
    rows.map((row) => ({
      card: row.closest('[data-card-id]')?.getAttribute('data-card-id') ?? null,
      field: row.getAttribute('data-field'),
      checked: row.getAttribute('data-checked'),
      evidence: row.getAttribute('data-evidence'),
      error: row.getAttribute('data-error'),
      speaker: row.querySelector('[data-testid=row-evidence-speaker]')?.textContent ?? null,
      quote: row.querySelector('.gw-evidence-quote')?.textContent ?? null,
    })),
  );
}
