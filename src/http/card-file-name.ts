/**
 * A card's file name read back into what it names: the inverse of `cardBaseName` plus its format
 * (`salary.png`, `salary.story.webp`, `cover.800x418@2x.png`). Sizes and scales are checked as the
 * `cards` command checks them, so a URL asks for nothing the command line could not. Pure.
 */
import { CARD_FORMATS, CARD_IDS, isCardId, type CardFormat, type CardId } from '../cards/plan.js';
import { DEFAULT_SIZE, SIZE_PRESET_NAMES, assertPixelBudget, parseScale, parseSize } from '../cards/sizes.js';
import { isCasefileError } from '../errors.js';
import { refuse, type RequestRefusal } from './request-checks.js';

export interface CardFileRequest {
  kind: 'card-file';
  card: CardId;
  /** A preset name or `WxH`, as the plan names it. */
  size: string;
  scale: number;
  format: CardFormat;
}

const CARD_FILE = /^([a-z-]+)(?:\.([a-z]+|\d{1,5}x\d{1,5}))?(?:@(\d{1,2}(?:\.\d{1,3})?)x)?\.([a-z]+)$/;

export function parseCardFileName(name: string): CardFileRequest | RequestRefusal {
  const match = CARD_FILE.exec(name);
  if (!match) return refuse(404, `no such card file; cards are named <card>[.<size>][@<scale>x].<format>, e.g. cover.png or salary.story.webp`);
  const [, card = '', sizeText = DEFAULT_SIZE, scaleText = '1', format = ''] = match;
  if (!isCardId(card)) return refuse(404, `no such card; cards are ${CARD_IDS.join(', ')}`);
  if (!(CARD_FORMATS as readonly string[]).includes(format)) return refuse(404, `no such format; formats are ${CARD_FORMATS.join(', ')}`);
  if (/^[a-z]+$/.test(sizeText) && !(SIZE_PRESET_NAMES as string[]).includes(sizeText)) {
    return refuse(404, `no such size; sizes are ${SIZE_PRESET_NAMES.join(', ')} or WIDTHxHEIGHT`);
  }
  try {
    const size = parseSize(sizeText);
    const scale = parseScale(scaleText);
    assertPixelBudget(size, scale);
    return { kind: 'card-file', card, size: size.name, scale, format: format as CardFormat };
  } catch (error) {
    // Out of the bounds `cards` takes: the request is wrong, not missing.
    if (isCasefileError(error)) return refuse(400, error.message);
    throw error;
  }
}
