/**
 * The card flags `cards`, `build` and `preview` take, as settings: lists split (repeat a flag or
 * comma-separate), the engine and formats parsed to what the library takes. Sizes, scale,
 * sections and quality are checked where the cards are planned (src/cards/plan.ts).
 */
import { parseEngine } from '../cards/engines/engine.js';
import { parseFormats } from '../cards/plan.js';
import { splitList } from './options.js';
import type { SettingsLayer } from './settings.js';

export interface CardArgs {
  size?: (string | number)[] | undefined;
  scale?: number | undefined;
  format?: (string | number)[] | undefined;
  engine?: string | undefined;
  quality?: number | undefined;
  section?: (string | number)[] | undefined;
}

export function cardFlags(args: CardArgs): SettingsLayer {
  const formats = splitList(args.format);
  return {
    sizes: splitList(args.size),
    scale: args.scale,
    formats: formats === undefined ? undefined : parseFormats(formats),
    engine: args.engine === undefined ? undefined : parseEngine(args.engine),
    quality: args.quality,
    sections: splitList(args.section),
  };
}
