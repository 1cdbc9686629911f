/** `casefile pdf` as a subprocess: the print options, and exit codes that say what went wrong. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { pdfinfo } from '../helpers/poppler.js';
import { tempDir } from '../helpers/tmp.js';

describe('casefile pdf', () => {
  it('prints print-shop output on Letter with --bleed and --crop-marks', () => {
    const out = tempDir();
    const result = runCli(['pdf', 'lead-infrastructure-engineer', '--paper', 'letter', '--bleed', '0.125in', '--crop-marks', '--out-dir', out, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const file = JSON.parse(result.stdout).outputs[0].output as string;
    expect(file).toBe(path.join(out, 'lead-infrastructure-engineer.pdf'));
    const boxes = pdfinfo(file, ['-box', '-f', '1', '-l', '1']);
    const [tx0, ty0, tx1, ty1] = boxes['Page    1 TrimBox']!.split(/\s+/).map(Number) as number[];
    expect(tx1! - tx0!).toBeCloseTo(612, -0.5);
    expect(ty1! - ty0!).toBeCloseTo(792, -0.5);
    expect(boxes['Page    1 MediaBox']).not.toBe(boxes['Page    1 TrimBox']);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints landscape A3', () => {
    const out = tempDir();
    const result = runCli(['pdf', 'lead-infrastructure-engineer', '--paper', 'a3', '--landscape', '--out-dir', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(pdfinfo(path.join(out, 'lead-infrastructure-engineer.pdf'))['Page size']).toBe('1191.12 x 841.92 pts (A3)');
  });

  it('exits 2 for a bad --bleed, naming the option, what is allowed and what it got, before starting a browser', () => {
    // A browser that cannot exist: had the command looked for it before checking --bleed, it would name it.
    const result = runCli(['pdf', 'lead-infrastructure-engineer', '--bleed', 'lots', '--browser', '/nonexistent/chromium']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Invalid value for --bleed. Allowed values: a length from 0 to 25mm');
    expect(result.stderr).toContain('Received: "lots"');
    expect(result.stderr).not.toContain('/nonexistent/chromium');
  });

  it('exits 2 for a paper size it does not know', () => {
    const result = runCli(['pdf', 'lead-infrastructure-engineer', '--paper', 'a5']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Invalid values:[\s\S]*paper[\s\S]*a5/);
    expect(result.stderr).toMatch(/a4.*letter.*a3.*a2/);
  });

  it('exits 1 for a broken user template and names its file and line', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'partials'));
    writeFileSync(path.join(dir, 'partials', 'habitat.hbs'), '<ul>\n{{#each data.places}}\n<li>{{this}</li>\n');
    const result = runCli(['pdf', 'lead-infrastructure-engineer', '--templates', dir, '--out-dir', tempDir()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${path.join(dir, 'partials', 'habitat.hbs')}:3`);
  });
});
