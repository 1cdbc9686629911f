/** The meta tags on their own (pure): og:url, og:site_name, secure_url and the image's content version. */
import { describe, expect, it } from 'vitest';
import { contentVersion, manifestJson, mergeManifests, withVersion, type ManifestEntry } from '../../src/site/manifest.js';
import { metaTagsHtml, versionedImageUrl } from '../../src/site/meta-tags.js';

const HASH = '0123456789abcdef'.repeat(4);
const image: ManifestEntry = {
  record: 'sdet',
  title: 'SDET',
  kind: 'card',
  section: 'cover',
  size: 'og',
  format: 'png',
  path: 'sdet/cards/cover.png',
  width: 1200,
  height: 630,
  bytes: 10,
  hash: HASH,
};
const tags = (html: string) => html.trim().split('\n');
const content = (html: string, key: string) => tags(html).find((tag) => tag.includes(`"${key}"`))?.match(/content="([^"]*)"/)?.[1];

describe('og:url', () => {
  it("is the record's page, <base-url>/<slug>/, with one slash however the base URL ends", () => {
    expect(content(metaTagsHtml({ title: 'SDET', description: 'q', image, baseUrl: 'https://example.org/roles' }), 'og:url')).toBe('https://example.org/roles/sdet/');
    expect(content(metaTagsHtml({ title: 'SDET', description: 'q', image, baseUrl: 'https://example.org/roles//' }), 'og:url')).toBe('https://example.org/roles/sdet/');
  });

  it("follows the --qr-url template, so the page and the dossier's QR code are one URL", () => {
    const html = metaTagsHtml({ title: 'SDET', description: 'q', image, baseUrl: 'https://example.org', qr: { urlTemplate: '{baseUrl}/cases/{slug}.html' } });
    expect(content(html, 'og:url')).toBe('https://example.org/cases/sdet.html');
    // A QR link with its own base URL: the page is where the code leads; the images stay on the site's.
    const elsewhere = metaTagsHtml({ title: 'SDET', description: 'q', image, baseUrl: 'https://cdn.example.org', qr: { baseUrl: 'https://example.org/roles' } });
    expect(content(elsewhere, 'og:url')).toBe('https://example.org/roles/sdet/');
    expect(content(elsewhere, 'og:image')).toMatch(/^https:\/\/cdn\.example\.org\/sdet\/cards\/cover\.png\?v=/);
  });

  it('escapes a template URL with a query for the attribute', () => {
    const html = metaTagsHtml({ title: 'SDET', description: 'q', image, baseUrl: 'https://example.org', qr: { urlTemplate: '{baseUrl}/r?slug={slug}&from="qr"' } });
    expect(html).toContain('<meta property="og:url" content="https://example.org/r?slug=sdet&amp;from=%22qr%22">');
    expect(html).not.toMatch(/content="[^"]*&(?!amp;)/);
  });
});

describe('og:site_name', () => {
  it("is the theme's name when there is one, escaped, and absent otherwise", () => {
    const named = metaTagsHtml({ title: 'SDET', description: 'q', image, baseUrl: 'https://x.test', siteName: 'Acme & "Sons" <Careers>' });
    expect(named).toContain('<meta property="og:site_name" content="Acme &amp; &quot;Sons&quot; &lt;Careers&gt;">');
    expect(metaTagsHtml({ title: 'SDET', description: 'q', image, baseUrl: 'https://x.test' })).not.toContain('og:site_name');
  });
});

describe('image URLs', () => {
  it('carry ?v= the first 12 hex digits of the sha256 of the image, on og:image, secure_url and twitter:image', () => {
    const html = metaTagsHtml({ title: 'SDET', description: 'q', image, baseUrl: 'https://example.org/roles' });
    const url = 'https://example.org/roles/sdet/cards/cover.png?v=0123456789ab';
    expect(versionedImageUrl('https://example.org/roles', image)).toBe(url);
    expect(content(html, 'og:image')).toBe(url);
    expect(content(html, 'og:image:secure_url')).toBe(url);
    expect(content(html, 'twitter:image')).toBe(url);
  });

  it('name a secure_url only for an https image', () => {
    const html = metaTagsHtml({ title: 'SDET', description: 'q', image, baseUrl: 'http://localhost:8080' });
    expect(content(html, 'og:image')).toBe('http://localhost:8080/sdet/cards/cover.png?v=0123456789ab');
    expect(html).not.toContain('og:image:secure_url');
  });

  it('take the version from the hash, not from a version written beside another hash', () => {
    const stale = { ...image, version: 'ffffffffffff' };
    expect(versionedImageUrl('https://x.test', stale)).toBe('https://x.test/sdet/cards/cover.png?v=0123456789ab');
  });

  it('keep the tags in the order a reader expects, the required four first', () => {
    const html = metaTagsHtml({ title: 'SDET', description: 'q', image, baseUrl: 'https://x.test', siteName: 'Acme' });
    expect(tags(html).map((tag) => tag.match(/(?:property|name)="([^"]+)"/)![1])).toEqual([
      'og:type', 'og:title', 'og:description', 'og:url', 'og:site_name',
      'og:image', 'og:image:secure_url', 'og:image:type', 'og:image:width', 'og:image:height', 'og:image:alt',
      'twitter:card', 'twitter:title', 'twitter:description', 'twitter:image', 'twitter:image:alt',
    ]);
  });
});

describe('manifest versions', () => {
  it('are the first 12 hex digits of each hash, on every entry written', () => {
    expect(contentVersion(HASH)).toBe('0123456789ab');
    const pdf: ManifestEntry = { ...image, kind: 'dossier', format: 'pdf', path: 'sdet.pdf', hash: 'f'.repeat(64) };
    const written = JSON.parse(manifestJson({ generator: 'g', outputs: [image, pdf] })) as { outputs: ManifestEntry[] };
    expect(written.outputs.map((entry) => [entry.path, entry.version])).toEqual([
      ['sdet.pdf', 'ffffffffffff'],
      ['sdet/cards/cover.png', '0123456789ab'],
    ]);
    expect(withVersion({ ...image, version: 'ffffffffffff' }).version).toBe('0123456789ab');
    expect(mergeManifests([{ generator: 'g', outputs: [image] }]).outputs[0]!.version).toBe('0123456789ab');
  });

  it('refuse a hash that is not a sha256', () => {
    expect(() => withVersion({ ...image, hash: 'abc' })).toThrow(/sdet\/cards\/cover\.png: hash "abc" is not the SHA-256/);
  });
});
