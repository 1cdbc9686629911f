/**
 * Salary figures as the page prints them: a number with its currency, "$188,924". The symbol
 * table is explicit: a symbol it does not hold is an error, never a guess, and a three-letter ISO
 * code stands for any currency. Numbers are read from their digits, not through floating-point
 * arithmetic, so "1.15M" is exactly 1150000.
 */

/** Symbol → ISO 4217 code. Longer symbols are tried first ("US$" before "$"). */
const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'],
  ['US$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['JP¥', 'JPY'],
  ['CN¥', 'CNY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₪', 'ILS'],
  ['₱', 'PHP'],
  ['₫', 'VND'],
  ['₴', 'UAH'],
  ['₦', 'NGN'],
  ['฿', 'THB'],
  ['A$', 'AUD'],
  ['AU$', 'AUD'],
  ['C$', 'CAD'],
  ['CA$', 'CAD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['MX$', 'MXN'],
  ['Fr.', 'CHF'],
  ['zł', 'PLN'],
]);

/** The symbol export writes for a currency: the one symbol that reads back as that currency. */
const WRITTEN_SYMBOL: ReadonlyMap<string, string> = new Map([
  ['USD', '$'],
  ['EUR', '€'],
  ['GBP', '£'],
  ['JPY', '¥'],
  ['INR', '₹'],
  ['KRW', '₩'],
]);

const SYMBOLS_LONGEST_FIRST = [...SYMBOLS.keys()].sort((a, b) => b.length - a.length);
/** ISO codes a figure in prose may use; the MARKET AVERAGE line, which can only be a figure, takes any three capitals. */
const ISO_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

const KNOWN_SYMBOLS: readonly string[] = [...SYMBOLS.keys()];

export type FigureReading =
  | { ok: true; amount: number; currency: string }
  | { ok: false; reason: string };

/**
 * Digits with thousands grouped by commas or spaces, "." for decimals, and an optional K or M:
 * "188,924", "52 500.50", "188K", "1.2M", "0.000001".
 */
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:\.(\d+))?([KkMm])?$/;
/** European grouping ("72.000", "1.234.567", "72.000,50"): readable two ways, so refused. */
const AMBIGUOUS = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+,\d{1,2}$/;

function readNumber(text: string): { ok: true; value: number } | { ok: false; reason: string } {
  if (AMBIGUOUS.test(text)) {
    return { ok: false, reason: `the figure ${JSON.stringify(text)} could be read two ways: write thousands with commas and decimals with a point, e.g. "72,000" or "72,000.50"` };
  }
  const match = NUMBER.exec(text);
  if (match === null) return { ok: false, reason: `${JSON.stringify(text)} is not a number such as "188,924" or "52,500.50"` };
  const whole = match[1]!.replace(/[^\d]/g, '');
  const fraction = match[2] ?? '';
  const shift = { k: 3, m: 6 }[(match[3] ?? '').toLowerCase() as 'k' | 'm'] ?? 0;
  return { ok: true, value: decimalValue(whole, fraction, shift) };
}

/** whole.fraction × 10^shift, computed on the digits so no rounding creeps in. */
function decimalValue(whole: string, fraction: string, shift: number): number {
  const digits = `${whole}${fraction.padEnd(shift, '0')}`;
  const point = whole.length + shift;
  return Number(`${digits.slice(0, point)}.${digits.slice(point) || '0'}`);
}

/** A figure with its currency: "$188,924", "€72,000", "540,000 SEK", "CHF 145,000", "1.2M ₹". */
export function readFigure(text: string): FigureReading {
  const trimmed = text.trim();
  const split = splitCurrency(trimmed);
  if (!split.ok) return split;
  const number = readNumber(split.number);
  if (!number.ok) return number;
  return { ok: true, amount: number.value, currency: split.currency };
}

