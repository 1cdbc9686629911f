/**
 * SVG → PNG with resvg. The choices, and what they trade:
 * - `font.loadSystemFonts: false`: Satori already drew every glyph as a path, so resvg needs no
 *   fonts; scanning the system's fonts would cost tens of milliseconds per card and make output
 *   depend on the machine.
 * - `fitTo: zoom` for --scale: the vector is re-rendered at 2x rather than upscaled, so it stays sharp.
 * - `shapeRendering: geometricPrecision` (anti-aliased): text is paths too, and crispEdges would
 *   make it jagged; the cost is a little time and a slightly larger PNG than aliased shapes.
 * - `imageRendering: optimizeSpeed`: only emoji images are scaled, and they are vector anyway.
 * - No background: the card paints its own paper, so every pixel is opaque and compresses well.
 */
import { Resvg } from '@resvg/resvg-js';

export interface RasterResult {
  png: Uint8Array;
  width: number;
  height: number;
}

export function rasterize(svg: string, scale: number): RasterResult {
  const resvg = new Resvg(svg, {
    fitTo: scale === 1 ? { mode: 'original' } : { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 1,
  });
  const image = resvg.render();
  const png = image.asPng();
  return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), width: image.width, height: image.height };
}
