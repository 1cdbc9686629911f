/**
 * The org chart as inline SVG: boxes, connectors and the role itself in red. Text stays text
 * (selectable and searchable in the PDF); every record string is XML-escaped here.
 */
import type { OrgNode } from '../../record/schema.js';
import { escapeXml } from './escape-xml.js';
import { layoutOrgChart, ORG_CHART_STYLE as S, type OrgBox, type OrgChartLayout } from './org-chart-layout.js';

export const INK = '#1d1b18';
export const RED = '#a3201b';
const PAPER = '#fbf7ec';
const MUTED = '#5b564c';

function fontAttrs(font: { face: { family: string; weight: number; style: string }; size: number }): string {
  return `font-family="${font.face.family}" font-weight="${font.face.weight}" font-style="${font.face.style}" font-size="${font.size}"`;
}

function boxSvg(b: OrgBox): string {
  const x = b.x + S.padding;
  let y = b.y + S.padding;
  const lines: string[] = [];
  if (b.self) {
    y += S.tag.leading;
    lines.push(`<rect x="${x}" y="${y - 7.2}" width="4.4" height="4.4" fill="${RED}"/>`);
    lines.push(`<text class="org-tag" x="${x + 7}" y="${y - 2.5}" ${fontAttrs(S.tag)} letter-spacing="0.8" fill="${RED}">THIS FILE</text>`);
  }
  const label = b.label.map((line, i) => `<tspan x="${x}" y="${y + (i + 1) * S.label.leading - 2.5}">${escapeXml(line)}</tspan>`).join('');
  lines.push(`<text class="org-label" ${fontAttrs(S.label)} fill="${b.self ? RED : INK}">${label}</text>`);
  y += b.label.length * S.label.leading + 2;
  if (b.note.length > 0) {
    const note = b.note.map((line, i) => `<tspan x="${x}" y="${y + (i + 1) * S.note.leading - 2}">${escapeXml(line)}</tspan>`).join('');
    lines.push(`<text class="org-note" ${fontAttrs(S.note)} fill="${MUTED}">${note}</text>`);
  }
  const frame = b.self
    ? `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="#f6e3dc" stroke="${RED}" stroke-width="1.6"/>`
    : `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="${PAPER}" stroke="${INK}" stroke-width="${b.depth === 1 ? 1.2 : 0.7}"/>`;
  return `<g class="org-box${b.self ? ' org-self' : ''}">${frame}${lines.join('')}</g>`;
}

export function orgChartSvgFromLayout(layout: OrgChartLayout, title: string): string {
  const links = layout.links.map((d) => `<path d="${d}"/>`).join('');
  return (
    `<svg class="org-chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" ` +
    `width="${layout.width}pt" height="${layout.height}pt" preserveAspectRatio="xMidYMin meet">` +
    `<title>${escapeXml(title)}</title>` +
    `<g class="org-links" fill="none" stroke="${INK}" stroke-width="0.8">${links}</g>` +
    layout.boxes.map(boxSvg).join('') +
    `</svg>`
  );
}

/**
 * Record tree → SVG markup, safe to insert unescaped (it is built only from escaped text and numbers).
 * `maxWidth` (points) is the frame it prints in: wide trees rearrange to fit it rather than shrink.
 */
export function orgChartSvg(root: OrgNode, title = 'Org chart', maxWidth?: number): string {
  return orgChartSvgFromLayout(layoutOrgChart(root, maxWidth === undefined ? {} : { maxWidth }), title);
}
