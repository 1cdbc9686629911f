/**
 * The worker pool (child processes running dist/cards/worker.js, built by `pretest`): same bytes
 * as rendering in-process, results in job order, workers replaced after a card budget when given one.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCards } from '../../src/cards/plan.js';
import { CardPool, workerFile } from '../../src/cards/pool.js';
import { renderCard } from '../../src/cards/render.js';
import { createCardRenderer } from '../../src/cards/renderer.js';
import type { CaseFile } from '../../src/record/schema.js';
import { ROOT } from '../helpers/cli.js';
import { loadDataRecord } from '../helpers/records.js';
import { restartEvery } from '../helpers/restart-policy.js';

let record: CaseFile;
beforeAll(() => {
  record = loadDataRecord('lead-infrastructure-engineer');
});

describe('createCardRenderer', () => {
  const renderer = createCardRenderer({ workers: 2 });
  afterAll(() => renderer.close());

  it('points at the built worker, whether the caller runs from src/ or dist/', () => {
    expect(workerFile()).toBe(path.join(ROOT, 'dist', 'cards', 'worker.js'));
  });

  it('renders across worker processes the same bytes as in-process, in job order', async () => {
    const jobs = planCards(record, { sections: ['cover', 'salary', 'metrics', 'burn-ward'], sizes: ['og', 'square'] });
    const pooled = await renderer.render(record, jobs);
    expect(pooled.map((card) => `${card.job.section}/${card.job.size}`)).toEqual(jobs.map((job) => `${job.section}/${job.size}`));
    for (const [index, job] of jobs.entries()) {
      const local = await renderCard(record, job);
      expect(Buffer.from(pooled[index]!.png!).equals(Buffer.from(local.png!)), `${job.section}/${job.size}`).toBe(true);
      expect(pooled[index]!.warnings).toEqual(local.warnings);
    }
  });

  it('draws takumi cards several to a worker, with the same bytes as in-process, in job order', async () => {
    const jobs = planCards(record, { sizes: ['og', 'square'], engine: 'takumi' });
    const pooled = await renderer.render(record, jobs);
    expect(pooled.map((card) => `${card.job.section}/${card.job.size}`)).toEqual(jobs.map((job) => `${job.section}/${job.size}`));
    for (const [index, job] of jobs.entries()) {
      const local = await renderCard(record, job);
      expect(Buffer.from(pooled[index]!.png!).equals(Buffer.from(local.png!)), `${job.section}/${job.size}`).toBe(true);
    }
  });

  it('is reused across records and can be called concurrently', async () => {
    const other = structuredClone(record);
    other.slug = 'other-role';
    other.title = 'Other Role';
    const [a, b] = await Promise.all([
      renderer.render(record, planCards(record, { sections: ['cover'] })),
      renderer.render(other, planCards(other, { sections: ['cover'] })),
    ]);
    expect(a![0]!.job.paths.png).toBe('lead-infrastructure-engineer/cards/cover.png');
    expect(b![0]!.job.paths.png).toBe('other-role/cards/cover.png');
    expect(Buffer.from(a![0]!.png!).equals(Buffer.from(b![0]!.png!))).toBe(false);
  });

  it('renders in this process with workers: 0, and refuses work once closed', async () => {
    const local = createCardRenderer({ workers: 0 });
    const [card] = await local.render(record, planCards(record, { sections: ['habitat'] }));
    expect(card!.width).toBe(1200);
    await local.close();
    const closing = createCardRenderer({ workers: 1 });
    await closing.close();
    await expect(closing.render(record, planCards(record, { sections: ['habitat'] }))).rejects.toThrow(/closed/);
  });
});

describe('CardPool recycling', () => {
  it('replaces its worker process after the card budget, without losing a card', async () => {
    const pool = new CardPool(1, restartEvery(2, 1));
    try {
      const jobs = planCards(record, { sections: ['cover', 'habitat', 'salary', 'metrics', 'weaponry'] });
      const cards = [];
      for (const job of jobs) cards.push(await pool.render(record, job));
      expect(cards.map((card) => card.job.section)).toEqual(['cover', 'habitat', 'salary', 'metrics', 'weaponry']);
      expect(cards.every((card) => card.png!.byteLength > 10_000)).toBe(true);
      expect(pool.recycles).toBe(2);
      expect(pool.workerPids.size).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('recycles one worker at a time while the others keep drawing, and loses no card', async () => {
    const pool = new CardPool(2, restartEvery(3, 2));
    try {
      const jobs = planCards(record, { sizes: ['og', 'square'] });
      const cards = await Promise.all(jobs.map((job) => pool.render(record, job)));
      expect(cards.map((card) => `${card.job.section}/${card.job.size}`)).toEqual(jobs.map((job) => `${job.section}/${job.size}`));
      expect(cards.every((card) => card.png!.byteLength > 10_000)).toBe(true);
      // 24 cards on budgets of 3: several restarts, never two at once.
      expect(pool.recycles).toBeGreaterThanOrEqual(4);
      expect(pool.peakRecycling).toBe(1);
      // Each restart brought a new process (a lane's last one may have had no card left to draw).
      expect(pool.workerPids.size).toBeGreaterThanOrEqual(pool.recycles);
    } finally {
      await pool.close();
    }
  });

  it('counts cards of either engine towards a restart policy, and keeps its worker by default', async () => {
    const budgeted = new CardPool(1, restartEvery(2, 1));
    const unbounded = new CardPool(1);
    try {
      const jobs = planCards(record, { sections: ['cover', 'habitat', 'salary', 'metrics', 'weaponry'], engine: 'takumi' });
      for (const job of jobs) {
        await budgeted.render(record, job);
        await unbounded.render(record, job);
      }
      expect(budgeted.recycles).toBe(2);
      expect(unbounded.recycles).toBe(0);
      expect(unbounded.workerPids.size).toBe(1);
    } finally {
      await Promise.all([budgeted.close(), unbounded.close()]);
    }
  });

  it('answers each card of a shared message on its own: one bad card fails alone', async () => {
    const pool = new CardPool(1);
    try {
      const jobs = planCards(record, { sections: ['cover', 'habitat', 'salary', 'metrics'], engine: 'takumi' });
      jobs[1] = { ...jobs[1]!, section: 'nonsense' as never };
      const settled = await Promise.allSettled(jobs.map((job) => pool.render(record, job)));
      expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((settled[1] as PromiseRejectedResult).reason).toMatchObject({ name: 'CasefileError', code: 'E_RENDER' });
      expect(pool.workerPids.size).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('passes a CasefileError from a worker back with its code', async () => {
    const pool = new CardPool(1);
    try {
      const [job] = planCards(record, { sections: ['cover'] });
      await expect(pool.render(record, { ...job!, section: 'nonsense' as never })).rejects.toMatchObject({ name: 'CasefileError', code: 'E_RENDER' });
    } finally {
      await pool.close();
    }
  });
});