function splitCurrency(text: string): { ok: true; currency: string; number: string } | { ok: false; reason: string } {
  for (const symbol of SYMBOLS_LONGEST_FIRST) {
    if (text.startsWith(symbol)) return { ok: true, currency: SYMBOLS.get(symbol)!, number: text.slice(symbol.length).trim() };
    if (text.endsWith(symbol) && /\d\s*$/.test(text.slice(0, -symbol.length))) {
      return { ok: true, currency: SYMBOLS.get(symbol)!, number: text.slice(0, -symbol.length).trim() };
    }
  }
  const before = /^([A-Z]{3})\s*(\d.*)$/.exec(text);
  if (before) return { ok: true, currency: before[1]!, number: before[2]! };
  const after = /^(\d.*?)\s*([A-Z]{3})$/.exec(text);
  if (after) return { ok: true, currency: after[2]!, number: after[1]! };
  const symbol = /^[^\d\s]+|[^\d\s.KkMm]+$/u.exec(text)?.[0];
  if (symbol === undefined) {
    return { ok: false, reason: `the figure ${JSON.stringify(text)} has no currency: write its symbol or ISO code, e.g. "$188,924" or "SEK 540,000"` };
  }
  return {
    ok: false,
    reason: `unknown currency symbol ${JSON.stringify(symbol)} in ${JSON.stringify(text)}: known symbols are ${KNOWN_SYMBOLS.join(' ')}, or write a three-letter ISO code, e.g. "SEK 540,000"`,
  };
}

/** Where in a line the figures are: a known symbol or ISO code next to a number. */
const FIGURE_IN_TEXT = new RegExp(
  String.raw`(?:(?:${SYMBOLS_LONGEST_FIRST.map(escape).join('|')})\s?|\b[A-Z]{3}\s)\d[\d,.\u00A0\u202F]*(?:[KkMm]\b)?|\d[\d,.\u00A0\u202F]*\s?(?:[KkMm]\b\s?)?(?:€|zł|₽|₫|₴|\b[A-Z]{3}\b)`,
  'gu',
);

function escape(symbol: string): string {
  return symbol.replace(/[.$]/g, (char) => `\\${char}`);
}

export interface FigureInText {
  index: number;
  text: string;
}

/** Every figure with a currency in a line of prose, e.g. the salary note. Trailing punctuation is left out. */
export function figuresIn(text: string): FigureInText[] {
  return [...text.matchAll(FIGURE_IN_TEXT)]
    .map((match) => ({ index: match.index, text: match[0].replace(/[,.\s]+$/u, '') }))
    .filter((figure) => {
      const code = /[A-Z]{3}/.exec(figure.text)?.[0];
      return code === undefined || !/^[A-Z]{3}\s\d|\d\s?[A-Z]{3}$/.test(figure.text) || ISO_CODES.has(code);
    });
}

/** A number as plain decimal digits with comma groups: never an exponent, exact for any double. */
export function writeNumber(value: number): string {
  const [whole, fraction] = plainDecimal(value).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (fraction === undefined) return grouped;
  const written = `${grouped}.${fraction}`;
  // "1.123" would read as European grouping; a trailing zero keeps the same value unmistakable.
  return AMBIGUOUS.test(written) ? `${written}0` : written;
}

/** String(value) without exponent notation: "1e-7" → "0.0000001", "1e+21" → "1000000000000000000000". */
export function plainDecimal(value: number): string {
  const text = String(value);
  const exponent = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (exponent === null) return text;
  const digits = `${exponent[1]}${exponent[2] ?? ''}`;
  const point = exponent[1]!.length + Number(exponent[3]);
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits.padEnd(point, '0');
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A figure as export writes it: "$188,924", or "SEK 540,000" where no one symbol stands for the currency. */
export function writeFigure(amount: number, currency: string): string {
  const symbol = WRITTEN_SYMBOL.get(currency);
  return symbol === undefined ? `${currency} ${writeNumber(amount)}` : `${symbol}${writeNumber(amount)}`;
}
