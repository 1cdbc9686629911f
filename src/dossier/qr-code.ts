/**
 * The QR code printed on a dossier's footer and on the poster, leading a reader from paper to the
 * record's web page. The `qrcode` library encodes (mode, version, error correction, masking);
 * this file only draws its modules as one vector path, sized in millimetres for print. Pure.
 */
import { createRequire } from 'node:module';
import type QRCode from 'qrcode';
import { CasefileError } from '../errors.js';

/**
 * Loaded on the first code drawn, not with this module: the CLI imports it at start-up for the
 * default URL template its --help shows, the site build for qrUrl, and most runs draw no code.
 */
let qrcodeModule: typeof QRCode | undefined;
const loadQrcode = (): typeof QRCode => (qrcodeModule ??= createRequire(import.meta.url)('qrcode') as typeof QRCode);

/** The quiet zone the QR specification asks for: four modules of light on every side. */
export const QUIET_ZONE_MODULES = 4;

export const DEFAULT_QR_URL_TEMPLATE = '{baseUrl}/{slug}/';

/** The record's web page: `{baseUrl}` (without a trailing slash) and `{slug}` filled into the template. */
export function qrUrl(slug: string, baseUrl: string, template: string = DEFAULT_QR_URL_TEMPLATE): string {
  const url = template.replaceAll('{baseUrl}', baseUrl.replace(/\/+$/, '')).replaceAll('{slug}', encodeURIComponent(slug));
  try {
    return new URL(url).href;
  } catch {
    throw new CasefileError('E_USAGE', `the QR code URL ${JSON.stringify(url)} (from qrUrl ${JSON.stringify(template)}) is not an absolute URL`);
  }
}

export interface QrCode {
  url: string;
  /** Standalone SVG, `width`/`height` in millimetres, quiet zone included. */
  svg: string;
  /** The same SVG as a data: URI, for CSS (a page's margin box takes no markup). */
  dataUri: string;
  sizeMm: number;
  /** Modules across, quiet zone excluded (21 for version 1, +4 per version). */
  modules: number;
}

/** Dark modules as one path: each row's runs merged into rectangles, so the path stays short and gapless. */
export function modulesPath(size: number, isDark: (row: number, column: number) => boolean, offset: number): string {
  const parts: string[] = [];
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; ) {
      if (!isDark(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < size && isDark(row, column)) column += 1;
      parts.push(`M${start + offset} ${row + offset}h${column - start}v1h${start - column}z`);
    }
  }
  return parts.join('');
}

/**
 * A QR code for `url`, each module `moduleMm` wide. Error correction M (15 %) survives a crease or
 * a pin hole. Ink on a light square: the light quiet zone is drawn, not left to the paper colour.
 */
export function qrCode(url: string, options: { moduleMm: number; ink?: string; light?: string }): QrCode {
  const code = loadQrcode().create(url, { errorCorrectionLevel: 'M' });
  const size = code.modules.size;
  const total = size + 2 * QUIET_ZONE_MODULES;
  const sizeMm = Math.round(total * options.moduleMm * 100) / 100;
  const path = modulesPath(size, (row, column) => code.modules.get(row, column) === 1, QUIET_ZONE_MODULES);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${sizeMm}mm" height="${sizeMm}mm" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges">` +
    `<rect width="${total}" height="${total}" fill="${options.light ?? '#ffffff'}"/>` +
    `<path fill="${options.ink ?? '#000000'}" d="${path}"/></svg>`;
  return { url, svg, dataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, sizeMm, modules: size };
}
