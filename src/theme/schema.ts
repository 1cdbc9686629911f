/**
 * A site's theme: its brand on every output. The keys are a contract sites rely on, so they are
 * fixed here and every one is optional. Colours are hex only and fonts are names from the font
 * registry: both go into CSS and card styles verbatim, so nothing else may pass.
 */
import { z } from 'zod';
import { FAMILIES } from '../fonts/registry.js';

export const HEX_COLOUR_PATTERN = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
export const LOGO_FILE_PATTERN = /\.(svg|png)$/i;
export const FONT_FAMILY_NAMES = Object.values(FAMILIES) as [string, ...string[]];

const colour = z.string().regex(HEX_COLOUR_PATTERN);
const family = z.enum(FONT_FAMILY_NAMES);
const line = z.string().trim().min(1).max(120);

export const ThemeSchema = z.strictObject({
  $schema: z.string().optional(),
  name: line.optional(),
  tagline: line.optional(),
  site: line.optional(),
  url: z.url({ protocol: /^https?$/ }).max(300).optional(),
  colors: z
    .strictObject({ paper: colour.optional(), ink: colour.optional(), muted: colour.optional(), accent: colour.optional() })
    .optional(),
  /** SVG or PNG, relative to the file the theme is in. */
  logo: z.string().min(1).regex(LOGO_FILE_PATTERN).optional(),
  fonts: z.strictObject({ display: family.optional(), body: family.optional(), mono: family.optional() }).optional(),
});

export type Theme = z.infer<typeof ThemeSchema>;
export type ThemeColours = Required<NonNullable<Theme['colors']>>;
export type ThemeFonts = Required<NonNullable<Theme['fonts']>>;
