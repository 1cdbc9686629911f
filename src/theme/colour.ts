/** The few colour sums a theme needs: the derived tones (folder edge, rules, washes) come from its four colours. */

/** `#abc` or `#aabbcc` → [r, g, b]. */
export function parseHex(hex: string): [number, number, number] {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16)) as [number, number, number];
}

export function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((channel) => Math.round(Math.min(255, Math.max(0, channel))).toString(16).padStart(2, '0')).join('')}`;
}

/** `amount` of `other` mixed into `base` (0 gives base, 1 gives other), as lower-case #rrggbb. */
export function mix(base: string, other: string, amount: number): string {
  const a = parseHex(base);
  const b = parseHex(other);
  return toHex(a.map((channel, index) => channel + (b[index]! - channel) * amount));
}

export function normalizeHex(hex: string): string {
  return toHex(parseHex(hex));
}
