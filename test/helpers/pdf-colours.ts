/**
 * The colours a PDF page really paints: its content stream (and the form XObjects it draws) read
 * operator by operator, keeping the fill and stroke colours through q/Q, and noting the fill at
 * each fill or text-showing operator and the stroke at each stroke operator. A colour set and
 * replaced before anything is painted with it does not count. Pattern and shading fills (CSS
 * gradients) are not followed.
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFRawStream, type PDFDocument, type PDFObject } from 'pdf-lib';

type Token = { kind: 'number'; value: number } | { kind: 'operator'; value: string } | { kind: 'other' };

/** The tokens of a content stream; strings, names, arrays and dictionaries are skipped over as operands. */
function* tokens(content: string): Generator<Token> {
  let at = 0;
  while (at < content.length) {
    const char = content[at]!;
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === '%') {
      while (at < content.length && content[at] !== '\n' && content[at] !== '\r') at += 1;
    } else if (char === '(') {
      let depth = 0;
      do {
        if (content[at] === '\\') at += 1;
        else if (content[at] === '(') depth += 1;
        else if (content[at] === ')') depth -= 1;
        at += 1;
      } while (at < content.length && depth > 0);
      yield { kind: 'other' };
    } else if (char === '<' && content[at + 1] !== '<') {
      at = content.indexOf('>', at) + 1 || content.length;
      yield { kind: 'other' };
    } else if ('<>[]{}'.includes(char)) {
      at += char === '<' || char === '>' ? 2 : 1;
      yield { kind: 'other' };
    } else {
      const start = at;
      at += 1;
      while (at < content.length && !/[\s()<>[\]{}/%]/.test(content[at]!)) at += 1;
      const word = content.slice(start, at);
      if (char === '/') yield { kind: 'other' };
      else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) yield { kind: 'number', value: Number(word) };
      else yield { kind: 'operator', value: word };
    }
  }
}

const hex = (rgb: number[]) => `#${rgb.map((channel) => Math.round(Math.min(1, Math.max(0, channel)) * 255).toString(16).padStart(2, '0')).join('')}`;
const cmyk = ([c, m, y, k]: number[]) => [c!, m!, y!].map((channel) => (1 - channel) * (1 - k!));

const FILLS = new Set(['f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'Tj', 'TJ', "'", '"']);
const STROKES = new Set(['S', 's', 'B', 'B*', 'b', 'b*']);

function streamText(stream: PDFObject | undefined): string {
  if (stream instanceof PDFRawStream) return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  return '';
}

/** Every colour painted by a content stream with these resources, into `found`. */
function scan(doc: PDFDocument, content: string, resources: PDFDict | undefined, found: Set<string>, inherited: { fill: string; stroke: string }): void {
  const stack: { fill: string; stroke: string }[] = [];
  let state = { ...inherited };
  let operands: number[] = [];
  let lastName: string | undefined;
  const nameRe = /\/([^\s/<>[\]()]+)\s+Do/g;
  const doNames = [...content.matchAll(nameRe)].map((match) => match[1]!);
  let doIndex = 0;
  for (const token of tokens(content)) {
    if (token.kind === 'number') {
      operands.push(token.value);
      continue;
    }
    if (token.kind === 'other') continue;
    const op = token.value;
    if (op === 'q') stack.push({ ...state });
    else if (op === 'Q') state = stack.pop() ?? state;
    else if (op === 'rg' && operands.length >= 3) state.fill = hex(operands.slice(-3));
    else if (op === 'RG' && operands.length >= 3) state.stroke = hex(operands.slice(-3));
    else if (op === 'g' && operands.length >= 1) state.fill = hex(Array(3).fill(operands.at(-1)));
    else if (op === 'G' && operands.length >= 1) state.stroke = hex(Array(3).fill(operands.at(-1)));
    else if (op === 'k' && operands.length >= 4) state.fill = hex(cmyk(operands.slice(-4)));
    else if (op === 'K' && operands.length >= 4) state.stroke = hex(cmyk(operands.slice(-4)));
    else if ((op === 'sc' || op === 'scn') && operands.length === 3) state.fill = hex(operands);
    else if ((op === 'SC' || op === 'SCN') && operands.length === 3) state.stroke = hex(operands);
    else if (op === 'scn' || op === 'sc') state.fill = 'pattern';
    else if (op === 'SCN' || op === 'SC') state.stroke = 'pattern';
    else if (op === 'Do') {
      lastName = doNames[doIndex++];
      const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
      const form = lastName === undefined ? undefined : xobjects?.lookup(PDFName.of(lastName));
      if (form instanceof PDFRawStream && form.dict.get(PDFName.of('Subtype')) === PDFName.of('Form')) {
        scan(doc, streamText(form), form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources, found, state);
      }
    }
    if (FILLS.has(op) && state.fill !== 'pattern') found.add(state.fill);
    if (STROKES.has(op) && state.stroke !== 'pattern') found.add(state.stroke);
    operands = [];
  }
}

/** The colours page `index` (0-based) paints, as lower-case #rrggbb. */
export function paintedColours(doc: PDFDocument, index: number): Set<string> {
  const page = doc.getPage(index);
  const contents = page.node.lookup(PDFName.of('Contents'));
  const streams = contents instanceof PDFArray ? contents.asArray().map((item) => doc.context.lookup(item)) : [contents];
  const found = new Set<string>();
  const resources = page.node.lookupMaybe(PDFName.of('Resources'), PDFDict);
  scan(doc, streams.map((stream) => streamText(stream)).join('\n'), resources, found, { fill: '#000000', stroke: '#000000' });
  return found;
}
