#!/usr/bin/env node
// Part of `npm run setup`: make sure casefile has a browser to print with, without the
// Chrome download that a plain `npm install puppeteer` attempts (and that fails offline).
// On Debian or Ubuntu as root it installs the distribution's chromium, a CJK fallback font
// for the cards (fonts-droid-fallback, found through fontconfig), DejaVu Sans for Hebrew, and the PDF tools
// (poppler-utils, qpdf) the test suite checks artifacts with.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, INSTALL_HINT } from '../dist/browser/find.js';

/** Debian package → how to tell it is already there. */
const SYSTEM_PACKAGES = {
  'poppler-utils': () => has('pdftotext'),
  qpdf: () => has('qpdf'),
  fontconfig: () => has('fc-list'),
  'fonts-droid-fallback': () => existsSync('/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf'),
  // Hebrew for the cards (no bundled or packaged font has it); the right-to-left tests draw it.
  'fonts-dejavu-core': () => existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'),
};

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function canUseApt() {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return root && existsSync('/usr/bin/apt-get');
}

function aptInstall(packages) {
  console.log(`setup: installing ${packages.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}

async function browserPath() {
  try {
    return (await findBrowser()).executablePath;
  } catch {
    return undefined;
  }
}

const missing = [];
if (!(await browserPath())) missing.push('chromium');
for (const [pkg, present] of Object.entries(SYSTEM_PACKAGES)) if (!present()) missing.push(pkg);

if (missing.length > 0) {
  if (canUseApt()) {
    aptInstall(missing);
  } else {
    console.error(`setup: missing ${missing.join(', ')}; install them with your package manager (not root or no apt-get here)`);
  }
}

const found = await browserPath();
if (!found) {
  console.error(`setup: ${INSTALL_HINT}`);
  process.exit(1);
}
console.log(`setup: browser ${found}`);
