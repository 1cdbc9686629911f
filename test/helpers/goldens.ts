/**
 * Golden images, for cards and dossier pages alike: a test compares against the committed PNG,
 * or, run with UPDATE_GOLDENS=1 (`npm run golden:cards`, `npm run golden:dossier`), rewrites it
 * instead. `npm test` never sets the variable, and under CI asking for it is an error, so a test
 * run cannot quietly replace what it is meant to check.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.js';

export const GOLDEN_ROOT = path.join(ROOT, 'test', 'golden');

export const UPDATE_GOLDENS = process.env['UPDATE_GOLDENS'] === '1';

if (UPDATE_GOLDENS && process.env['CI']) {
  throw new Error('UPDATE_GOLDENS=1 under CI: goldens are refreshed by hand (npm run golden:cards, npm run golden:dossier) and committed, never written by CI');
}

/** Writes a golden whole or not at all: a test comparing against it meanwhile reads the old or the new file. */
export function writeGolden(file: string, bytes: Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}
