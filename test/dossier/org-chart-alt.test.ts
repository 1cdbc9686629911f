/** The org chart in words: the chain up from the role, who reports to it, everyone else, the notes. */
import { describe, expect, it } from 'vitest';
import { listInWords, orgChartAlt } from '../../src/dossier/figures/org-chart-alt.js';
import { loadDataRecord } from '../helpers/records.js';

describe('the org chart alt text', () => {
  it('gives the reporting chain from the role to the top, then its reports, then everyone else and the notes', () => {
    const record = loadDataRecord('lead-infrastructure-engineer');
    const alt = orgChartAlt(record.sections['org-chart'].chart, record.title);
    expect(alt).toMatch(/^Org chart of the Lead Infrastructure Engineer\. Lead Infrastructure Engineer, this file, reports to Director of Platform & Cloud Operations, who reports to VP of Engineering, who reports to Chief Technology Officer\. Reporting to Lead Infrastructure Engineer: Senior DevOps Engineer, Cloud Engineer and Junior Infrastructure Engineer\. /);
    expect(alt).toContain('Also reporting to Director of Platform & Cloud Operations: Platform Engineering Lead and Enterprise Architect.');
    expect(alt).toContain('Also reporting to Chief Technology Officer: Cloud Cost Review Board.');
    expect(alt).toContain('Notes: Chief Technology Officer: Declared the company');
    expect(alt.endsWith('Cloud Cost Review Board: Asks why the bill went up again.')).toBe(true);
  });

  it('names every position exactly once outside the notes', () => {
    const record = loadDataRecord('enterprise-architect');
    const chart = record.sections['org-chart'].chart;
    const labels: string[] = [];
    const walk = (node: typeof chart) => {
      labels.push(node.label);
      node.reports?.forEach(walk);
    };
    walk(chart);
    const [positions] = orgChartAlt(chart, record.title).split(' Notes: ');
    for (const label of labels) expect(positions!.split(label).length - 1, label).toBeGreaterThanOrEqual(1);
  });

  it('says so when the role is at the top, and when no position is marked as the role', () => {
    expect(orgChartAlt({ label: 'Founder', self: true, reports: [{ label: 'Intern' }] }, 'Founder')).toBe('Org chart of the Founder. Founder, this file, is at the top. Reporting to Founder: Intern.');
    expect(orgChartAlt({ label: 'Board', reports: [{ label: 'CEO' }, { label: 'CFO' }] }, 'Mystery')).toBe('Org chart of the Mystery. Board is at the top. Reporting to Board: CEO and CFO.');
  });

  it('joins lists the way a sentence does', () => {
    expect([[], ['a'], ['a', 'b'], ['a', 'b', 'c']].map(listInWords)).toEqual(['', 'a', 'a and b', 'a, b and c']);
  });
});
