/**
 * Chromium's untagged painting marked /Artifact, on real prints of the Lead Infrastructure
 * Engineer record: the dossier in both flows (the sheets flow with its QR code, the compact flow
 * with its running-header layer) and the poster with bleed and crop marks. Each is finished twice
 * from the same print, with the step and without it, and read by PDF.js's own parser
 * (test/helpers/marked-content.ts): nothing painted outside marked content, every nesting proper,
 * and nothing else changed: the structure tree as a reader gets it, pdftotext's text and every pixel.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { finishDossier, printDossier } from '../../src/api/dossier.js';
import { renderPoster } from '../../src/api/poster.js';
import { fileNumber } from '../../src/record/file-number.js';
import { useBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { auditMarkedContent, type PageAudit } from '../helpers/marked-content.js';
import { decodePng } from '../helpers/png.js';
import { pdftoppm, pdftotext, qpdfCheck } from '../helpers/poppler.js';
import { loadDataRecord } from '../helpers/records.js';
import { readPdf } from '../helpers/struct-tree.js';
import { tempDir } from '../helpers/tmp.js';

/** Whether finishing runs the step: the same print finished with and without it is the comparison. */
const step = vi.hoisted(() => ({ enabled: true }));
vi.mock('../../src/dossier/untagged-content.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/dossier/untagged-content.js')>();
  return { ...real, markUntaggedContentAsArtifacts: (...args: Parameters<typeof real.markUntaggedContentAsArtifacts>) => (step.enabled ? real.markUntaggedContentAsArtifacts(...args) : 0) };
});

const SLUG = 'lead-infrastructure-engineer';
const dataDir = path.join(ROOT, 'data');

interface Output {
  name: string;
  /** Finished with the step, twice from the same print, and without it. */
  marked: string;
  markedAgain: string;
  unmarked: string;
  audit: PageAudit[];
  auditUnmarked: PageAudit[];
}

describe('untagged painting marked as artifacts, on real prints', () => {
  const browser = useBrowser();
  const outDir = tempDir();
  const outputs: Output[] = [];

  const finishedBoth = async (name: string, finish: () => Promise<Uint8Array>): Promise<void> => {
    const write = (suffix: string, bytes: Uint8Array) => {
      const file = path.join(outDir, `${name}-${suffix}.pdf`);
      writeFileSync(file, bytes);
      return file;
    };
    step.enabled = true;
    const marked = write('marked', await finish());
    const markedAgain = write('marked-again', await finish());
    step.enabled = false;
    const unmarked = write('unmarked', await finish());
    step.enabled = true;
    outputs.push({ name, marked, markedAgain, unmarked, audit: await auditMarkedContent(marked), auditUnmarked: await auditMarkedContent(unmarked) });
  };

  beforeAll(async () => {
    const record = loadDataRecord(SLUG);
    for (const flow of ['sheets', 'compact'] as const) {
      const printed = await printDossier(browser(), record, { dataDir, flow, qr: { baseUrl: 'https://example.org/roles' } });
      // Finishing takes over a parsed document; each finish parses Chromium's bytes afresh.
      await finishedBoth(`dossier-${flow}`, async () => (await finishDossier({ ...printed, parsed: undefined })).pdf);
    }
    await finishedBoth('poster', async () => (await renderPoster(browser(), record, { dataDir, bleedMm: 3, cropMarks: true })).pdf);
  }, 600_000);

  it('had untagged painting to mark on every output without the step', () => {
    expect(outputs.map((output) => output.name)).toEqual(['dossier-sheets', 'dossier-compact', 'poster']);
    for (const output of outputs) expect(output.auditUnmarked.reduce((sum, page) => sum + page.unmarked, 0), output.name).toBeGreaterThan(0);
  });

  it('paints nothing outside marked content, on any page', () => {
    for (const output of outputs) {
      expect(output.audit.filter((page) => page.unmarked > 0).map((page) => `page ${page.number}: ${page.unmarked}`), output.name).toEqual([]);
      expect(output.audit.every((page) => page.artifacts > 0 && page.tagged > 0), output.name).toBe(true);
    }
  });

  it('nests marked content properly with itself and with text objects, and keeps tagged content out of artifacts', () => {
    for (const output of outputs) {
      expect(output.audit.flatMap((page) => page.problems.map((problem) => `page ${page.number}: ${problem}`)), output.name).toEqual([]);
      expect(qpdfCheck(output.marked).ok, output.name).toBe(true);
    }
  });

  it('tags what was tagged and marks the rest: the painting counts add up to the unmarked file\'s', () => {
    for (const output of outputs) {
      output.audit.forEach((page, index) => {
        const before = output.auditUnmarked[index]!;
        expect(page.tagged, `${output.name} page ${page.number}`).toBe(before.tagged);
        expect(page.artifacts, `${output.name} page ${page.number}`).toBe(before.artifacts + before.unmarked);
      });
    }
  });

  it('makes the sheets flow\'s running header and footer (CSS margin boxes) artifacts', () => {
    const sheets = outputs.find((output) => output.name === 'dossier-sheets')!;
    const pages = sheets.audit.length;
    for (const page of sheets.audit.slice(1)) {
      const text = page.artifactText.replace(/\s+/g, ' ');
      expect(text, `page ${page.number}`).toContain(`FILE ${fileNumber(SLUG)}`);
      expect(text, `page ${page.number}`).toContain(`page ${page.number} of ${pages}`);
    }
  });

  it('leaves the structure tree as a reader gets it unchanged', async () => {
    for (const output of outputs) expect(await readPdf(output.marked), output.name).toEqual(await readPdf(output.unmarked));
  });

  it('leaves pdftotext\'s text unchanged, in reading order and as laid out', () => {
    for (const output of outputs) {
      expect(pdftotext(output.marked), output.name).toBe(pdftotext(output.unmarked));
      expect(pdftotext(output.marked, { raw: true }), output.name).toBe(pdftotext(output.unmarked, { raw: true }));
    }
  });

  it('leaves every pixel of every page as it was', () => {
    for (const output of outputs) {
      for (const page of output.audit) {
        const [marked, unmarked] = [output.marked, output.unmarked].map((file) => decodePng(pdftoppm(file, page.number, 50)));
        expect(marked!.width, `${output.name} page ${page.number}`).toBe(unmarked!.width);
        expect(Buffer.from(marked!.data).equals(Buffer.from(unmarked!.data)), `${output.name} page ${page.number}`).toBe(true);
      }
    }
  });

  it('gives the same bytes for the same print', () => {
    for (const output of outputs) expect(readFileSync(output.marked).equals(readFileSync(output.markedAgain)), output.name).toBe(true);
  });
});
