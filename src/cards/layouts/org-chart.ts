/**
 * [01] The org chart, reduced to what a card can carry: the chain of command above the role,
 * the role itself (marked as the subject), and who reports to it. Everything else in the tree
 * is counted in "+N more". Wide cards put the chain and the reports side by side.
 */
import { walkOrgChart, type OrgNodeVisit } from '../../record/org-chart.js';
import type { Area, CardContext } from '../context.js';
import { px } from '../context.js';
import { box, column, row, type CardElement } from '../element.js';
import { fitText, type ItemSpec } from '../fit.js';
import { frame } from '../frame.js';
import { fontStyle, label, lines } from '../text.js';
import { COLOURS, ROLES } from '../theme.js';
import { fittedList, sectionHeading } from './shared.js';

interface ChartEntry {
  visit: OrgNodeVisit;
  indent: number;
  self: boolean;
}

function isPrefix(prefix: (string | number)[], path: (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

/** The chain from the top down to the role, then its direct reports. */
export function chartEntries(ctxRecord: CardContext['record']): { chain: ChartEntry[]; reports: ChartEntry[] } {
  const visits = walkOrgChart(ctxRecord.sections['org-chart'].chart);
  const self = visits.find((visit) => visit.node.self === true) ?? visits[0]!;
  const chain = visits
    .filter((visit) => isPrefix(visit.path, self.path))
    .map((visit, index) => ({ visit, indent: index, self: visit === self }));
  const reports = visits
    .filter((visit) => visit.depth === self.depth + 1 && isPrefix(self.path, visit.path))
    .map((visit) => ({ visit, indent: 0, self: false }));
  return { chain, reports };
}

function entryList(ctx: CardContext, area: Area, entries: ChartEntry[], maxIndent: number): CardElement {
  const step = px(ctx, 26);
  const inset = px(ctx, 14);
  const specs: ItemSpec[] = entries.map((entry) => {
    const indent = Math.min(entry.indent, maxIndent) * step;
    const width = area.width - indent - inset - 4 - (entry.self ? px(ctx, 110) : 0);
    return {
      parts: [
        { text: entry.visit.node.label, role: ROLES.itemTitle, width, maxLines: 2, minLines: 1 },
        { text: entry.visit.node.note ?? '', role: ROLES.aside, width, maxLines: 2, minLines: 1 },
      ],
    };
  });
  return fittedList(
    ctx,
    area,
    specs.map((spec, index) => (entries[index]!.visit.node.note ? spec : { parts: spec.parts.slice(0, 1) })),
    (index, [title, note], height, itemWidth) => {
      const entry = entries[index]!;
      const indent = Math.min(entry.indent, maxIndent) * step;
      const colour = entry.self ? COLOURS.red : COLOURS.ink;
      return row(
        { width: itemWidth, height, paddingLeft: indent },
        column(
          { height, borderLeft: `4px solid ${colour}`, paddingLeft: inset, gap: px(ctx, 6), flexGrow: 1 },
          row(
            { alignItems: 'flex-start', gap: px(ctx, 10) },
            lines(title!, ROLES.itemTitle, { color: colour }),
            entry.self
              ? box(
                  { backgroundColor: COLOURS.red, color: COLOURS.paper, padding: `0 ${px(ctx, 6)}px`, marginTop: px(ctx, 3), ...fontStyle(ROLES.mark, px(ctx, 13), px(ctx, 20)) },
                  'SUBJECT',
                )
              : null,
          ),
          note && note.lines.length > 0 ? lines(note, ROLES.aside, { color: COLOURS.muted }) : null,
        ),
      );
    },
    { gap: px(ctx, 12), maxItems: 9 },
  );
}

export function orgChartCard(ctx: CardContext): CardElement {
  const section = ctx.record.sections['org-chart'];
  return frame(ctx, {
    section: sectionHeading(ctx, 'org-chart'),
    stamp: 'Hierarchy',
    body: (area) => {
      const summary = fitText(section.summary, { role: ROLES.aside, unit: ctx.unit, width: area.width, maxLines: 2 }, ctx.setter);
      ctx.report.truncated += Number(summary.truncated);
      const summaryGap = px(ctx, 14);
      const rest = { width: area.width, height: area.height - summary.height - summaryGap };
      const { chain, reports } = chartEntries(ctx.record);
      const headHeight = Math.round(ROLES.mark.size * ctx.unit * 1.5);
      let charts: CardElement;
      if (ctx.shape === 'wide' && reports.length > 0) {
        const gap = px(ctx, 36);
        const leftWidth = Math.floor((rest.width - gap) * 0.56);
        const rightWidth = rest.width - leftWidth - gap;
        const listHeight = rest.height - headHeight - px(ctx, 8);
        charts = row(
          { gap, width: rest.width, height: rest.height },
          column({ width: leftWidth, gap: px(ctx, 8) }, label(ctx, 'Chain of command', ROLES.mark, leftWidth, { color: COLOURS.red }), entryList(ctx, { width: leftWidth, height: listHeight }, chain, 4)),
          column({ width: rightWidth, gap: px(ctx, 8) }, label(ctx, 'Reports to the subject', ROLES.mark, rightWidth, { color: COLOURS.red }), entryList(ctx, { width: rightWidth, height: listHeight }, reports, 0)),
        );
      } else {
        const all = [...chain, ...reports.map((entry) => ({ ...entry, indent: chain.length }))];
        charts = entryList(ctx, rest, all, ctx.shape === 'tall' ? 5 : 4);
      }
      return column({ gap: summaryGap, width: area.width }, lines(summary, ROLES.aside, { color: COLOURS.muted }), charts);
    },
  });
}
