/**
 * Marking untagged painting as /Artifact, on hand-written content streams (each case spelled out
 * before and after) and on generated ones (fast-check), where the rules of ISO 32000-1 14.6 are
 * checked on the output: every painting operator inside marked content, artifacts only outside
 * the stream's own sequences and never around them, nested with BT/ET, opened and closed at the
 * same q depth, never inside a path object; and the stream's own bytes untouched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BEGIN_ARTIFACT, END_ARTIFACT, markUntaggedContent } from '../../src/pdf-content/artifact-marking.js';
import { operations } from '../../src/pdf-content/operations.js';
import { CLIPPING, PATH_CONSTRUCTION, PATH_PAINTING, paints } from '../../src/pdf-content/operators.js';
import { text } from '../../src/pdf-content/tokens.js';

const mark = (source: string) => {
  const marked = markUntaggedContent(Buffer.from(source, 'latin1'));
  return { text: Buffer.from(marked.content).toString('latin1'), artifacts: marked.artifacts };
};
/** The expected output written with A( … )A for the inserted /Artifact BMC … EMC. */
/** 8 × 2 grey pixels: 16 bytes holding " EI ", "EMC" and ") BDC (". */
const IMAGE_DATA = ' EI \rEMC\r) BDC (';
const expected = (withMarks: string) => withMarks.replaceAll('A(', BEGIN_ARTIFACT).replaceAll(')A', END_ARTIFACT);

