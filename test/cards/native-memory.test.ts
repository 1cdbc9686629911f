/**
 * resvg-js frees each pixel buffer in a Node-API finalizer, and Node runs those only between
 * event-loop turns (src/cards/engines/satori.ts). These draw cards whose buffers would pile up if
 * they were kept, og at 3x (1200·630·9·4 bytes ≈ 27 MB each, 324 MB for 12), and hold the growth
 * of resident memory outside V8's heap to a fraction of that: in this process, and in a pool
 * worker that is never restarted. Outside the heap, because Satori's garbage waits in V8's heap
 * for a major collection (over 100 MB of it on a busy machine) and is no native leak.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { planCards, type CardJob } from '../../src/cards/plan.js';
import { CardPool } from '../../src/cards/pool.js';
import { renderCard } from '../../src/cards/render.js';
import type { CaseFile } from '../../src/record/schema.js';
import { loadDataRecord } from '../helpers/records.js';

const CARDS = 12;
const PIXMAP = 1200 * 630 * 9 * 4;
const MB = 1024 * 1024;

function outsideHeap(): number {
  const { rss, heapTotal } = process.memoryUsage();
  return rss - heapTotal;
}

let record: CaseFile;
let jobs: CardJob[];
beforeAll(() => {
  record = loadDataRecord('lead-infrastructure-engineer');
  const sections = planCards(record, { scale: 3 });
  jobs = Array.from({ length: CARDS }, (_, index) => sections[index % sections.length]!);
});

describe("resvg's pixel buffers are freed card by card", () => {
  it('in this process, awaiting card after card', async () => {
    await renderCard(record, jobs[0]!);
    await renderCard(record, jobs[1]!);
    const before = outsideHeap();
    let peak = before;
    for (const job of jobs) {
      const card = await renderCard(record, job);
      expect(card.width).toBe(3600);
      peak = Math.max(peak, outsideHeap());
    }
    const grown = peak - before;
    // Kept buffers would add CARDS × PIXMAP (324 MB); freed ones leave a few in flight.
    expect(grown / MB, `grew ${Math.round(grown / MB)} MB outside the heap over ${CARDS} cards of ${Math.round(PIXMAP / MB)} MB`).toBeLessThan((CARDS * PIXMAP) / MB / 3);
  });

  it('in a pool worker, which is not restarted for it', async () => {
    const pool = new CardPool(1);
    try {
      await pool.render(record, jobs[0]!);
      await pool.render(record, jobs[1]!);
      const before = pool.peakWorkerOutsideHeap;
      for (const job of jobs) await pool.render(record, job);
      const grown = pool.peakWorkerOutsideHeap - before;
      expect(pool.recycles).toBe(0);
      expect(pool.workerPids.size).toBe(1);
      expect(grown / MB, `the worker grew ${Math.round(grown / MB)} MB outside the heap over ${CARDS} cards`).toBeLessThan((CARDS * PIXMAP) / MB / 3);
    } finally {
      await pool.close();
    }
  });
});
