/**
 * The check that fitting worked, from the engine's own layout: every text box must lie inside the
 * card, everything in the body inside the body, and no line wider than it was fitted. Satori
 * reports every box; Takumi the lines its shaper had to measure (engines/line-check.ts). fit.ts should make this impossible
 * to trip; when it trips anyway, the card says so as a warning instead of shipping clipped text.
 */
import type { LaidOutBox } from './svg.js';

/** Sub-pixel slack: Satori rounds line boxes. */
const SLACK = 1.5;

function inside(inner: LaidOutBox, outer: { left: number; top: number; width: number; height: number }): boolean {
  return (
    inner.left >= outer.left - SLACK &&
    inner.top >= outer.top - SLACK &&
    inner.left + inner.width <= outer.left + outer.width + SLACK &&
    inner.top + inner.height <= outer.top + outer.height + SLACK
  );
}

export interface Overflow {
  text: string;
  box: LaidOutBox;
}

/** Text boxes that spill out of the card or out of the body (boxes come in tree order). */
export function findOverflow(boxes: readonly LaidOutBox[], width: number, height: number): Overflow[] {
  const card = { left: 0, top: 0, width, height };
  const body = boxes.find((box) => box.role === 'body');
  const bodyIndex = body ? boxes.indexOf(body) : -1;
  const footerIndex = boxes.findIndex((box) => box.role === 'footer');
  const overflow: Overflow[] = [];
  boxes.forEach((box, index) => {
    if (box.text === undefined) return;
    // Satori reports boxes in tree order: the body's descendants come between it and the footer.
    const inBody = body !== undefined && index > bodyIndex && (footerIndex < 0 || index < footerIndex);
    const bounds = inBody ? body! : card;
    const fittedTo = box.role?.startsWith('line:') ? Number(box.role.slice(5)) : Infinity;
    if (!inside(box, bounds) || box.width > fittedTo + SLACK) overflow.push({ text: box.text, box });
  });
  return overflow;
}
