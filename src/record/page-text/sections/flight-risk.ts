/** [04]: "FLIGHT RISK:85%HIGH RISK", then "[DIAGNOSIS]why". */
import type { Sections } from '../../schema.js';
import type { SectionText } from '../reading.js';

const RISK = /^FLIGHT RISK\s*:?\s*(\d+(?:\.\d+)?)\s*%\s*(.*)$/isu;
const DIAGNOSIS = /^(?:\[DIAGNOSIS\]|DIAGNOSIS:)\s*(.*)$/isu;

export function readFlightRisk(section: SectionText): Omit<Sections['flight-risk'], 'heading'> {
  const path = section.path;
  const riskLine = section.expect('"FLIGHT RISK:" with the percent and the level, e.g. "FLIGHT RISK:85%HIGH RISK"', [...path, 'percent'], (line) => RISK.test(line.text));
  const [, percent, levelOnLine] = RISK.exec(riskLine.text)!;
  const levelLine = levelOnLine === '' ? section.expect('the risk level, e.g. "HIGH RISK"', [...path, 'level'], (line) => !DIAGNOSIS.test(line.text)) : riskLine;
  const level = levelOnLine === '' ? levelLine.text : levelOnLine!;

  const diagnosisLine = section.expect('the diagnosis, "[DIAGNOSIS]…"', [...path, 'diagnosis'], (line) => DIAGNOSIS.test(line.text));
  const onLine = DIAGNOSIS.exec(diagnosisLine.text)![1]!;
  const textLine = onLine === '' ? section.expect('the diagnosis after [DIAGNOSIS]', [...path, 'diagnosis']) : diagnosisLine;
  section.expectEnd('nothing after the diagnosis');
  return {
    percent: section.from([...path, 'percent'], riskLine, Number(percent)),
    level: section.from([...path, 'level'], levelLine, level),
    diagnosis: section.from([...path, 'diagnosis'], textLine, onLine === '' ? textLine.text : onLine),
  };
}
