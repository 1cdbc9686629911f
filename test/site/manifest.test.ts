import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manifestJson, mergeManifests, sortEntries, withVersion, type ManifestEntry } from '../../src/site/manifest.js';
import { absoluteUrl, metaTagsHtml } from '../../src/site/meta-tags.js';

const entry = (record: string, path: string, hash = 'a'.repeat(64)): ManifestEntry => ({
  record,
  title: record.toUpperCase(),
  kind: path.endsWith('.pdf') ? 'dossier' : 'card',
  format: path.endsWith('.pdf') ? 'pdf' : 'png',
  path,
  bytes: 10,
  hash,
  ...(path.endsWith('.png') ? { width: 1200, height: 630, section: 'cover', size: 'og' } : {}),
});

describe('mergeManifests', () => {
  it('joins shard manifests into one, sorted by path', () => {
    const merged = mergeManifests([
      { generator: 'casefile 1', outputs: [entry('b', 'b.pdf'), entry('b', 'b/cards/cover.png')] },
      { generator: 'casefile 1', outputs: [entry('a', 'a.pdf')] },
    ]);
    expect(merged.outputs.map((output) => output.path)).toEqual(['a.pdf', 'b.pdf', 'b/cards/cover.png']);
  });

  it('accepts the same file twice but refuses two different files at one path', () => {
    expect(mergeManifests([{ generator: 'g', outputs: [entry('a', 'a.pdf')] }, { generator: 'g', outputs: [entry('a', 'a.pdf')] }]).outputs).toHaveLength(1);
    expect(() =>
      mergeManifests([{ generator: 'g', outputs: [entry('a', 'a.pdf')] }, { generator: 'g', outputs: [entry('a', 'a.pdf', 'b'.repeat(64))] }]),
    ).toThrow(/disagree about a\.pdf/);
  });

  it("keeps each card's alt text", () => {
    const card = { ...entry('b', 'b/cards/cover.png'), alt: 'Case file: B.' };
    expect(mergeManifests([{ generator: 'g', outputs: [card] }, { generator: 'g', outputs: [entry('a', 'a.pdf')] }]).outputs[1]!.alt).toBe('Case file: B.');
  });

  it('writes stable JSON', () => {
    const one = manifestJson({ generator: 'g', outputs: [entry('b', 'b.pdf'), entry('a', 'a.pdf')] });
    const two = manifestJson({ generator: 'g', outputs: [entry('a', 'a.pdf'), entry('b', 'b.pdf')] });
    expect(one).toBe(two);
  });

  it('writes, an entry at a time, the bytes JSON.stringify writes for the whole manifest', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    const anEntry = fc.record({
      record: text,
      path: fc.string({ minLength: 1, maxLength: 12 }),
      hash: fc.stringMatching(/^[0-9a-f]{64}$/),
      alt: fc.option(text, { nil: undefined }),
      bytes: fc.nat(),
    });
    const manifest = fc.record({
      generator: text,
      baseUrl: fc.option(text, { nil: undefined }),
      outputs: fc.array(anEntry, { maxLength: 5 }).map((entries) =>
        entries.map(({ alt, ...fields }): ManifestEntry => ({ ...fields, title: fields.record, kind: 'card', format: 'png', ...(alt === undefined ? {} : { alt }) })),
      ),
    });
    fc.assert(
      fc.property(manifest, (value) => {
        const whole = `${JSON.stringify({ ...value, outputs: sortEntries(value.outputs).map(withVersion) }, null, 2)}\n`;
        expect(manifestJson(value)).toBe(whole);
      }),
      { numRuns: 300 },
    );
  });
});

describe('metaTagsHtml', () => {
  const image = entry('sdet', 'sdet/cards/cover.png');

  it('gives og:image with its size and alt, and a large Twitter card', () => {
    const html = metaTagsHtml({ title: 'SDET', description: 'What does an SDET do?', image, baseUrl: 'https://example.org/roles/' });
    expect(html).toContain('<meta property="og:image" content="https://example.org/roles/sdet/cards/cover.png?v=aaaaaaaaaaaa">');
    expect(html).toContain('<meta property="og:image:width" content="1200">');
    expect(html).toContain('<meta property="og:image:height" content="630">');
    expect(html).toMatch(/<meta property="og:image:alt" content="Case file: SDET\. What does an SDET do\?">/);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
  });

  it("gives the card's own alt text as og:image:alt and twitter:image:alt, escaped", () => {
    const alt = 'Case file: SDET. Flight risk 79%, HIGH RISK; "quoted" <b> & co.';
    const html = metaTagsHtml({ title: 'SDET', description: 'What does an SDET do?', image: { ...image, alt }, baseUrl: 'https://example.org' });
    const escaped = 'Case file: SDET. Flight risk 79%, HIGH RISK; &quot;quoted&quot; &lt;b&gt; &amp; co.';
    expect(html).toContain(`<meta property="og:image:alt" content="${escaped}">`);
    expect(html).toContain(`<meta name="twitter:image:alt" content="${escaped}">`);
  });

  it('escapes record text', () => {
    const html = metaTagsHtml({ title: '"><script>alert(1)</script>', description: "it's <b>", image, baseUrl: 'https://x.test' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
    expect(html).toContain('it&#39;s &lt;b&gt;');
  });

  it('joins URLs with exactly one slash and encodes path segments', () => {
    expect(absoluteUrl('https://x.test/a//', 'b c/d.png')).toBe('https://x.test/a/b%20c/d.png');
  });
});