describe('markUntaggedContent on hand-written streams', () => {
  it('wraps a whole q … Q that paints and holds no marked content', () => {
    expect(mark('q 1 0 0 RG 0 0 10 10 re f Q').text).toBe(expected('A(q 1 0 0 RG 0 0 10 10 re f Q)A'));
  });

  it('leaves a stream whose painting is all tagged as it is', () => {
    const tagged = 'q /P <</MCID 0>> BDC BT /F1 9 Tf (a) Tj ET 0 0 1 1 re f /Im1 Do EMC Q';
    expect(mark(tagged)).toEqual({ text: tagged, artifacts: 0 });
  });

  it('opens before a path object and never inside it, and leaves state operators after the last paint outside', () => {
    expect(mark('1 0 0 rg 0 0 m 5 5 l 5 0 l h f 2 w 0 0 m 1 1 2 2 3 3 c S 0 g /P <</MCID 0>> BDC EMC').text).toBe(
      expected('1 0 0 rg A(0 0 m 5 5 l 5 0 l h f 2 w 0 0 m 1 1 2 2 3 3 c S)A 0 g /P <</MCID 0>> BDC EMC'),
    );
  });

  it('leaves a clipping path alone: it paints nothing', () => {
    expect(mark('q 0 0 9 9 re W n /P <</MCID 0>> BDC 0 0 1 1 re f EMC Q')).toEqual({ text: 'q 0 0 9 9 re W n /P <</MCID 0>> BDC 0 0 1 1 re f EMC Q', artifacts: 0 });
  });

  it('marks what a q … Q paints after its sequence ends, inside that q … Q (as Chromium nests them)', () => {
    expect(mark('q /Document <</MCID 0>> BDC 0 0 9 9 re f Q q 1 0 0 1 5 5 cm EMC 0 0 9 9 re f 1 g Q').text).toBe(
      expected('q /Document <</MCID 0>> BDC 0 0 9 9 re f Q q 1 0 0 1 5 5 cm EMC A(0 0 9 9 re f)A 1 g Q'),
    );
  });

  it('wraps a text object whole, but marks inside one that holds tagged text', () => {
    expect(mark('BT /F1 9 Tf (margin) Tj ET').text).toBe(expected('A(BT /F1 9 Tf (margin) Tj ET)A'));
    expect(mark('BT /F1 9 Tf (a) Tj /Span <</MCID 1>> BDC (b) Tj EMC 1 0 0 1 5 5 Tm (c) Tj 0 g ET').text).toBe(
      expected('BT /F1 9 Tf A((a) Tj)A /Span <</MCID 1>> BDC (b) Tj EMC 1 0 0 1 5 5 Tm A((c) Tj)A 0 g ET'),
    );
  });

  it('reads operator names in strings, hex strings and comments as no operators', () => {
    const source = 'BT (EMC) Tj (a\\) BDC \\(EMC) Tj <454d43> Tj [(ET) -20 (BT)] TJ % /P <</MCID 9>> BDC\n(x) \' ET';
    expect(mark(source)).toEqual({ text: expected(`A(${source})A`), artifacts: 1 });
  });

  it('wraps an inline image whole, whatever its data spells', () => {
    expect(IMAGE_DATA).toHaveLength(16);
    const image = `BI /W 8 /H 2 /BPC 8 /CS /G ID ${IMAGE_DATA} EI`;
    expect(mark(`q ${image} Q /P <</MCID 0>> BDC EMC`).text).toBe(expected(`A(q ${image} Q)A /P <</MCID 0>> BDC EMC`));
    expect(mark(`/P <</MCID 0>> BDC ${image} EMC`).artifacts).toBe(0);
  });

  it('wraps a form XObject, a shading and an image drawn outside marked content, not inside', () => {
    expect(mark('/Fm1 Do /P <</MCID 0>> BDC /Im1 Do EMC /Sh1 sh').text).toBe(expected('A(/Fm1 Do)A /P <</MCID 0>> BDC /Im1 Do EMC A(/Sh1 sh)A'));
  });

  it('closes before a q … Q holding marked content, and marks inside it', () => {
    expect(mark('0 0 1 1 re f q 1 0 0 1 2 2 cm 0 0 1 1 re S /P <</MCID 0>> BDC (x) Tj EMC 0 0 1 1 re f Q 2 2 1 1 re f').text).toBe(
      expected('A(0 0 1 1 re f)A q 1 0 0 1 2 2 cm A(0 0 1 1 re S)A /P <</MCID 0>> BDC (x) Tj EMC A(0 0 1 1 re f)A Q A(2 2 1 1 re f)A'),
    );
  });

  it('copes with unbalanced marked content: an EMC too many, a BDC never closed', () => {
    expect(mark('0 0 1 1 re f EMC 0 0 1 1 re f /P <</MCID 0>> BDC 0 0 1 1 re f').text).toBe(
      expected('A(0 0 1 1 re f)A EMC A(0 0 1 1 re f)A /P <</MCID 0>> BDC 0 0 1 1 re f'),
    );
  });

  it('takes unknown operators (in BX … EX) for state, whatever their name', () => {
    expect(mark('0 0 1 1 re f BX 1 constructor toString EX 0 0 1 1 re f').text).toBe(expected('A(0 0 1 1 re f BX 1 constructor toString EX 0 0 1 1 re f)A'));
  });

  it('keeps an operator and the EMC after it apart when no white space follows', () => {
    expect(mark('0 0 1 1 re f/P<</MCID 0>>BDC EMC').text).toBe(`${BEGIN_ARTIFACT}0 0 1 1 re f${END_ARTIFACT}/P<</MCID 0>>BDC EMC`);
  });
});

// ---- Generated streams, checked against the rules ----

interface Checked {
  /** Painting operators outside every marked-content sequence. */
  unmarkedPaints: number;
  problems: string[];
}

/** Checks a marked stream against ISO 32000-1 14.6 and the rules above. */
function check(bytes: Uint8Array): Checked {
  const problems: string[] = [];
  const nest: ('BT' | 'MC' | 'Artifact')[] = [];
  let qDepth = 0;
  const artifactQ: number[] = [];
  let inPath = false;
  let unmarkedPaints = 0;
  for (const op of operations(bytes)) {
    const { operator } = op;
    const isArtifact = operator === 'BMC' && text(bytes, op) === BEGIN_ARTIFACT.trim();
    if (inPath && !PATH_CONSTRUCTION.has(operator) && !CLIPPING.has(operator) && !PATH_PAINTING.has(operator)) problems.push(`${operator} inside a path object`);
    if (PATH_CONSTRUCTION.has(operator)) inPath = true;
    if (PATH_PAINTING.has(operator)) inPath = false;
    if (operator === 'BMC' || operator === 'BDC') {
      if (nest.includes('Artifact')) problems.push('marked content inside an artifact');
      if (isArtifact && nest.some((entry) => entry !== 'BT')) problems.push('an artifact inside marked content');
      nest.push(isArtifact ? 'Artifact' : 'MC');
      if (isArtifact) artifactQ.push(qDepth);
    } else if (operator === 'EMC') {
      const top = nest.pop();
      if (top === 'BT') problems.push('EMC closes across a BT');
      if (top === 'Artifact' && artifactQ.pop() !== qDepth) problems.push('an artifact straddles q/Q');
    } else if (operator === 'BT') {
      nest.push('BT');
    } else if (operator === 'ET') {
      if (nest.pop() !== 'BT') problems.push('ET closes across marked content');
    } else if (operator === 'q') {
      qDepth += 1;
    } else if (operator === 'Q') {
      qDepth -= 1;
      if (artifactQ.some((depth) => depth > qDepth)) problems.push('Q inside an artifact opened deeper');
    }
    if (paints(operator) && !nest.some((entry) => entry !== 'BT')) unmarkedPaints += 1;
  }
  if (nest.length > 0) problems.push(`unclosed at the end: ${nest.join(' ')}`);
  return { unmarkedPaints, problems };
}

