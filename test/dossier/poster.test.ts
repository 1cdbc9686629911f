/** The wall poster and its tiling, on real PDFs. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePoster, MIN_FIT, renderPoster, tilePosterPdf } from '../../src/api/poster.js';
import { SECTIONS } from '../../src/record/sections.js';
import { useBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { pageContent } from '../helpers/pdf-structure.js';
import { pdffonts, pdfinfo, pdfPages, pdftoppm, pdftotext, qpdfCheck } from '../helpers/poppler.js';
import { loadDataRecord } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

const dataDir = path.join(ROOT, 'data');
const record = loadDataRecord('lead-infrastructure-engineer');
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('casefile poster', () => {
  const browser = useBrowser();
  let poster: string;
  const outDir = tempDir();

  beforeAll(async () => {
    poster = (await makePoster('lead-infrastructure-engineer', { dataDir, outDir, browser: browser() })).output;
  });

  it('lays the whole record out on one A2 sheet', () => {
    expect(path.basename(poster)).toBe('lead-infrastructure-engineer-poster-a2.pdf');
    const info = pdfinfo(poster);
    expect(info['Pages']).toBe('1');
    expect(info['Page size']).toBe('1191.12 x 1684.08 pts (A2)');
    expect(info['Title']).toBe(`Wall poster: ${record.title}`);
    const text = flat(pdftotext(poster)).toLowerCase();
    for (const info of SECTIONS) expect(text).toContain((record.sections[info.id].heading ?? info.defaultHeading).toLowerCase());
    expect(text).toContain(record.sections['burn-ward'].quotes[0]!.source.toLowerCase());
    expect(text).toContain(record.sections['org-chart'].chart.label.toLowerCase());
    expect(pdffonts(poster).filter((font) => !font.embedded)).toEqual([]);
    expect(qpdfCheck(poster).ok).toBe(true);
  });

  it.each([
    ['a1', '(A1)'],
    ['24x36in', '1728 x 2592 pts'],
  ] as const)('prints on %s as one page of %s pt', async (size, pageSize) => {
    const { pdf, prints, fit } = await renderPoster(browser(), record, { size, dataDir });
    // The fit is found by layout, so Chromium prints the poster once, whatever shrinking it needed.
    expect(prints).toBe(1);
    expect(fit).toBeGreaterThanOrEqual(MIN_FIT);
    expect(fit).toBeLessThanOrEqual(1);
    const file = path.join(outDir, `poster-${size}.pdf`);
    (await import('node:fs')).writeFileSync(file, pdf);
    expect(pdfinfo(file)['Pages']).toBe('1');
    expect(pdfinfo(file)['Page size']).toContain(pageSize);
  });

  it('splits an A2 poster over 8 A4 pages, each labelled for assembly and carrying its alignment marks', async () => {
    const tiled = await makePoster('lead-infrastructure-engineer', { dataDir, outDir, browser: browser(), tile: 'a4' });
    expect(path.basename(tiled.output)).toBe('lead-infrastructure-engineer-poster-a2-tiles-a4.pdf');
    expect(tiled.tiles).toBe(8);
    const info = pdfinfo(tiled.output);
    expect(info['Pages']).toBe('8');
    expect(info['Page size']).toBe('841.89 x 595.276 pts (A4)');
    expect(qpdfCheck(tiled.output).ok).toBe(true);
    expect(pdffonts(tiled.output).filter((font) => !font.embedded)).toEqual([]);

    // Raw text, in drawing order: the poster's text clipped away under the label strip is still in
    // the page, and where it shares the label's line, pdftotext's default mode interleaves the two.
    const pages = pdfPages(tiled.output, { raw: true });
    const labels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'D1', 'D2'];
    pages.forEach((text, index) => {
      expect(text, `page ${index + 1}`).toMatch(new RegExp(`^${labels[index]} tile ${index + 1} of 8 · `, 'm'));
    });
    // The guides (cut lines, marks, labels, map) are artifacts, drawn after the poster: a reader skips them.
    for (let index = 0; index < pages.length; index += 1) {
      expect(await pageContent(tiled.output, index), `page ${index + 1}`).toMatch(/\sDo\s[\s\S]*\/Artifact BMC[\s\S]*EMC/);
    }

    // The marks the tiler reports are really drawn: dark centre lines at each one, on every page.
    const { marks } = await tilePosterPdf(readFileSync(poster), record, 'a4');
    expect(marks).toHaveLength(8);
    marks.forEach((pageMarks, index) => {
      expect(pageMarks.length, `marks on page ${index + 1}`).toBeGreaterThanOrEqual(2);
      const png = PNG.sync.read(pdftoppm(tiled.output, index + 1, 72));
      for (const mark of pageMarks) {
        // The crosshair's arm, 3.5 mm right of the centre, past the white disc behind it.
        const px = Math.round(mark.x + 10);
        const py = Math.round(png.height - mark.y);
        let darkest = 765;
        for (let dy = -1; dy <= 1; dy += 1) {
          const i = ((py + dy) * png.width + px) * 4;
          darkest = Math.min(darkest, png.data[i]! + png.data[i + 1]! + png.data[i + 2]!);
        }
        expect(darkest, `mark at ${px},${py} on page ${index + 1}`).toBeLessThan(450);
      }
    });
  });

  it('tiles on Letter too, and refuses a PDF of more than one page', async () => {
    const letter = await tilePosterPdf(readFileSync(poster), record, 'letter');
    expect(letter.plan.tiles.length).toBe(letter.plan.rows * letter.plan.columns);
    const twoPages = await PDFDocument.create();
    twoPages.addPage();
    twoPages.addPage();
    await expect(tilePosterPdf(await twoPages.save(), record, 'a4')).rejects.toThrow('a poster to tile must be one page; received 2 pages');
  });
});
