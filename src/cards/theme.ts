/**
 * The cards' share of the dossier's identity: manila paper, near-black ink, one restrained red,
 * a typewriter for voice, mono for file marks, condensed sans for titles. Colours match
 * templates/dossier.css; families come from the shared font registry.
 */
import { FAMILIES, type FontStyle, type FontWeight } from '../fonts/registry.js';

export const COLOURS = {
  paper: '#f3ecd9',
  paperEdge: '#e6dcc0',
  ink: '#1d1b18',
  muted: '#5b564c',
  red: '#a3201b',
  rule: '#cfc7b4',
} as const;

export type FamilyKey = keyof typeof FAMILIES;

export interface FontSpec {
  family: FamilyKey;
  weight: FontWeight;
  style: FontStyle;
}

/**
 * A role is a kind of text on a card: its font, its size at scale 1 on an og card, the smallest
 * it may shrink to, and its line height. Fitting moves between `size` and `min` only.
 */
export interface TextRole {
  font: FontSpec;
  size: number;
  min: number;
  lineHeight: number;
  /** In em, as CSS letter-spacing. */
  letterSpacing?: number;
  uppercase?: boolean;
}

const font = (family: FamilyKey, weight: FontWeight = 400, style: FontStyle = 'normal'): FontSpec => ({ family, weight, style });

export const ROLES = {
  brand: { font: font('condensed', 700), size: 26, min: 18, lineHeight: 1, letterSpacing: 0.14, uppercase: true },
  mark: { font: font('mono', 600), size: 15, min: 11, lineHeight: 1.2, letterSpacing: 0.12, uppercase: true },
  markLight: { font: font('mono', 400), size: 15, min: 11, lineHeight: 1.2, letterSpacing: 0.08, uppercase: true },
  sectionName: { font: font('mono', 600), size: 20, min: 14, lineHeight: 1.2, letterSpacing: 0.1, uppercase: true },
  roleTitle: { font: font('condensed', 700), size: 30, min: 20, lineHeight: 1.1, letterSpacing: 0.02, uppercase: true },
  coverTitle: { font: font('condensed', 700), size: 88, min: 40, lineHeight: 0.98, uppercase: true },
  display: { font: font('condensed', 700), size: 96, min: 44, lineHeight: 1 },
  heading: { font: font('condensed', 700), size: 30, min: 20, lineHeight: 1.08, uppercase: true },
  itemTitle: { font: font('sans', 600), size: 23, min: 15, lineHeight: 1.22 },
  body: { font: font('sans', 400), size: 21, min: 14, lineHeight: 1.35 },
  aside: { font: font('sans', 400, 'italic'), size: 19, min: 13, lineHeight: 1.35 },
  // Running text in Courier Prime, not Special Elite: drawn as paths, the distressed face's outlines
  // would make a quote card's SVG many times larger and slower to draw (docs/performance.md).
  quote: { font: font('courier', 400), size: 30, min: 17, lineHeight: 1.32 },
  typed: { font: font('courier', 400), size: 22, min: 15, lineHeight: 1.35 },
  monoSmall: { font: font('mono', 400), size: 16, min: 12, lineHeight: 1.3, letterSpacing: 0.04 },
  stamp: { font: font('typewriter', 400), size: 30, min: 18, lineHeight: 1, letterSpacing: 0.08, uppercase: true },
} as const satisfies Record<string, TextRole>;

export type RoleName = keyof typeof ROLES;

/** Site line every card carries, so a card shared on its own still says where it came from. */
export const BRAND = {
  name: 'casefile',
  tagline: 'Classified personnel dossiers',
  site: 'casefile',
} as const;

/**
 * A site's theme as the cards use it. Built-in layouts are drawn in the default palette and
 * families; a theme maps each default colour and family to its own (see recolour.ts), and the
 * frame takes its brand lines and logo from here. Plain data: it crosses to workers as is.
 */
export interface CardTheme {
  /** True for the built-in look: nothing is remapped, so unthemed cards stay byte-identical. */
  builtIn: boolean;
  colours: { -readonly [K in keyof typeof COLOURS]: string };
  /** Which bundled family each family key is drawn in (display = condensed, body = sans, mono). */
  families: Record<FamilyKey, FamilyKey>;
  brand: {
    /** The header's brand name ('' for none). */
    name: string;
    tagline?: string;
    /** Footer candidates, longest first: the first that fits at full size is used. */
    siteLines: string[];
  };
  logo?: { dataUri: string; width: number; height: number };
}

export const BUILT_IN_CARD_THEME: CardTheme = {
  builtIn: true,
  colours: { ...COLOURS },
  families: { typewriter: 'typewriter', courier: 'courier', mono: 'mono', sans: 'sans', condensed: 'condensed' },
  brand: {
    name: BRAND.name,
    tagline: BRAND.tagline,
    siteLines: [`${BRAND.site} — satirical case files on real jobs`, `${BRAND.site} — case files on real jobs`, BRAND.site],
  },
};
