// The floor of the card stack: resvg rasterizing finished SVGs with casefile's settings, nothing else.
import { rasterize } from '../dist/cards/rasterize.js';

export default function ({ svg, scale }) {
  return rasterize(svg, scale).png.byteLength;
}
