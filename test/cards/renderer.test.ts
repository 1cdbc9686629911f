/**
 * The in-process renderer's queue: a build hands it every card at once, and it must draw only a
 * few at a time per engine (Takumi's cards overlap on its native threads, Satori's go one by one),
 * with each call's cards back in the order asked.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import type { CardJob } from '../../src/cards/plan.js';
import type { CaseFile } from '../../src/record/schema.js';

const drawing = { now: 0, peak: new Map<string, number>() };

vi.mock('../../src/cards/render.js', () => ({
  // Stands in for a card: each engine's cards in flight counted, a few event-loop turns long.
  renderCard: async (_record: CaseFile, job: CardJob) => {
    drawing.now++;
    const engine = job.engine ?? 'satori';
    drawing.peak.set(engine, Math.max(drawing.peak.get(engine) ?? 0, drawing.now));
    for (let turn = 0; turn < 3; turn++) await nextTurn();
    drawing.now--;
    return { job, engine, warnings: [] };
  },
}));

const { createCardRenderer, IN_PROCESS_CARDS } = await import('../../src/cards/renderer.js');

const record = { slug: 'queued' } as CaseFile;
const jobs = (engine: 'satori' | 'takumi', count: number) => Array.from({ length: count }, (_, index) => ({ engine, section: `card-${index}` }) as unknown as CardJob);

describe('createCardRenderer({ workers: 0 })', () => {
  it('keeps at most IN_PROCESS_CARDS.takumi takumi cards in flight when a build asks for 200 at once', async () => {
    drawing.peak.clear();
    const renderer = createCardRenderer({ workers: 0 });
    const all = jobs('takumi', 200);
    // One call per card, as the build makes them.
    const cards = await Promise.all(all.map((job) => renderer.render(record, [job])));
    expect(cards.map(([card]) => card!.job)).toEqual(all);
    expect(IN_PROCESS_CARDS.takumi).toBeGreaterThan(1);
    expect(drawing.peak.get('takumi')).toBe(IN_PROCESS_CARDS.takumi);
    expect(drawing.now).toBe(0);
  });

  it('draws satori cards one at a time, and gives one call\'s cards back in its order', async () => {
    drawing.peak.clear();
    const renderer = createCardRenderer({ workers: 0 });
    const all = jobs('satori', 24);
    const cards = await renderer.render(record, all);
    expect(cards.map((card) => card.job)).toEqual(all);
    expect(drawing.peak.get('satori')).toBe(1);
  });

  it('takes another number of cards in flight when asked', async () => {
    drawing.peak.clear();
    const renderer = createCardRenderer({ workers: 0, inProcessCards: { takumi: 7 } });
    await Promise.all([renderer.render(record, jobs('takumi', 30)), renderer.render(record, jobs('takumi', 30))]);
    expect(drawing.peak.get('takumi')).toBe(7);
  });
});
