/**
 * The theme as the dossier templates see it: CSS custom properties overriding dossier.css's
 * palette and families (loaded after every stylesheet), the brand lines, and the @page colours
 * (margin boxes do not see :root's custom properties, so they get the values themselves).
 * With no theme, the templates print exactly what they always did.
 */
import { mix } from './colour.js';
import { brandName, type ResolvedTheme } from './load.js';

/** The palette of templates/dossier.css and page-rules.hbs: what an unthemed dossier prints. */
export const DOSSIER_PALETTE = { paper: '#f5efe1', ink: '#1d1b18', muted: '#5b564c', accent: '#a3201b', manila: '#e8d6a6' } as const;

export interface DossierTheme {
  /** The brand's name, or its site line when it has no name; '' if neither. */
  name: string;
  tagline?: string;
  site?: string;
  url?: string;
  /** The logo as a data URI (no request leaves the page for it). */
  logo?: string;
  /** Custom properties on :root; values are checked hex colours and registry family names only. */
  css: string;
}

export type DossierPalette = { -readonly [K in keyof typeof DOSSIER_PALETTE]: string };

/**
 * The figures (org chart, dial) are inline SVG drawn in the built-in palette's presentation
 * attributes; CSS outranks those, so the themed page repaints them through the same properties.
 */
const FIGURE_COLOURS: [string, string][] = [
  ['#a3201b', 'var(--red)'],
  ['#1d1b18', 'var(--ink)'],
  ['#5b564c', 'var(--muted)'],
  ['#fbf7ec', 'var(--card)'],
  ['#f6e3dc', 'var(--red-wash)'],
  ['#e4dccb', 'var(--rule)'],
];
const FIGURE_RECOLOUR = FIGURE_COLOURS.map(([hex, value]) => `svg [fill="${hex}"] { fill: ${value}; } svg [stroke="${hex}"] { stroke: ${value}; }`).join('\n') + '\n';

function familyStack(family: string, fallback: string): string {
  return `"${family}", ${fallback}`;
}

export function dossierPalette(theme?: ResolvedTheme): DossierPalette {
  const colors = theme?.colors ?? {};
  const paper = colors.paper ?? DOSSIER_PALETTE.paper;
  const ink = colors.ink ?? DOSSIER_PALETTE.ink;
  return {
    paper,
    ink,
    muted: colors.muted ?? DOSSIER_PALETTE.muted,
    accent: colors.accent ?? DOSSIER_PALETTE.accent,
    // The cover's folder tone follows a themed paper; an unthemed one keeps its manila.
    manila: colors.paper || colors.ink ? mix(paper, ink, 0.08) : DOSSIER_PALETTE.manila,
  };
}

export function themeCss(theme: ResolvedTheme): string {
  const palette = dossierPalette(theme);
  const { colors, fonts } = theme;
  const properties: [string, string][] = [];
  if (colors.paper || colors.ink) {
    properties.push(['--paper', palette.paper], ['--card', mix(palette.paper, '#ffffff', 0.45)], ['--manila', palette.manila], ['--manila-dark', mix(palette.paper, palette.ink, 0.18)]);
  }
  if (colors.ink) properties.push(['--ink', palette.ink]);
  if (colors.muted) properties.push(['--muted', palette.muted]);
  if (colors.paper || colors.muted) properties.push(['--rule', mix(palette.paper, palette.muted, 0.35)]);
  if (colors.accent || colors.paper) properties.push(['--red', palette.accent], ['--red-wash', mix(palette.paper, palette.accent, 0.12)]);
  // The exhibit numeral, the third note's tint and the pins' rim: the built-in ones are tints of its red and paper.
  if (colors.accent || colors.paper) {
    properties.push(['--numeral', mix(palette.paper, palette.accent, 0.16)], ['--note-tint', mix(mix(palette.paper, '#ffffff', 0.45), palette.accent, 0.06)]);
  }
  if (colors.accent || colors.ink) properties.push(['--pin-rim', mix(palette.accent, palette.ink, 0.45)]);
  if (fonts.display) properties.push(['--condensed', familyStack(fonts.display, 'sans-serif')]);
  if (fonts.body) properties.push(['--sans', familyStack(fonts.body, 'sans-serif')]);
  if (fonts.mono) properties.push(['--mono', familyStack(fonts.mono, 'monospace')]);
  const root = properties.length > 0 ? `:root { ${properties.map(([name, value]) => `${name}: ${value};`).join(' ')} }\n` : '';
  return `${root}${FIGURE_RECOLOUR}.cover-logo { height: 6mm; width: auto; vertical-align: middle; margin-right: 2.5mm; }\n`;
}

export function dossierTheme(theme: ResolvedTheme): DossierTheme {
  return {
    name: brandName(theme),
    ...(theme.tagline ? { tagline: theme.tagline } : {}),
    ...(theme.site ? { site: theme.site } : {}),
    ...(theme.url ? { url: theme.url } : {}),
    ...(theme.logo ? { logo: theme.logo.dataUri } : {}),
    css: themeCss(theme),
  };
}
