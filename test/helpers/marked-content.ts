/**
 * A PDF's painting as PDF.js reads it (its own content-stream parser, not casefile's): each page's
 * operator list, walked with the marked-content and text-object nesting, to find what is painted
 * outside any marked content, what is painted as an artifact, and any nesting ISO 32000-1 14.6
 * forbids. Form XObjects are followed (PDF.js lists their operators inline); annotations are not.
 */
import { readFileSync } from 'node:fs';
import { AnnotationMode, getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PageAudit {
  number: number;
  /** Painting operators outside every marked-content sequence. */
  unmarked: number;
  /** Painting operators inside an /Artifact sequence. */
  artifacts: number;
  /** Painting operators inside a sequence with an MCID (tagged content). */
  tagged: number;
  /** Broken nesting: an ET or EMC closing across the other, an artifact holding tagged content, an unclosed sequence. */
  problems: string[];
  /** The text shown inside /Artifact sequences, in order. */
  artifactText: string;
}

const PATH_PAINTS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke, OPS.rawFillPath]);
const TEXT_SHOWING = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
const OTHER_PAINTS = new Set<number>([
  ...TEXT_SHOWING,
  OPS.shadingFill,
  OPS.paintXObject,
  OPS.paintFormXObjectBegin,
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObject,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
]);

/** PDF.js folds a path's painting operator into constructPath's first argument. */
const paints = (fn: number, args: unknown[] | null): boolean =>
  OTHER_PAINTS.has(fn) || PATH_PAINTS.has(fn) || (fn === OPS.constructPath && PATH_PAINTS.has(args?.[0] as number));

interface Sequence {
  tag: string;
  mcid: number | undefined;
}

const tagOf = (value: unknown): string => (typeof value === 'string' ? value : ((value as { name?: string } | null)?.name ?? ''));

/** The text a text-showing operator's glyphs stand for (its glyph array is its one array argument). */
const glyphText = (args: unknown[] | null): string => {
  const glyphs = (args?.find((arg) => Array.isArray(arg)) ?? []) as ({ unicode?: string } | number)[];
  return glyphs.map((glyph) => (typeof glyph === 'object' && glyph ? (glyph.unicode ?? '') : '')).join('');
};

/** Every page of `file`, audited. */
export async function auditMarkedContent(file: string): Promise<PageAudit[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const audits: PageAudit[] = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const list = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
      const audit: PageAudit = { number, unmarked: 0, artifacts: 0, tagged: 0, problems: [], artifactText: '' };
      const nest: (Sequence | 'BT')[] = [];
      const sequences = () => nest.filter((entry): entry is Sequence => entry !== 'BT');
      list.fnArray.forEach((fn, index) => {
        const args = list.argsArray[index] as unknown[] | null;
        if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) {
          const sequence = { tag: tagOf(args?.[0]), mcid: fn === OPS.beginMarkedContentProps && typeof args?.[1] === 'number' ? args[1] : undefined };
          if (sequence.mcid !== undefined && sequences().some((open) => open.tag === 'Artifact')) audit.problems.push(`MCID ${sequence.mcid} inside an artifact`);
          nest.push(sequence);
        } else if (fn === OPS.endMarkedContent) {
          if (nest.pop() === 'BT') audit.problems.push('EMC closes across a BT');
        } else if (fn === OPS.beginText) {
          nest.push('BT');
        } else if (fn === OPS.endText) {
          if (nest.pop() !== 'BT') audit.problems.push('ET closes across marked content');
        }
        if (!paints(fn, args)) return;
        const open = sequences();
        if (open.length === 0) audit.unmarked += 1;
        else if (open.some((sequence) => sequence.tag === 'Artifact')) {
          audit.artifacts += 1;
          if (TEXT_SHOWING.has(fn)) audit.artifactText += glyphText(args);
        } else if (open.some((sequence) => sequence.mcid !== undefined)) audit.tagged += 1;
        else audit.problems.push(`painted in a sequence that is neither tagged nor an artifact (${open.map((sequence) => sequence.tag).join(' ')})`);
      });
      if (nest.length > 0) audit.problems.push(`left open at the end of the page: ${nest.length}`);
      audits.push(audit);
    }
    return audits;
  } finally {
    await doc.destroy();
  }
}
