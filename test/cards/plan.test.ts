import { describe, expect, it } from 'vitest';
import { CARD_IDS, cardBaseName, planCards } from '../../src/cards/plan.js';
import { SECTION_IDS } from '../../src/record/sections.js';

const record = { slug: 'lead-infrastructure-engineer' };

describe('planCards', () => {
  it('plans the cover and every section at og, as PNG, without a size suffix', () => {
    const jobs = planCards(record);
    expect(jobs.map((job) => job.section)).toEqual(['cover', ...SECTION_IDS]);
    expect(jobs).toHaveLength(12);
    expect(jobs[3]).toEqual({
      section: 'salary',
      size: 'og',
      width: 1200,
      height: 630,
      scale: 1,
      formats: ['png'],
      engine: 'satori',
      paths: { png: 'lead-infrastructure-engineer/cards/salary.png' },
    });
  });

  it('names other sizes and scales in the file name, so no output overwrites another', () => {
    const jobs = planCards(record, { sections: ['salary'], sizes: ['og', 'story', '800x418'], scale: 2, formats: ['png', 'svg'] });
    expect(jobs.map((job) => job.paths)).toEqual([
      { png: 'lead-infrastructure-engineer/cards/salary@2x.png', svg: 'lead-infrastructure-engineer/cards/salary@2x.svg' },
      { png: 'lead-infrastructure-engineer/cards/salary.story@2x.png', svg: 'lead-infrastructure-engineer/cards/salary.story@2x.svg' },
      { png: 'lead-infrastructure-engineer/cards/salary.800x418@2x.png', svg: 'lead-infrastructure-engineer/cards/salary.800x418@2x.svg' },
    ]);
    expect(new Set(planCards(record, { sizes: ['og', 'x', 'linkedin', 'square', 'story'] }).map((job) => job.paths.png)).size).toBe(60);
  });

  it('keeps record order and drops duplicates, whatever order they were asked in', () => {
    const jobs = planCards(record, { sections: ['metrics', 'cover', 'metrics'], sizes: ['story', 'og', 'story'] });
    expect(jobs.map((job) => `${job.section}/${job.size}`)).toEqual(['cover/story', 'cover/og', 'metrics/story', 'metrics/og']);
  });

  it('orders formats png before svg and accepts either alone', () => {
    expect(planCards(record, { sections: ['cover'], formats: ['svg'] })[0]!.paths).toEqual({ svg: 'lead-infrastructure-engineer/cards/cover.svg' });
    expect(planCards(record, { sections: ['cover'], formats: ['svg', 'png'] })[0]!.formats).toEqual(['png', 'svg']);
  });

  it('rejects unknown sections and formats as usage errors naming what is allowed', () => {
    expect(() => planCards(record, { sections: ['salaries'] })).toThrow(`Invalid card section "salaries". Allowed values: ${CARD_IDS.join(', ')}.`);
    expect(() => planCards(record, { formats: ['gif'] })).toThrow('Invalid card format "gif". Allowed values: png, svg, webp, jpeg.');
    expect(() => planCards(record, { engine: 'chromium' })).toThrow('Invalid card engine "chromium". Allowed values: satori, takumi.');
    expect(() => planCards(record, { sizes: ['16x9'] })).toThrow(/Invalid card width/);
  });

  it('makes the base names the README documents', () => {
    expect(cardBaseName('cover', 'og', 1)).toBe('cover');
    expect(cardBaseName('burn-ward', 'x', 1)).toBe('burn-ward.x');
    expect(cardBaseName('burn-ward', 'og', 1.5)).toBe('burn-ward@1.5x');
  });

  it('puts the engine in every job, and webp and jpeg (with their quality) only with the engine that makes them', () => {
    const [takumi] = planCards(record, { sections: ['cover'], engine: 'takumi', formats: ['jpeg', 'png', 'webp'], quality: 70 });
    expect(takumi).toMatchObject({ engine: 'takumi', quality: 70, formats: ['png', 'webp', 'jpeg'] });
    expect(takumi!.paths).toEqual({
      png: 'lead-infrastructure-engineer/cards/cover.png',
      webp: 'lead-infrastructure-engineer/cards/cover.webp',
      jpeg: 'lead-infrastructure-engineer/cards/cover.jpeg',
    });
    // A PNG-only job carries no quality, so changing it never invalidates cached PNGs.
    expect(planCards(record, { sections: ['cover'], engine: 'takumi' })[0]).not.toHaveProperty('quality');
    expect(() => planCards(record, { formats: ['webp'] })).toThrow(
      'The satori engine cannot write webp: webp cards are made by the takumi engine (--engine takumi).',
    );
    expect(() => planCards(record, { engine: 'takumi', formats: ['jpeg'], quality: 0 })).toThrow(/Invalid card quality/);
    expect(planCards(record, { engine: 'takumi', quality: 80 })[0]).not.toHaveProperty('quality');
  });
});
