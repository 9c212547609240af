import { formatDate, formatNumber } from '../../lib/i18n';
/** How governance numbers read in the options page. */
export const usd = (amount: number): string => {
  const digits = amount > 0 && amount < 0.01 ? 4 : 2;
  return formatNumber(amount, { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol', minimumFractionDigits: digits, maximumFractionDigits: digits });
};
export const count = (value: number): string => formatNumber(value);
export const percent = (share: number | null): string => (share === null ? '—' : formatNumber(share, { style: 'percent', maximumFractionDigits: 0 }));
export const dateTime = (iso: string): string => formatDate(iso, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
