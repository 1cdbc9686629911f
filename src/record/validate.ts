/**
 * A parsed JSON value to a typed CaseFile, or a CasefileError listing every problem with its
 * JSON path and position. Schema checks come from zod; the checks a schema cannot express
 * (exactly one "self" in the org chart, its depth) follow.
 */
import { CasefileError, type ValidationIssue } from '../errors.js';
import { formatJsonPath } from './json-path.js';
import { describeIssues, type RecordProblem } from './issues.js';
import { walkOrgChart } from './org-chart.js';
import { CaseFileSchema, MAX_ORG_DEPTH, type CaseFile } from './schema.js';
import type { ParsedJson } from './parse.js';

const CHART_PATH = ['sections', 'org-chart', 'chart'];

function orgChartProblems(record: CaseFile): RecordProblem[] {
  const visits = walkOrgChart(record.sections['org-chart'].chart);
  const selves = visits.filter((visit) => visit.node.self === true);
  const problems: RecordProblem[] = [];
  if (selves.length !== 1) {
    problems.push({
      path: CHART_PATH,
      message: `expected exactly one position with "self": true (the role itself), received ${selves.length}`,
    });
  }
  const tooDeep = visits.find((visit) => visit.depth > MAX_ORG_DEPTH);
  if (tooDeep) {
    problems.push({
      path: [...CHART_PATH, ...tooDeep.path],
      message: `expected an org chart at most ${MAX_ORG_DEPTH} levels deep, received a position at level ${tooDeep.depth}`,
    });
  }
  return problems;
}

function toIssues(problems: RecordProblem[], parsed: ParsedJson | undefined, file: string): ValidationIssue[] {
  return problems.map((problem) => ({
    file,
    path: formatJsonPath(problem.path),
    message: problem.message,
    ...(parsed ? parsed.locate(problem.path, { key: problem.atKey ?? false }) : {}),
  }));
}

export function validateRecord(value: unknown, file: string, parsed?: ParsedJson): CaseFile {
  const result = CaseFileSchema.safeParse(value);
  const problems = result.success ? orgChartProblems(result.data) : describeIssues(result.error.issues, value);
  if (result.success && problems.length === 0) return result.data;

  const issues = toIssues(problems, parsed, file);
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new CasefileError('E_SCHEMA', `${first.path}: ${first.message}${more}`, { ...first, issues });
}
