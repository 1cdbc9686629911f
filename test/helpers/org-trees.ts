/** Synthetic org charts for layout and readability checks. */
import type { OrgNode } from '../../src/record/schema.js';

/**
 * A wide, deep tree: 4 levels and 16 positions, with long labels and notes, the role itself
 * on level 3, mixing leaf columns with positions that have reports of their own.
 */
export function largeOrgTree(): OrgNode {
  const leaf = (label: string, note?: string, self?: boolean): OrgNode => ({ label, ...(note ? { note } : {}), ...(self ? { self } : {}) });
  return {
    label: 'Chief Executive Officer and Founder',
    note: 'Communicates mostly in quarterly all-hands keynotes',
    reports: [
      {
        label: 'Chief Technology Officer',
        note: 'Declared the company cloud-first',
        reports: [
          {
            label: 'VP of Platform Engineering',
            note: 'Owns the transformation slide deck',
            reports: [leaf('Lead Infrastructure Engineer', 'Strategic oversight; escalates alerts', true), leaf('Senior Site Reliability Engineer'), leaf('Cloud Engineer II')],
          },
          { label: 'VP of Product Engineering', reports: [leaf('Staff Frontend Engineer <script>'), leaf('Engineering Manager, Checkout & Payments')] },
        ],
      },
      { label: 'Chief Financial Officer', note: 'Asks why the bill went up', reports: [leaf('FinOps Analyst'), leaf('Procurement Lead', 'Negotiates the SaaS renewals')] },
      leaf('Chief People Officer'),
      leaf('General Counsel'),
    ],
  };
}

export function countNodes(node: OrgNode): number {
  return 1 + (node.reports ?? []).reduce((sum, child) => sum + countNodes(child), 0);
}

export function depthOf(node: OrgNode): number {
  return 1 + Math.max(0, ...(node.reports ?? []).map(depthOf));
}
