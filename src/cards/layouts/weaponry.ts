/** [06] The role's signature weaponry, as lettered exhibits. */
import type { CardContext } from '../context.js';
import type { CardElement } from '../element.js';
import { frame } from '../frame.js';
import { namedItemsBody } from './named-items.js';
import { sectionHeading } from './shared.js';

/** A, B, … Z, AA, AB: exhibits are lettered, as in court. */
export function exhibitLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function weaponryCard(ctx: CardContext): CardElement {
  const { items } = ctx.record.sections.weaponry;
  return frame(ctx, {
    section: sectionHeading(ctx, 'weaponry'),
    stamp: 'Armed',
    body: (area) => namedItemsBody(ctx, area, items, (index) => `Exhibit ${exhibitLetter(index)}`),
  });
}
