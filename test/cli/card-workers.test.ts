/**
 * Card workers chosen by engine, as a user runs `cards` and `build`: --workers checked like every
 * number, Takumi drawing in the command's own process unless workers are asked for (and making the
 * very cards a worker makes), Satori one worker per core, the config's `workers` under the flag,
 * and --verbose saying what was chosen and why.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { decodePng, PNG_MAGIC } from '../helpers/png.js';
import { tempDir } from '../helpers/tmp.js';

const SLUG = 'lead-infrastructure-engineer';

/** Every card file under `dir`/<slug>/cards, by name. */
function cardFiles(dir: string): Map<string, Buffer> {
  const cards = path.join(dir, SLUG, 'cards');
  return new Map(readdirSync(cards).sort().map((name) => [name, readFileSync(path.join(cards, name))]));
}

/** The two folders hold the same card files, byte for byte, each a 1200×630 PNG. */
function expectSameCards(made: Map<string, Buffer>, reference: Map<string, Buffer>, count: number): void {
  expect([...made.keys()]).toEqual([...reference.keys()]);
  expect(made.size).toBe(count);
  for (const [name, bytes] of made) {
    expect(bytes.subarray(0, 8).equals(PNG_MAGIC), name).toBe(true);
    const image = decodePng(bytes);
    expect([image.width, image.height], name).toEqual([1200, 630]);
    expect(bytes.equals(reference.get(name)!), `${name} drawn in the process differs from a worker's`).toBe(true);
  }
}

function dataDir(): string {
  const dir = path.join(tempDir(), 'data');
  mkdirSync(dir);
  copyFileSync(path.join(ROOT, 'data', `${SLUG}.json`), path.join(dir, `${SLUG}.json`));
  return dir;
}

describe('card workers', () => {
  it('refuses a number of workers out of bounds with exit 2, naming the flag, before drawing anything', () => {
    const out = tempDir();
    const build = runCli(['build', '--workers', '5000', '--out-dir', out]);
    expect(build.status).toBe(2);
    expect(build.stderr).toMatch(/^error: Invalid value for --workers\. --workers must be a whole number of at least 0 and at most 64\. Received: 5000\.\n$/);
    const cards = runCli(['cards', SLUG, '--workers', '1.5', '--out-dir', out]);
    expect(cards.status).toBe(2);
    expect(cards.stderr).toContain('Invalid value for --workers');
    expect(readdirSync(out)).toEqual([]);
  });

  it('cards --engine takumi draws in this process by default, the same cards a worker draws', () => {
    const out = tempDir();
    const byDefault = runCli(['cards', SLUG, '--engine', 'takumi', '--verbose', '--out-dir', path.join(out, 'default')]);
    expect(byDefault.status, byDefault.stderr).toBe(0);
    expect(byDefault.stderr).toContain('cards: takumi draws in this process (the default for takumi)\n');
    const inWorker = runCli(['cards', SLUG, '--engine', 'takumi', '--workers', '1', '--verbose', '--out-dir', path.join(out, 'worker')]);
    expect(inWorker.status, inWorker.stderr).toBe(0);
    expect(inWorker.stderr).toContain('cards: takumi draws in 1 worker process (as asked)\n');
    expectSameCards(cardFiles(path.join(out, 'default')), cardFiles(path.join(out, 'worker')), 12);
  });

  it('build --engine takumi draws in its own process by default whatever --concurrency says, the same cards 2 workers draw', () => {
    const data = dataDir();
    const out = path.dirname(data);
    const build = (outDir: string, extra: string[]) => runCli(['build', '--only', 'cards', '--engine', 'takumi', '--verbose', '--data-dir', data, '--out-dir', outDir, ...extra]);
    const byDefault = build(path.join(out, 'default'), ['--concurrency', '2']);
    expect(byDefault.status, byDefault.stderr).toBe(0);
    expect(byDefault.stderr).toContain('cards: takumi draws in this process (the default for takumi)\n');
    const inWorkers = build(path.join(out, 'workers'), ['--workers', '2']);
    expect(inWorkers.status, inWorkers.stderr).toBe(0);
    expect(inWorkers.stderr).toContain('cards: takumi draws in 2 worker processes (as asked)\n');
    expectSameCards(cardFiles(path.join(out, 'default')), cardFiles(path.join(out, 'workers')), 12);
  });

  it('satori keeps a worker per core by default (never more than the cards), and one card draws in the process', () => {
    const out = tempDir();
    const workers = Math.min(2, Math.max(1, availableParallelism()));
    const two = runCli(['cards', SLUG, '--section', 'cover', 'salary', '--verbose', '--out-dir', out]);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stderr).toContain(`cards: satori draws in ${workers} worker process${workers === 1 ? '' : 'es'} (the default for satori)\n`);
    const one = runCli(['cards', SLUG, '--section', 'cover', '--verbose', '--out-dir', out]);
    expect(one.status, one.stderr).toBe(0);
    expect(one.stderr).toContain('cards: satori draws in this process (one card: a worker would cost more than it saves)\n');
  });

  it("takes the config file's workers, the flag over it, and refuses a bad one naming the file and key", () => {
    const dir = tempDir();
    const config = path.join(dir, 'casefile.config.json');
    writeFileSync(config, JSON.stringify({ workers: 1 }));
    const args = ['cards', SLUG, '--engine', 'takumi', '--section', 'cover', 'salary', '--verbose', '--config', config, '--out-dir', path.join(dir, 'out')];
    const fromConfig = runCli(args);
    expect(fromConfig.status, fromConfig.stderr).toBe(0);
    expect(fromConfig.stderr).toContain('cards: takumi draws in 1 worker process (as asked)\n');
    const flag = runCli([...args, '--workers', '0']);
    expect(flag.status, flag.stderr).toBe(0);
    expect(flag.stderr).toContain('cards: takumi draws in this process (as asked)\n');
    writeFileSync(config, JSON.stringify({ workers: 65 }));
    const bad = runCli(args);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/casefile\.config\.json.*\$\.workers/);
  });

  it('shows the default by engine in build --help and cards --help', () => {
    for (const command of ['build', 'cards']) {
      const help = runCli([command, '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/--workers Card worker processes, 0 to 64 \(0 draws in this process\) \[number\] \[default: the config's, else by engine: satori one per core \(\d+\), takumi none \(in this process\); none for a single card\]/);
    }
  });
});
