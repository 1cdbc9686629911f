/**
 * A salary figure as the dossier and the cards print it: "$188,924". The schema admits any three
 * capitals as a currency; one that Intl does not know still prints, as its code and the amount.
 */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${currency} ${Math.round(amount).toLocaleString('en-US')}`;
  }
}
