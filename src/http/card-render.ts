/**
 * The render path both servers share: the card a request names, planned as `cards` plans it (so
 * it is the file `build` writes), the hash of its inputs (the build cache's), and its bytes drawn
 * by the caller's renderer (a worker pool).
 */
import type { EngineName } from '../cards/engines/engine.js';
import { planCards, type CardJob } from '../cards/plan.js';
import { cardBytes, type CardSettings } from '../cards/render.js';
import type { CardRenderer } from '../cards/renderer.js';
import { CasefileError } from '../errors.js';
import type { CaseFile } from '../record/schema.js';
import { cardInputs, type Fingerprint } from '../site/fingerprint.js';
import type { ResolvedTheme } from '../theme/load.js';
import type { CardFileRequest } from './card-file-name.js';

export interface PlannedCard {
  job: CardJob;
  /** The hash of everything the card is made from: equal inputs, equal bytes. */
  inputs: string;
}

export interface CardSite {
  fingerprint: Fingerprint;
  theme?: ResolvedTheme;
  engine?: EngineName;
  /** webp and jpeg quality, as the site builds them. */
  quality?: number;
}

/** Throws E_USAGE for what the engine cannot draw (svg from takumi), like `cards` would. */
export function planRequestedCard(record: CaseFile, request: CardFileRequest, site: CardSite): PlannedCard {
  const [job] = planCards(record, {
    sections: [request.card],
    sizes: [request.size],
    scale: request.scale,
    formats: [request.format],
    ...(site.engine ? { engine: site.engine } : {}),
    ...(site.quality !== undefined ? { quality: site.quality } : {}),
  });
  return { job: job!, inputs: cardInputs(site.fingerprint, record, job!, site.theme) };
}

/** The card's bytes in the one format its job asks for. */
export async function drawRequestedCard(renderer: CardRenderer, record: CaseFile, job: CardJob, settings?: CardSettings): Promise<Uint8Array> {
  const [drawn] = await renderer.render(record, [job], settings);
  const format = job.formats[0]!;
  const bytes = drawn ? cardBytes(drawn, format) : undefined;
  if (!bytes) throw new CasefileError('E_RENDER', `card "${job.section}" (${job.size}) came back without its ${format}`);
  return bytes;
}
