/**
 * A built-in layout's tree redrawn in a theme: each default palette colour becomes the theme's,
 * each default family the theme's, wherever they appear in a style (borders included). The
 * layouts stay written in one palette; text was already measured in the theme's families
 * (the type setter maps them the same way), so nothing moves.
 */
import { FAMILIES } from '../fonts/registry.js';
import type { CardChild, CardElement, Style } from './element.js';
import { COLOURS, type CardTheme, type FamilyKey } from './theme.js';

function colourMap(theme: CardTheme): Map<string, string> {
  return new Map((Object.keys(COLOURS) as (keyof typeof COLOURS)[]).map((key) => [COLOURS[key], theme.colours[key]]));
}

function familyMap(theme: CardTheme): Map<string, string> {
  return new Map((Object.keys(FAMILIES) as FamilyKey[]).map((key) => [FAMILIES[key], FAMILIES[theme.families[key]]]));
}

const HEX = /#[0-9a-f]{6}\b/g;

function restyle(style: Style, colours: Map<string, string>, families: Map<string, string>): Style {
  const out: Style = {};
  for (const [key, value] of Object.entries(style)) {
    if (typeof value !== 'string') out[key] = value;
    else if (key === 'fontFamily') out[key] = families.get(value) ?? value;
    else out[key] = value.replace(HEX, (hex) => colours.get(hex) ?? hex);
  }
  return out;
}

export function recolour(tree: CardElement, theme: CardTheme): CardElement {
  if (theme.builtIn) return tree;
  const colours = colourMap(theme);
  const families = familyMap(theme);
  const visit = (node: CardChild): CardChild => {
    if (typeof node === 'string') return node;
    const { style, children, ...rest } = node.props;
    return {
      type: node.type,
      props: {
        ...rest,
        ...(style ? { style: restyle(style, colours, families) } : {}),
        ...(children === undefined ? {} : { children: Array.isArray(children) ? children.map(visit) : visit(children) }),
      },
    };
  };
  return visit(tree) as CardElement;
}
