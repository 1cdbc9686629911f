/** `--engine takumi` end to end: every format it makes, and the one-line refusal where its native binary is missing. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { decodePng, PNG_MAGIC } from '../helpers/png.js';
import { tempDir } from '../helpers/tmp.js';

const SLUG = 'lead-infrastructure-engineer';

describe('casefile cards --engine takumi', () => {
  it('writes png, svg, webp and jpeg at the asked scale, and says which engine drew them', () => {
    const out = tempDir();
    const result = runCli(['cards', SLUG, '--engine', 'takumi', '--section', 'salary', '--format', 'png,svg,webp,jpeg', '--quality', '70', '--scale', '2', '--workers', '0', '--json', '--out-dir', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const dir = path.join(out, SLUG, 'cards');
    expect(readdirSync(dir).sort()).toEqual(['salary@2x.jpeg', 'salary@2x.png', 'salary@2x.svg', 'salary@2x.webp']);
    const png = readFileSync(path.join(dir, 'salary@2x.png'));
    expect(png.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    expect([decodePng(png).width, decodePng(png).height]).toEqual([2400, 1260]);
    const webp = readFileSync(path.join(dir, 'salary@2x.webp'));
    expect([webp.subarray(0, 4).toString('latin1'), webp.subarray(8, 12).toString('latin1')]).toEqual(['RIFF', 'WEBP']);
    const jpeg = readFileSync(path.join(dir, 'salary@2x.jpeg'));
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    // A JPEG's SOF0/SOF2 segment holds its height and width: the scale applies to every raster format.
    const sof = jpeg.findIndex((byte, index) => byte === 0xff && (jpeg[index + 1] === 0xc0 || jpeg[index + 1] === 0xc2));
    expect([jpeg.readUInt16BE(sof + 7), jpeg.readUInt16BE(sof + 5)]).toEqual([2400, 1260]);
    const svg = readFileSync(path.join(dir, 'salary@2x.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[^>]+width="1200" height="630"/);
    const report = JSON.parse(result.stdout) as { outputs: { format: string; engine: string }[] };
    expect(report.outputs.map((output) => `${output.format}:${output.engine}`)).toEqual(['png:takumi', 'svg:takumi', 'webp:takumi', 'jpeg:takumi']);
  });

  it('fails in one line, writing nothing, where the native binary is missing; satori still works there', () => {
    const out = tempDir();
    // napi-rs loaders try TAKUMI_CORE_TARGET first: pointing it nowhere is a platform without the binary.
    const env = { ...process.env, TAKUMI_CORE_TARGET: path.join(out, 'no-such-binding.node') };
    const refused = runCli(['cards', SLUG, '--engine', 'takumi', '--section', 'cover', '--out-dir', out], { env });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^error: The takumi engine is not available on \w+-\w+: @takumi-rs\/core has no working native binary here \(.*\)\. Use --engine satori\.\n$/);
    expect(readdirSync(out)).toEqual([]);
    const satori = runCli(['cards', SLUG, '--section', 'cover', '--workers', '0', '--out-dir', out], { env });
    expect(satori.status).toBe(0);
    expect(readdirSync(path.join(out, SLUG, 'cards'))).toEqual(['cover.png']);
  });

  it('builds with the engine from casefile.config.json, records it in the manifest, and rebuilds when it changes', () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    const config = path.join(dir, 'casefile.config.json');
    writeFileSync(config, JSON.stringify({ engine: 'takumi', formats: ['webp'], quality: 60 }));
    const base = ['build', SLUG, '--only', 'cards', '--section', 'cover', '--config', config, '--out-dir', out, '--quiet'];
    const first = runCli(base);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { outputs: { path: string; engine: string; format: string }[] };
    expect(manifest.outputs).toMatchObject([{ path: `${SLUG}/cards/cover.webp`, engine: 'takumi', format: 'webp' }]);
    const again = runCli([...base, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ made: 0, skipped: 1 });
    // The flag wins over the file; the engine is part of the cache key, so the card is drawn again.
    const png = runCli(['build', SLUG, '--only', 'cards', '--section', 'cover', '--config', config, '--out-dir', out, '--json', '--format', 'png', '--engine', 'satori']);
    expect(JSON.parse(png.stdout)).toMatchObject({ made: 1, skipped: 0 });
    const webpWithSatori = runCli([...base, '--engine', 'satori']);
    expect(webpWithSatori.status).toBe(2);
    expect(webpWithSatori.stderr).toContain('The satori engine cannot write webp');
  });
});
