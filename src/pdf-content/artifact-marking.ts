/**
 * Marks what a content stream paints outside any marked content as an artifact. PDF/UA-1 wants
 * every mark on a page either tagged (inside a marked-content sequence the structure tree points
 * to) or an artifact; Chromium leaves borders, rules, backgrounds and the @page margin boxes
 * outside both, so a checker cannot tell decoration from content it forgot.
 *
 * The stream's bytes are kept as they are; `/Artifact BMC` and `EMC` are only inserted between
 * operations, where ISO 32000-1 14.6 allows them:
 * - only between graphics objects: never inside a path object (from its first construction
 *   operator to its painting operator) or an inline image;
 * - nested properly with the stream's own marked content: an artifact is opened only outside
 *   every marked-content sequence and closed before the next one begins or ends;
 * - nested properly with text objects: an artifact opened outside BT … ET is closed outside it,
 *   one opened inside is closed before its ET.
 * The spec asks nothing of q … Q, and Chromium's own sequences cross it, but each artifact here
 * also opens and closes at the same q depth, so none ever straddles a Q (the simplest rule that is
 * safe for any reader). A q … Q or BT … ET holding no marked content is taken whole, as one object;
 * one holding some is entered, and what it paints outside its sequences is marked inside it.
 *
 * An artifact starts at the first painting object outside marked content and ends after the last
 * one before a boundary, so the state operators around it (q, cm, colours, gs) stay outside.
 * A form XObject painted outside marked content (`Do`) is wrapped whole; its own stream is not
 * read (marked content cannot reach into it, and whatever it holds is the artifact's).
 */
import { operations, type Operation } from './operations.js';
import { CLIPPING, CLOSES, MARKED_CONTENT_BEGIN, MARKED_CONTENT_END, OPENS, PATH_CONSTRUCTION, PATH_PAINTING, paints } from './operators.js';

export const BEGIN_ARTIFACT = '/Artifact BMC\n';
/** After an operator: the white space keeps EMC from running into it. */
export const END_ARTIFACT = '\nEMC';

export interface ArtifactMarking {
  /** The stream with its untagged painting marked: the original bytes, with BMC and EMC inserted. */
  content: Uint8Array;
  /** How many artifact sequences were added; 0 when everything painted was tagged already. */
  artifacts: number;
}

/** A q … Q or BT … ET: the index of the operation that closes it, and what is inside. */
interface Nesting {
  close: number;
  /** It holds a marked-content operator (BMC, BDC, EMC), so it cannot be wrapped whole. */
  marked: boolean;
  paints: boolean;
}

/** Each balanced q … Q and BT … ET, by the index of its opening operation. Unbalanced ones are left out. */
function nestings(ops: readonly Operation[]): Map<number, Nesting> {
  const found = new Map<number, Nesting>();
  const open: { index: number; closer: string; marked: boolean; paints: boolean }[] = [];
  ops.forEach(({ operator }, index) => {
    const top = open.at(-1);
    const closer = OPENS.get(operator);
    if (closer !== undefined) {
      open.push({ index, closer, marked: false, paints: false });
    } else if (CLOSES.has(operator)) {
      if (top?.closer !== operator) return;
      open.pop();
      found.set(top.index, { close: index, marked: top.marked, paints: top.paints });
      const parent = open.at(-1);
      if (parent) {
        parent.marked ||= top.marked;
        parent.paints ||= top.paints;
      }
    } else if (top && (MARKED_CONTENT_BEGIN.has(operator) || operator === MARKED_CONTENT_END)) {
      top.marked = true;
    } else if (top && paints(operator)) {
      top.paints = true;
    }
  });
  return found;
}

/** The index of the operation that ends the path object starting at `first`. */
function pathObjectEnd(ops: readonly Operation[], first: number): number {
  let index = first;
  while (index + 1 < ops.length && (PATH_CONSTRUCTION.has(ops[index + 1]!.operator) || CLIPPING.has(ops[index + 1]!.operator))) index += 1;
  return index + 1 < ops.length && PATH_PAINTING.has(ops[index + 1]!.operator) ? index + 1 : index;
}

/** Where to insert BMC and EMC, in order of position. */
function artifactInserts(ops: readonly Operation[]): { at: number; text: string }[] {
  const inserts: { at: number; text: string }[] = [];
  const whole = nestings(ops);
  let markedDepth = 0;
  let open: { lastPaintEnd: number } | undefined;
  const close = () => {
    if (open) inserts.push({ at: open.lastPaintEnd, text: END_ARTIFACT });
    open = undefined;
  };
  const painted = (start: number, end: number) => {
    if (markedDepth > 0) return;
    if (!open) inserts.push({ at: start, text: BEGIN_ARTIFACT });
    open = { lastPaintEnd: end };
  };
  for (let index = 0; index < ops.length; index += 1) {
    const op = ops[index]!;
    const { operator } = op;
    if (MARKED_CONTENT_BEGIN.has(operator)) {
      close();
      markedDepth += 1;
    } else if (operator === MARKED_CONTENT_END) {
      close();
      markedDepth = Math.max(0, markedDepth - 1);
    } else if (OPENS.has(operator)) {
      const nesting = whole.get(index);
      if (nesting && !nesting.marked) {
        if (nesting.paints) painted(op.start, ops[nesting.close]!.end);
        index = nesting.close;
      } else {
        // Entered: an artifact must not straddle its opening, and what it paints is marked inside it.
        close();
      }
    } else if (CLOSES.has(operator)) {
      close();
    } else if (PATH_CONSTRUCTION.has(operator)) {
      const end = pathObjectEnd(ops, index);
      if (paints(ops[end]!.operator)) painted(op.start, ops[end]!.end);
      index = end;
    } else if (paints(operator)) {
      painted(op.start, op.end);
    }
  }
  close();
  return inserts;
}

/** Inserts `inserts` (in order of position) into `bytes`. */
function splice(bytes: Uint8Array, inserts: readonly { at: number; text: string }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const { at, text } of inserts) {
    parts.push(bytes.subarray(from, at), Buffer.from(text, 'latin1'));
    from = at;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

/** Marks every run of painting outside marked content as `/Artifact`; pure: the same bytes give the same bytes. */
export function markUntaggedContent(content: Uint8Array): ArtifactMarking {
  const inserts = artifactInserts(operations(content));
  if (inserts.length === 0) return { content, artifacts: 0 };
  return { content: splice(content, inserts), artifacts: inserts.length / 2 };
}