let mcid = 0;
const tagged = (inner: string) => `/P <</MCID ${mcid++}>> BDC ${inner} EMC`;
const join = (parts: string[]) => parts.join(' ');

const stateOp = fc.constantFrom('1 0 0 RG', '0.5 g', '/G3 gs', '2 w', '1 0 0 1 5 5 cm', '[3 2] 0 d', '/Tag MP');
const pathObject = fc.constantFrom('0 0 10 10 re f', '0 0 m 5 5 l S', '0 0 m 1 1 2 2 3 3 c h B*', '0 0 9 9 re W n', '0 0 9 9 re W* f');
const otherPaint = fc.constantFrom('/Fm1 Do', '/Sh1 sh', `BI /W 8 /H 2 /BPC 8 /CS /G ID ${IMAGE_DATA} EI`, '% EMC BDC (\n/Im2 Do');
const show = fc.constantFrom('(a) Tj', '(EMC \\) BDC) Tj', '<4554> Tj', "[(ET) -20 (BT)] TJ", "(x) '", '1 2 (y) "');
const textObject = fc
  .array(fc.oneof(show, fc.constantFrom('0 g', '/F1 9 Tf', '1 0 0 1 5 5 Tm'), show.map((s) => tagged(s))), { maxLength: 5 })
  .map((items) => join(['BT', ...items, 'ET']));

const content = fc.letrec<{ items: string }>((tie) => ({
  items: fc
    .array(
      fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        stateOp,
        pathObject,
        otherPaint,
        textObject,
        tie('items').map((inner) => join(['q', inner, 'Q'])),
        tie('items').map((inner) => tagged(inner)),
        // Chromium's way: a sequence that opens in one q … Q and ends in the next.
        fc.tuple(tie('items'), tie('items')).map(([a, b]) => join(['q', `/P <</MCID ${mcid++}>> BDC`, a, 'Q q 1 0 0 1 2 2 cm EMC', b, 'Q'])),
      ),
      { maxLength: 6 },
    )
    .map(join),
}));

describe('markUntaggedContent on generated streams', () => {
  it('checks the checker on a stream it must reject', () => {
    expect(check(Buffer.from('0 0 1 1 re /Artifact BMC f EMC BT /P <</MCID 0>> BDC ET EMC')).problems).toEqual(
      expect.arrayContaining(['BMC inside a path object', 'ET closes across marked content']),
    );
  });

  it('leaves no painting outside marked content, breaks no nesting and keeps the stream\'s own bytes', () => {
    fc.assert(
      fc.property(content.items, (source) => {
        const input = Buffer.from(source, 'latin1');
        const before = check(input);
        expect(before.problems).toEqual([]);
        const marked = markUntaggedContent(input);
        const after = check(marked.content);
        expect(after.problems).toEqual([]);
        expect(after.unmarkedPaints).toBe(0);
        expect(marked.artifacts > 0).toBe(before.unmarkedPaints > 0);
        const restored = Buffer.from(marked.content).toString('latin1').replaceAll(BEGIN_ARTIFACT, '').replaceAll(END_ARTIFACT, '');
        expect(restored).toBe(source);
        expect(Buffer.from(markUntaggedContent(Buffer.from(source, 'latin1')).content).equals(Buffer.from(marked.content))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
