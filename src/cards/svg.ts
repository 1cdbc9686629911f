/**
 * Element tree → SVG, by Satori, with the font book's stable font array (parsed once per
 * process) and text drawn as paths (`embedFont`), so the SVG needs no fonts to display and the
 * rasterizer needs no font lookup. Satori also reports every laid-out box; we keep them for
 * the overflow check.
 */
import satori from 'satori';
import type { Font as SatoriFont } from 'satori';
import type { CardElement } from './element.js';
import { emojiDataUri } from './glyphs.js';

export interface LaidOutBox {
  left: number;
  top: number;
  width: number;
  height: number;
  /** The element's data-role, when it has one. */
  role?: string;
  /** Set on the text boxes Satori lays out. */
  text?: string;
}

export interface SvgResult {
  svg: string;
  boxes: LaidOutBox[];
}

/** Emoji come in as images; any other script Satori asks about was already given a font (or reported). */
async function loadAdditionalAsset(code: string, segment: string): Promise<string | SatoriFont[]> {
  if (code === 'emoji') return emojiDataUri(segment) ?? [];
  return [];
}

export async function renderSvg(tree: CardElement, options: { width: number; height: number; fonts: SatoriFont[] }): Promise<SvgResult> {
  const boxes: LaidOutBox[] = [];
  const svg = await satori(tree as never, {
    width: options.width,
    height: options.height,
    fonts: options.fonts,
    embedFont: true,
    loadAdditionalAsset,
    onNodeDetected: (node) => {
      const role = node.props?.['data-role'] as string | undefined;
      boxes.push({
        left: node.left,
        top: node.top,
        width: node.width,
        height: node.height,
        ...(role ? { role } : {}),
        ...(typeof node.textContent === 'string' && node.textContent.trim() !== '' ? { text: node.textContent } : {}),
      });
    },
  });
  return { svg, boxes };
}
