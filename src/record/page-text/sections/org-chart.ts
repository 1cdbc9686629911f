/**
 * [01]: the summary, the aliases (run together on one line, or one "- alias" a line) and,
 * optionally, the org chart as an ORG CHART: block. Without one, the chart is the role alone.
 */
import type { CaseFile, Sections } from '../../schema.js';
import { splitAliases } from '../aliases.js';
import { camelWordsIn } from '../camel-words.js';
import type { TextLine } from '../lines.js';
import { isOrgChartLabel, readOrgChartBlock } from '../org-chart-block.js';
import type { SectionText } from '../reading.js';
import { bulleted } from './shared.js';

/** "KNOWN ALIASES / DISGUISES:", with or without its parts; aliases may follow on the same line. */
const ALIASES_LABEL = /^(?:KNOWN\s+)?ALIASES(?:\s*\/\s*DISGUISES)?(?:\s*:\s*(.*))?$/isu;

export interface OrgChartReading {
  section: Omit<Sections['org-chart'], 'heading'>;
  aliases: CaseFile['aliases'];
}

/** The lines of each labelled block, in the order the text gives them. */
function blocks(section: SectionText): { aliases?: { label: TextLine; lines: TextLine[] }; chart?: { label: TextLine; lines: TextLine[] } } {
  const found: ReturnType<typeof blocks> = {};
  let current: { label: TextLine; lines: TextLine[] } | undefined;
  for (let line = section.next(); line !== undefined; line = section.next()) {
    const kind = ALIASES_LABEL.test(line.text) ? 'aliases' : isOrgChartLabel(line) ? 'chart' : undefined;
    if (kind === undefined) {
      if (current === undefined) section.failAt(line, 'KNOWN ALIASES / DISGUISES: or ORG CHART: after the summary', section.path);
      current.lines.push(line);
      continue;
    }
    if (found[kind] !== undefined) section.failAt(line, `one ${kind === 'aliases' ? 'KNOWN ALIASES' : 'ORG CHART:'} block, not two`, section.path);
    current = found[kind] = { label: line, lines: [] };
    // "KNOWN ALIASES / DISGUISES: Principal EngineerCloud Lead": the rest of the label's line is aliases.
    const onLabel = kind === 'aliases' ? ALIASES_LABEL.exec(line.text)?.[1]?.trim() : undefined;
    if (onLabel) current.lines.push({ number: line.number, text: onLabel, indented: onLabel });
  }
  return found;
}

export function readOrgChart(section: SectionText, title: string, allLines: readonly TextLine[]): OrgChartReading {
  const summaryLine = section.expect('the summary, "* …"', [...section.path, 'summary'], (line) => bulleted(line, '*') !== undefined);
  const summary = section.from([...section.path, 'summary'], summaryLine, bulleted(summaryLine, '*')!);
  const { aliases: aliasBlock, chart: chartBlock } = blocks(section);

  const aliasLines = aliasBlock?.lines ?? [];
  // The run-together lines are what the record's own words must help split, so they are not among them.
  const unlisted = new Set(aliasLines.filter((line) => bulleted(line, '-') === undefined).map((line) => line.number));
  const ownWords = camelWordsIn(allLines.filter((line) => !unlisted.has(line.number)).map((line) => line.text).join('\n'));
  const aliases = aliasLines
    .flatMap((line) => {
      const listed = bulleted(line, '-');
      if (listed !== undefined) return [{ alias: listed, line }];
      const split = splitAliases(line.text, ownWords);
      for (const decision of split.decisions) section.note(line, decision.kind, `aliases: ${decision.message}`);
      return split.aliases.map((alias) => ({ alias, line }));
    })
    .map(({ alias, line }, index) => section.from(['aliases', index], line, alias));

  return { section: { summary, chart: readChart(section, title, chartBlock) }, aliases };
}

function readChart(section: SectionText, title: string, block: { label: TextLine; lines: TextLine[] } | undefined): Sections['org-chart']['chart'] {
  const chartPath = [...section.path, 'chart'];
  if (block === undefined) {
    section.note(section.headingLine, 'notice', `no ORG CHART: block, so the org chart is the role alone ("${title}"); add the chart as an ORG CHART: block (docs/page-text.md)`);
    return { label: title, self: true };
  }
  const read = readOrgChartBlock(block.label, block.lines);
  if ('expected' in read) return section.failAt(read.line, read.expected, [...chartPath, ...read.path]);
  for (const origin of read.origins) section.from([...chartPath, ...origin.path], origin.line, undefined);
  return read.chart;
}
