/** `casefile poster` as a subprocess. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { pdfinfo, pdfPages } from '../helpers/poppler.js';
import { tempDir } from '../helpers/tmp.js';

describe('casefile poster', () => {
  it('--help names the sizes and tiling', () => {
    const result = runCli(['poster', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('casefile poster');
    expect(result.stdout).toMatch(/--size[\s\S]*"a2", "a1", "a0", "24x36in"/);
    expect(result.stdout).toMatch(/--tile[\s\S]*"a4", "letter"/);
  });

  it('tiles an A2 poster over 8 numbered A4 pages', () => {
    const out = tempDir();
    const result = runCli(['poster', 'lead-infrastructure-engineer', '--tile', 'a4', '--out-dir', out, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const made = JSON.parse(result.stdout).outputs[0];
    expect(made).toMatchObject({ output: path.join(out, 'lead-infrastructure-engineer-poster-a2-tiles-a4.pdf'), tiles: 8 });
    expect(pdfinfo(made.output)['Pages']).toBe('8');
    // In drawing order: a label in the margin can share a baseline with the poster's own text.
    expect(pdfPages(made.output, { raw: true }).map((text) => /tile (\d+) of 8/.exec(text)?.[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('prints one A0 sheet', () => {
    const out = tempDir();
    const result = runCli(['poster', 'lead-infrastructure-engineer', '--size', 'a0', '--out-dir', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('lead-infrastructure-engineer-poster-a0.pdf');
    const info = pdfinfo(path.join(out, 'lead-infrastructure-engineer-poster-a0.pdf'));
    expect(info['Pages']).toBe('1');
    expect(info['Page size']).toContain('(A0)');
  });

  it('exits 2 when tiling is combined with print-shop marks, or the size is unknown', () => {
    const both = runCli(['poster', 'lead-infrastructure-engineer', '--tile', 'a4', '--bleed', '3mm']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--tile prints on a home printer, so it takes no --bleed or --crop-marks');
    const size = runCli(['poster', 'lead-infrastructure-engineer', '--size', 'a3']);
    expect(size.status).toBe(2);
    expect(size.stderr).toMatch(/Invalid values:[\s\S]*size/);
  });

  it('exits 1 for a record that does not exist', () => {
    const result = runCli(['poster', 'no-such-role', '--out-dir', tempDir()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no record at');
  });
});
