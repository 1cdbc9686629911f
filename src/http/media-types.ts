/** The Content-Type of each file casefile serves: the card formats and the dossier. */
import type { CardFormat } from '../cards/plan.js';

export const MEDIA_TYPES: Readonly<Record<CardFormat | 'pdf', string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
};
