/**
 * A site's theme end to end, through the CLI: one themed build (dossier and cover card) read
 * back for the brand, the colours and the absence of casefile's name; the config's errors in
 * the records' form; --theme FILE; and the pieces (colour sums, the dossier's CSS) on their own.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mix } from '../../src/theme/colour.js';
import { themeCss } from '../../src/theme/dossier.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const ACCENT = '#0b6e4f';
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="40" height="40" rx="8" fill="#0b6e4f"/><rect x="50" y="10" width="64" height="20" fill="#0b6e4f"/></svg>';
const THEME = {
  name: 'Acme Careers',
  tagline: 'Honest job profiles',
  site: 'careers.acme.example',
  url: 'https://careers.acme.example/roles',
  colors: { paper: '#ffffff', ink: '#10243e', muted: '#4a5a6a', accent: ACCENT },
  logo: 'brand/logo.svg',
  fonts: { display: 'IBM Plex Sans', body: 'IBM Plex Sans', mono: 'IBM Plex Mono' },
};

function site(config: object): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'data'));
  mkdirSync(path.join(dir, 'brand'));
  copyFileSync(path.join(ROOT, 'data', 'sdet.json'), path.join(dir, 'data', 'sdet.json'));
  writeFileSync(path.join(dir, 'brand', 'logo.svg'), LOGO);
  writeFileSync(path.join(dir, 'casefile.config.json'), JSON.stringify(config, null, 2));
  return dir;
}

function countPixels(png: PNG, hex: string, tolerance = 24): number {
  const want = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (want.every((channel, c) => Math.abs(png.data[i + c]! - channel) <= tolerance)) count++;
  }
  return count;
}

describe('a themed build', () => {
  let dir: string;
  let status: number | null;
  let stderr: string;
  beforeAll(() => {
    dir = site({ theme: THEME });
    // The config in the working folder applies without --config.
    ({ status, stderr } = runCli(['build', 'sdet', '--section', 'cover', '--out-dir', 'out'], { cwd: dir }));
  }, 180_000);

  it('puts the brand in the PDF text and document info, and casefile only in the Producer', () => {
    expect(status, stderr).toBe(0);
    const pdf = path.join(dir, 'out', 'sdet.pdf');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('ACME CAREERS · HONEST JOB PROFILES');
    expect(text).toContain('CLASSIFIED · ACME CAREERS');
    expect(text.toLowerCase()).not.toContain('casefile');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/^Author:\s+Acme Careers$/m);
    expect(info).toMatch(/^Creator:\s+Acme Careers$/m);
    const infoLines = info.split('\n').filter((line) => /casefile/i.test(line));
    expect(infoLines).toEqual([expect.stringMatching(/^Producer:\s+casefile /)]);
    // Nowhere else in the file's bytes either (XMP included): every mention is the Producer's.
    const raw = readFileSync(pdf).toString('latin1');
    const mentions = [...raw.matchAll(/casefile.{0,30}/gi)].map((match) => match[0]);
    expect(mentions.length).toBeGreaterThan(0);
    for (const mention of mentions) expect(mention).toMatch(/^casefile \d+\.\d+\.\d+ \(pdf-lib, Chromium\)/);
  });

  it('prints the dossier cover in the theme colours', () => {
    const prefix = path.join(dir, 'cover');
    execFileSync('pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '1', path.join(dir, 'out', 'sdet.pdf'), prefix]);
    const png = PNG.sync.read(readFileSync(`${prefix}-01.png`));
    // The file number and stamps are in the accent; the cover is the paper mixed with a little ink.
    expect(countPixels(png, ACCENT, 30)).toBeGreaterThan(50);
    expect(countPixels(png, '#a3201b', 30)).toBe(0);
    expect(countPixels(png, mix('#ffffff', '#10243e', 0.08), 4)).toBeGreaterThan((png.width * png.height) / 3);
  });

  it('draws the cover card in the theme: accent, paper, logo, and no casefile mark', () => {
    const png = PNG.sync.read(readFileSync(path.join(dir, 'out', 'sdet', 'cards', 'cover.png')));
    expect(countPixels(png, '#ffffff', 2)).toBeGreaterThan((png.width * png.height) / 2);
    expect(countPixels(png, '#a3201b', 30)).toBe(0);
    expect(countPixels(png, '#f3ecd9', 3)).toBe(0);
    // The logo's 40x40 square, drawn at the header's 30 px height, in the top-left corner.
    let logoPixels = 0;
    for (let y = 44; y < 74; y++) for (let x = 44; x < 74; x++) {
      const i = (y * png.width + x) * 4;
      if (Math.abs(png.data[i]! - 0x0b) < 12 && Math.abs(png.data[i + 1]! - 0x6e) < 12) logoPixels++;
    }
    expect(logoPixels).toBeGreaterThan(600);
    const gallery = readFileSync(path.join(dir, 'out', 'index.html'), 'utf8');
    expect(gallery.toLowerCase()).not.toContain('casefile');
  });
});

describe('theme settings', () => {
  it('refuses a bad theme value with file, line, JSON path, expected and received', () => {
    const dir = site({ theme: { ...THEME, colors: { accent: 'red' } } });
    const result = runCli(['cards', 'sdet', '--section', 'cover'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'error: casefile.config.json:8:17: $.theme.colors.accent: expected a hex colour such as "#1d1b18", received the string "red"',
    );
  });

  it('names a missing logo where the config names it, and --theme FILE replaces the config theme', () => {
    const dir = site({ theme: { ...THEME, logo: 'brand/missing.png' } });
    const missing = runCli(['pdf', 'sdet'], { cwd: dir });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/casefile\.config\.json:\d+:\d+: \$\.theme\.logo: cannot read the logo .*missing\.png: ENOENT/);
    writeFileSync(path.join(dir, 'theme.json'), JSON.stringify({ fonts: { display: 'Comic Sans' } }));
    const badFont = runCli(['cards', 'sdet', '--theme', 'theme.json'], { cwd: dir });
    expect(badFont.status).toBe(1);
    expect(badFont.stderr).toContain('theme.json:1:21: $.fonts.display: expected one of "Special Elite", "Courier Prime", "IBM Plex Mono", "IBM Plex Sans", "IBM Plex Sans Condensed", received the string "Comic Sans"');
  });

  it('turns colours into CSS custom properties, derived tones included, and only those set', () => {
    const css = themeCss({ colors: { accent: '#0b6e4f' }, fonts: { body: 'IBM Plex Mono' }, hash: '' });
    expect(css).toContain(
      `:root { --red: #0b6e4f; --red-wash: ${mix('#f5efe1', '#0b6e4f', 0.12)}; --numeral: ${mix('#f5efe1', '#0b6e4f', 0.16)}; ` +
        `--note-tint: ${mix(mix('#f5efe1', '#ffffff', 0.45), '#0b6e4f', 0.06)}; --pin-rim: ${mix('#0b6e4f', '#1d1b18', 0.45)}; --sans: "IBM Plex Mono", sans-serif; }`,
    );
    expect(css).not.toContain('--paper');
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
  });
});
