/** Which card a record's meta page shares, and which records get one. */
import { describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../src/site/manifest.js';
import { metaPages, shareImage } from '../../src/site/site-files.js';
import { loadDataRecord } from '../helpers/records.js';

const card = (record: string, section: string, size: string, format: ManifestEntry['format']): ManifestEntry => ({
  record,
  title: record,
  kind: 'card',
  section,
  size,
  format,
  path: `${record}/cards/${section}${size === 'og' ? '' : `.${size}`}.${format}`,
  width: 1200,
  height: 630,
  bytes: 1,
  hash: 'a'.repeat(64),
});

describe('shareImage', () => {
  it('shares the og cover in PNG when there is one', () => {
    const cards = [card('sdet', 'salary', 'og', 'png'), card('sdet', 'cover', 'square', 'png'), card('sdet', 'cover', 'og', 'jpeg'), card('sdet', 'cover', 'og', 'png')];
    expect(shareImage(cards)).toEqual(card('sdet', 'cover', 'og', 'png'));
  });

  it('falls back to another cover size, then to any section, and to JPEG or WebP when no PNG was built', () => {
    expect(shareImage([card('sdet', 'salary', 'og', 'png'), card('sdet', 'cover', 'square', 'png')])?.path).toBe('sdet/cards/cover.square.png');
    expect(shareImage([card('sdet', 'salary', 'og', 'png')])?.path).toBe('sdet/cards/salary.png');
    expect(shareImage([card('sdet', 'cover', 'og', 'webp'), card('sdet', 'cover', 'og', 'jpeg')])?.format).toBe('jpeg');
    expect(shareImage([card('sdet', 'cover', 'og', 'webp')])?.format).toBe('webp');
    // Few sites' crawlers read SVG images, so an SVG-only build shares nothing.
    expect(shareImage([card('sdet', 'cover', 'og', 'svg')])).toBeUndefined();
  });
});

describe('metaPages', () => {
  const sdet = loadDataRecord('sdet');

  it('gives a record with a shareable card its page, with the image type of the card it shares', () => {
    const manifest = { generator: 'test', outputs: [card('sdet', 'cover', 'og', 'jpeg')] };
    const [page, ...rest] = metaPages(manifest, [sdet], 'https://example.org');
    expect(rest).toEqual([]);
    expect(page?.path).toBe('sdet/meta.html');
    expect(page?.record).toBe('sdet');
    expect(page?.html).toContain('<meta property="og:image" content="https://example.org/sdet/cards/cover.jpeg?v=aaaaaaaaaaaa">');
    expect(page?.html).toContain('<meta property="og:image:type" content="image/jpeg">');
  });

  it("passes the build's QR link and theme on: og:url where the QR code leads, og:site_name the theme's name", () => {
    const manifest = { generator: 'test', outputs: [card('sdet', 'cover', 'og', 'png')] };
    const qr = { baseUrl: 'https://example.org', urlTemplate: '{baseUrl}/cases/{slug}.html' };
    const [page] = metaPages(manifest, [sdet], 'https://example.org', { qr, theme: { name: 'Acme Careers' } });
    expect(page?.html).toContain('<meta property="og:url" content="https://example.org/cases/sdet.html">');
    expect(page?.html).toContain('<meta property="og:site_name" content="Acme Careers">');
    // A theme without a name (only a site line, say) names no site.
    const [plain] = metaPages(manifest, [sdet], 'https://example.org', { theme: {} });
    expect(plain?.html).toContain('<meta property="og:url" content="https://example.org/sdet/">');
    expect(plain?.html).not.toContain('og:site_name');
  });

  it('writes none without a base URL or without a card to share', () => {
    expect(metaPages({ generator: 'test', outputs: [card('sdet', 'cover', 'og', 'png')] }, [sdet], undefined)).toEqual([]);
    expect(metaPages({ generator: 'test', outputs: [card('other', 'cover', 'og', 'png')] }, [sdet], 'https://example.org')).toEqual([]);
  });
});
