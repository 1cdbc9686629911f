import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_URL, PAGE_ORIGIN, assetUrl, cacheHeaders, routeRequest } from '../../src/browser/serve.js';
import { BUILTIN_TEMPLATES_DIR, FONTS_DIR } from '../../src/paths.js';
import { tempDir } from '../helpers/tmp.js';

describe('routeRequest', () => {
  const root = tempDir();
  const fonts = path.join(root, 'fonts');
  mkdirSync(fonts);
  writeFileSync(path.join(fonts, 'a.ttf'), 'font');
  writeFileSync(path.join(root, 'outside.css'), 'secret');
  symlinkSync(path.join(root, 'outside.css'), path.join(fonts, 'link.css'));
  const mounts = { fonts };

  it('serves the document and files under a mount', () => {
    expect(routeRequest(DOCUMENT_URL, mounts)).toEqual({ kind: 'document' });
    expect(routeRequest(assetUrl('fonts', 'a.ttf'), mounts)).toEqual({ kind: 'asset', file: path.join(fonts, 'a.ttf'), type: 'font/ttf' });
  });

  it.each([
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'https://example.com/a.ttf',
    `${PAGE_ORIGIN}/etc/passwd`,
    `${PAGE_ORIGIN}/assets/unknown/a.ttf`,
    `${PAGE_ORIGIN}/assets/fonts/%2e%2e/outside.css`,
    `${PAGE_ORIGIN}/assets/fonts/..%2Foutside.css`,
    `${PAGE_ORIGIN}/assets/fonts/link.css`,
    `${PAGE_ORIGIN}/assets/fonts/a.ttf?x=1`,
    `${PAGE_ORIGIN}/assets/fonts/script.js`,
  ])('blocks %s', (url) => {
    expect(routeRequest(url, mounts)).toEqual({ kind: 'block' });
  });
});

describe('cacheHeaders', () => {
  const cacheable = 'public, max-age=31536000, immutable';
  it("lets Chromium cache only the package's own fonts and stylesheets, under their own mounts", () => {
    expect(cacheHeaders(assetUrl('fonts', 'IBMPlexSans-Regular.ttf'), path.join(FONTS_DIR, 'IBMPlexSans-Regular.ttf'))['cache-control']).toBe(cacheable);
    expect(cacheHeaders(assetUrl('builtin', 'dossier.css'), path.join(BUILTIN_TEMPLATES_DIR, 'dossier.css'))['cache-control']).toBe(cacheable);
  });

  it('never caches the document, a user folder, or a package file reached through the theme mount', () => {
    expect(cacheHeaders(undefined, undefined)['cache-control']).toBe('no-store');
    expect(cacheHeaders(DOCUMENT_URL, undefined)['cache-control']).toBe('no-store');
    // The theme mount is the built-in folder for one document and a user's folder for the next.
    expect(cacheHeaders(assetUrl('theme', 'dossier.css'), path.join(BUILTIN_TEMPLATES_DIR, 'dossier.css'))['cache-control']).toBe('no-store');
    expect(cacheHeaders(assetUrl('data', 'photo.png'), path.join(tempDir(), 'photo.png'))['cache-control']).toBe('no-store');
    expect(cacheHeaders(assetUrl('fonts', 'a.ttf'), path.join(tempDir(), 'a.ttf'))['cache-control']).toBe('no-store');
  });
});
