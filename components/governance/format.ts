/** How governance numbers read in the options page. */
export const usd = (amount: number): string => (amount > 0 && amount < 0.01 ? `$${amount.toFixed(4)}` : `$${amount.toFixed(2)}`);
export const count = (value: number): string => value.toLocaleString('en-US');
export const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)}%`);
export const dateTime = (iso: string): string =>
  new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
