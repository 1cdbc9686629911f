/** One layout per card id: the only place that knows which function draws which card. */
import type { CardContext } from '../context.js';
import type { CardElement } from '../element.js';
import type { CardId } from '../plan.js';
import { burnWardCard } from './burn-ward.js';
import { coverCard } from './cover.js';
import { dayInTheLifeCard } from './day-in-the-life.js';
import { flightRiskCard } from './flight-risk.js';
import { habitatCard } from './habitat.js';
import { jobAdAutopsyCard } from './job-ad-autopsy.js';
import { metricsCard } from './metrics.js';
import { orgChartCard } from './org-chart.js';
import { relatedSpecimensCard } from './related-specimens.js';
import { salaryCard } from './salary.js';
import { survivalGuideCard } from './survival-guide.js';
import { weaponryCard } from './weaponry.js';

/** One of casefile's own card layouts: synchronous, with the full card context (a user's layout is a `CardLayout`). */
export type BuiltInCardLayout = (ctx: CardContext) => CardElement;

export const LAYOUTS: Record<CardId, BuiltInCardLayout> = {
  cover: coverCard,
  'org-chart': orgChartCard,
  habitat: habitatCard,
  salary: salaryCard,
  'flight-risk': flightRiskCard,
  metrics: metricsCard,
  weaponry: weaponryCard,
  'survival-guide': survivalGuideCard,
  'job-ad-autopsy': jobAdAutopsyCard,
  'day-in-the-life': dayInTheLifeCard,
  'burn-ward': burnWardCard,
  'related-specimens': relatedSpecimensCard,
};
