/** A resolved site theme → the cards' theme: colours with their derived tones, family keys, brand lines, logo. */
import { FAMILIES } from '../fonts/registry.js';
import { mix } from '../theme/colour.js';
import type { ResolvedTheme } from '../theme/load.js';
import { BUILT_IN_CARD_THEME, COLOURS, type CardTheme, type FamilyKey } from './theme.js';

function familyKey(name: string | undefined, fallback: FamilyKey): FamilyKey {
  const found = (Object.entries(FAMILIES) as [FamilyKey, string][]).find(([, family]) => family === name);
  return found ? found[0] : fallback;
}

/** "https://example.org/roles/" → "example.org/roles": how a URL reads in a footer. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}

export function cardTheme(theme?: ResolvedTheme): CardTheme {
  if (!theme) return BUILT_IN_CARD_THEME;
  const { colors, fonts } = theme;
  const paper = colors.paper ?? COLOURS.paper;
  const ink = colors.ink ?? COLOURS.ink;
  const muted = colors.muted ?? COLOURS.muted;
  const site = theme.site ?? (theme.url ? displayUrl(theme.url) : undefined) ?? theme.name;
  const url = theme.url ? displayUrl(theme.url) : undefined;
  const siteLines = site ? [...(url && url !== site ? [`${site} — ${url}`] : []), site] : [''];
  return {
    builtIn: false,
    colours: {
      paper,
      paperEdge: colors.paper ? mix(paper, ink, 0.08) : COLOURS.paperEdge,
      ink,
      muted,
      red: colors.accent ?? COLOURS.red,
      rule: colors.paper || colors.muted ? mix(paper, muted, 0.35) : COLOURS.rule,
    },
    families: {
      ...BUILT_IN_CARD_THEME.families,
      condensed: familyKey(fonts.display, 'condensed'),
      sans: familyKey(fonts.body, 'sans'),
      mono: familyKey(fonts.mono, 'mono'),
    },
    brand: { name: theme.name ?? '', ...(theme.tagline ? { tagline: theme.tagline } : {}), siteLines },
    ...(theme.logo ? { logo: { dataUri: theme.logo.dataUri, width: theme.logo.width, height: theme.logo.height } } : {}),
  };
}
