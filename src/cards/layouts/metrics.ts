/** [05] The metrics the role is judged by, as numbered exhibits. */
import type { CardContext } from '../context.js';
import type { CardElement } from '../element.js';
import { frame } from '../frame.js';
import { namedItemsBody } from './named-items.js';
import { sectionHeading } from './shared.js';

export function metricsCard(ctx: CardContext): CardElement {
  const { items } = ctx.record.sections.metrics;
  return frame(ctx, {
    section: sectionHeading(ctx, 'metrics'),
    stamp: 'Unverified',
    body: (area) => namedItemsBody(ctx, area, items, (index) => `KPI-${String(index + 1).padStart(2, '0')}`),
  });
}
