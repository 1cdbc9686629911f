/**
 * A site's own card layouts: `<dir>/<card-id>.mjs` (or `.js`) whose default export is
 * `(ctx) => element`, or `(ctx) => ({ element, alt })` to give the card its own alt text. They are trusted code, like templates, but a mistake in one must not take
 * a batch down: a layout that throws, returns something that is not an element, or runs past
 * the time limit fails its own card with one line naming the file and the card.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { CasefileError, displayPath } from '../errors.js';
import type { CardElement } from './element.js';
import type { LayoutContext } from './layout-context.js';
import type { CardId } from './plan.js';

/** How long one user layout may take to return its tree (synchronous loops are interrupted). */
export const LAYOUT_TIME_LIMIT_MS = 2000;
export const LAYOUT_EXTENSIONS = ['.mjs', '.js'] as const;

/**
 * What a layout returns: its element tree, or the tree with the card's alt text, for a design that
 * says something casefile's own alt text for the card would not (plain text; casefile bounds it).
 */
export type CardLayoutResult = CardElement | { element: CardElement; alt?: string };

/** What a layout file's default export must be. */
export type CardLayout = (ctx: LayoutContext) => CardLayoutResult | Promise<CardLayoutResult>;

/** A user layout's result, checked: the tree to draw, and the alt text it gave, if any. */
export interface UserLayoutOutput {
  element: CardElement;
  alt?: string;
}

export interface FoundLayout {
  file: string;
  /** Changes when the file does, so an edited layout is imported afresh (the preview relies on it). */
  version: string;
}

/** The user's layout file for a card, if the folder has one. */
export async function findUserLayout(dir: string, card: CardId): Promise<FoundLayout | undefined> {
  for (const extension of LAYOUT_EXTENSIONS) {
    const file = path.resolve(dir, `${card}${extension}`);
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return { file, version: `${info.mtimeMs}-${info.size}` };
  }
  return undefined;
}

function layoutError(file: string, label: string, problem: string): CasefileError {
  // The file is in the message, not only the location: the message alone crosses from a worker.
  return new CasefileError('E_LAYOUT', `${displayPath(file)}: card layout failed for ${label}: ${problem}`);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim() || 'an error with no message';
}

export async function importUserLayout(found: FoundLayout, label: string): Promise<CardLayout> {
  let module: { default?: unknown };
  try {
    module = (await import(`${pathToFileURL(found.file).href}?v=${encodeURIComponent(found.version)}`)) as { default?: unknown };
  } catch (error) {
    throw layoutError(found.file, label, `cannot load it: ${firstLine(error)}`);
  }
  if (typeof module.default !== 'function') {
    throw layoutError(found.file, label, `its default export must be a function (ctx) => element, received ${module.default === undefined ? 'none' : typeof module.default}`);
  }
  return module.default as CardLayout;
}

const ELEMENT_TYPES = new Set(['div', 'img', 'svg', 'path', 'span']);

/** Where in the tree it stops being an element tree, or undefined if it is one all the way down. */
export function elementProblem(node: unknown, at = 'the result'): string | undefined {
  if (typeof node === 'string' || typeof node === 'number') return undefined;
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    return `${at} is ${node === null ? 'null' : Array.isArray(node) ? 'an array' : typeof node}, not an element { type, props }`;
  }
  const { type, props } = node as { type?: unknown; props?: unknown };
  if (typeof type !== 'string' || !ELEMENT_TYPES.has(type)) return `${at} has type ${JSON.stringify(type)}; expected one of ${[...ELEMENT_TYPES].join(', ')}`;
  if (props === null || typeof props !== 'object') return `${at} has no props object`;
  const children = (props as { children?: unknown }).children;
  if (children === undefined || children === null) return undefined;
  const list = Array.isArray(children) ? children : [children];
  for (const [index, child] of list.entries()) {
    const problem = elementProblem(child, `${at}.props.children[${index}]`);
    if (problem) return problem;
  }
  return undefined;
}

/** `{ element, alt }` (an object with no `type` but an `element`) or the element itself. */
function unwrapResult(result: unknown): { element: unknown; alt: unknown; at: string } {
  const wrapped = result !== null && typeof result === 'object' && !Array.isArray(result) && !('type' in result) && 'element' in result;
  if (!wrapped) return { element: result, alt: undefined, at: 'the result' };
  const { element, alt } = result as { element: unknown; alt?: unknown };
  return { element, alt, at: 'the result.element' };
}

/**
 * Calls the layout under a time limit. Synchronous code runs inside vm's watchdog, which
 * interrupts a loop; a layout that returns a promise is raced against the same limit.
 */
export async function runUserLayout(layout: CardLayout, ctx: LayoutContext, where: { file: string; label: string; timeLimitMs?: number }): Promise<UserLayoutOutput> {
  const limit = where.timeLimitMs ?? LAYOUT_TIME_LIMIT_MS;
  const started = performance.now();
  let result: unknown;
  try {
    result = new vm.Script('layout(ctx)').runInNewContext({ layout, ctx }, { timeout: limit });
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      const remaining = Math.max(1, limit - (performance.now() - started));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Script execution timed out after ${limit}ms`)), remaining);
      });
      try {
        result = await Promise.race([result as Promise<unknown>, timeout]);
      } finally {
        clearTimeout(timer);
      }
    }
  } catch (error) {
    const timedOut = (error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT' || /timed out after/.test(firstLine(error));
    throw layoutError(where.file, where.label, timedOut ? `it ran past the ${limit} ms time limit` : `it threw: ${firstLine(error)}`);
  }
  const { element, alt, at } = unwrapResult(result);
  const problem = elementProblem(element, at);
  if (problem) throw layoutError(where.file, where.label, `it must return an element; ${problem}`);
  if (alt !== undefined && typeof alt !== 'string') throw layoutError(where.file, where.label, `its alt must be a string, received ${alt === null ? 'null' : typeof alt}`);
  return { element: element as CardElement, ...(alt === undefined ? {} : { alt }) };
}
