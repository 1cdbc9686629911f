#!/usr/bin/env node
// Part of `npm run build`: tsc writes dist/cli.js without the executable bit. npm sets that bit
// only when it links a bin, and `npx casefile` links the project's own bin once per checkout
// path: a later fresh clone at the same path reuses that link and its dist/cli.js would be
// refused with "Permission denied". So the build marks every bin executable itself.
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { bin = {} } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const bins = typeof bin === 'string' ? [bin] : Object.values(bin);

for (const relativePath of bins) {
  const path = new URL(relativePath, `file://${root}`);
  chmodSync(path, statSync(path).mode | 0o111);
}
