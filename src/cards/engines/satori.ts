/**
 * The satori engine: Satori lays the tree out and writes SVG with every glyph as a path
 * (svg.ts), resvg rasterizes it (rasterize.ts). Satori reports each box it laid out, which the
 * overflow check reads. Satori 0.63 reorders right-to-left runs itself (test/cards/engines.test.ts).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FontBook } from '../fonts.js';
import { rasterize } from '../rasterize.js';
import { renderSvg } from '../svg.js';
import type { CardEngine } from './engine.js';

export function createSatoriEngine(book: FontBook): CardEngine {
  return {
    name: 'satori',
    async draw(tree, request) {
      const { svg, boxes } = await renderSvg(tree, { width: request.width, height: request.height, fonts: book.satoriFonts(request.fallbackFamilies) });
      const raster = request.formats.includes('png') ? rasterize(svg, request.scale) : undefined;
      // resvg-js's pixel buffer (width × height × 4 bytes) is freed by a Node-API finalizer, and
      // Node runs those only between turns of the event loop, never between microtasks. A caller
      // awaiting card after card in one loop would otherwise keep every pixmap it ever drew: this
      // is resvg-js issue #216's "leak" (docs/performance.md, card workers and memory).
      if (raster) await nextTurn();
      return {
        images: { ...(raster ? { png: raster.png } : {}), ...(request.formats.includes('svg') ? { svg } : {}) },
        boxes,
        width: raster?.width ?? Math.round(request.width * request.scale),
        height: raster?.height ?? Math.round(request.height * request.scale),
      };
    },
  };
}
