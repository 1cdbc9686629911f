/** Print lengths as users type them ("3mm", "0.125in", "9pt", "0.3cm"), in millimetres. */
import { CasefileError } from '../errors.js';

const MM_PER_UNIT: Record<string, number> = { mm: 1, cm: 10, in: 25.4, pt: 25.4 / 72 };

/**
 * Parses `raw` for the option `name` and checks it lies in [0, maxMm]. A bare number is read as
 * millimetres. Errors say what was invalid, what is allowed and what was received.
 */
export function parseLengthMm(raw: string | number, name: string, maxMm: number): number {
  const text = String(raw).trim();
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*(mm|cm|in|pt)?$/i.exec(text);
  const value = match ? Number(match[1]) * MM_PER_UNIT[(match[2] ?? 'mm').toLowerCase()]! : NaN;
  if (!Number.isFinite(value) || value > maxMm) {
    throw new CasefileError(
      'E_USAGE',
      `Invalid value for ${name}. Allowed values: a length from 0 to ${maxMm}mm, in mm, cm, in or pt (e.g. 3mm, 0.125in). Received: ${JSON.stringify(String(raw))}`,
    );
  }
  return Number(value.toFixed(3));
}

export const MM_TO_PT = 72 / 25.4;
export const mmToPt = (mm: number): number => mm * MM_TO_PT;
