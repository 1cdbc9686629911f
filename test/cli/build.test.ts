/** `casefile build` as a user or CI runs it: exit codes, summary, shards, merge, interrupts. */
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

function dataDir(slugs: string[]): string {
  const dir = path.join(tempDir(), 'data');
  mkdirSync(dir);
  for (const slug of slugs) copyFileSync(path.join(ROOT, 'data', `${slug}.json`), path.join(dir, `${slug}.json`));
  return dir;
}

/** Processes whose command line mentions `marker` (the build's own temp folder, so other tests' browsers don't count). */
function processesMentioning(marker: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(marker));
}

describe('casefile build', () => {
  it('builds the others, reports the broken record, and exits 1', () => {
    const data = dataDir(['sdet']);
    writeFileSync(path.join(data, 'broken.json'), '{"slug": "broken",');
    const out = path.join(path.dirname(data), 'out');
    const result = runCli(['build', '--data-dir', data, '--out-dir', out, '--section', 'cover', '--json']);
    expect(result.status).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ made: 2, failed: 1, skipped: 0 });
    expect(summary.failures[0]).toMatchObject({ record: 'broken', code: 'E_JSON' });
    expect(existsSync(path.join(out, 'sdet.pdf'))).toBe(true);
    expect(existsSync(path.join(out, 'sdet', 'cards', 'cover.png'))).toBe(true);
  });

  it('prints a summary line, and plain progress lines when not on a terminal', () => {
    const data = dataDir(['sdet']);
    const out = path.join(path.dirname(data), 'out');
    const result = runCli(['build', '--data-dir', data, '--out-dir', out, '--only', 'cards', '--section', 'cover,salary']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\[1\/2\] made sdet\/cards\/(cover|salary)\.png$/m);
    expect(result.stdout).toMatch(/^1 records: 2 made, 0 skipped, 0 failed in \d+\.\ds$/m);
    const again = runCli(['build', '--data-dir', data, '--out-dir', out, '--only', 'cards', '--section', 'cover,salary', '--quiet']);
    expect(again.stdout).toBe('');
  });

  it('splits records over shards and merges their manifests into one site', () => {
    const data = dataDir(['sdet', 'enterprise-architect', 'lead-infrastructure-engineer']);
    const root = path.dirname(data);
    const manifests: string[] = [];
    for (const shard of ['1/2', '2/2']) {
      const out = path.join(root, `shard-${shard[0]}`);
      const result = runCli(['build', '--data-dir', data, '--out-dir', out, '--only', 'cards', '--section', 'cover', '--shard', shard]);
      expect(result.status).toBe(0);
      manifests.push(path.join(out, 'manifest.json'));
    }
    const counts = manifests.map((file) => JSON.parse(readFileSync(file, 'utf8')).outputs.length);
    expect(counts).toEqual([2, 1]);
    const merged = runCli(['merge-manifests', ...manifests, '--out-dir', path.join(root, 'site')]);
    expect(merged.status).toBe(0);
    const site = JSON.parse(readFileSync(path.join(root, 'site', 'manifest.json'), 'utf8'));
    expect(site.outputs.map((entry: { record: string }) => entry.record).sort()).toEqual(['enterprise-architect', 'lead-infrastructure-engineer', 'sdet']);
    expect(readFileSync(path.join(root, 'site', 'index.html'), 'utf8')).toContain('href="sdet/gallery.html"');
    expect(readFileSync(path.join(root, 'site', 'sdet', 'gallery.html'), 'utf8')).toContain('src="cards/cover.png"');
  });

  it('takes the shard from the CI with --shard auto and says which it used', () => {
    const data = dataDir(['sdet', 'enterprise-architect', 'lead-infrastructure-engineer']);
    const root = path.dirname(data);
    // Clear every shard variable the test runner's own CI might set, then set CircleCI's (0-based).
    const none = Object.fromEntries(['CASEFILE_SHARD', 'CI_NODE_INDEX', 'CI_NODE_TOTAL', 'CIRCLE_NODE_INDEX', 'CIRCLE_NODE_TOTAL', 'BUILDKITE_PARALLEL_JOB', 'BUILDKITE_PARALLEL_JOB_COUNT', 'JOB_COMPLETION_INDEX'].map((name) => [name, '']));
    const args = ['build', '--data-dir', data, '--only', 'cards', '--section', 'cover', '--shard', 'auto'];
    const circle = runCli([...args, '--out-dir', path.join(root, 'circle')], { env: { ...none, CIRCLE_NODE_INDEX: '1', CIRCLE_NODE_TOTAL: '2' } });
    expect(circle.status).toBe(0);
    expect(circle.stdout).toMatch(/^shard 2\/2 from CircleCI \(CIRCLE_NODE_INDEX=1, CIRCLE_NODE_TOTAL=2\)$/m);
    expect(readdirSync(path.join(root, 'circle')).filter((name) => !name.includes('.'))).toEqual(['lead-infrastructure-engineer']);

    const kube = runCli([...args, '--out-dir', path.join(root, 'kube'), '--shard-total', '3', '--json'], { env: { ...none, JOB_COMPLETION_INDEX: '0' } });
    expect(kube.status).toBe(0);
    expect(JSON.parse(kube.stdout).shard).toEqual({ index: 1, count: 3, from: 'a Kubernetes Indexed Job (JOB_COMPLETION_INDEX=0, total 3 from --shard-total)' });

    const nothing = runCli([...args, '--out-dir', path.join(root, 'none')], { env: none });
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toMatch(/no shard found in the environment; looked for CASEFILE_SHARD, CI_NODE_INDEX, CI_NODE_TOTAL, CIRCLE_NODE_INDEX, .*JOB_COMPLETION_INDEX/);
    expect(nothing.stderr).not.toMatch(/\n\s+at /);
  });

  it('removes outputs no longer built, says how many, and keeps them with --no-prune', () => {
    const data = dataDir(['sdet']);
    const out = path.join(path.dirname(data), 'out');
    const args = ['build', '--data-dir', data, '--out-dir', out, '--only', 'cards'];
    expect(runCli([...args, '--section', 'cover,salary']).status).toBe(0);
    const kept = runCli([...args, '--section', 'cover', '--no-prune']);
    expect(kept.stdout).toMatch(/^1 records: 0 made, 1 skipped, 0 failed in /m);
    expect(existsSync(path.join(out, 'sdet', 'cards', 'salary.png'))).toBe(true);
    const pruned = runCli([...args, '--section', 'cover']);
    expect(pruned.stdout).toMatch(/^1 records: 0 made, 1 skipped, 0 failed, 1 removed in /m);
    expect(existsSync(path.join(out, 'sdet', 'cards', 'salary.png'))).toBe(false);
  });

  it('writes meta tags with --base-url', () => {
    const data = dataDir(['sdet']);
    const out = path.join(path.dirname(data), 'out');
    expect(runCli(['build', '--data-dir', data, '--out-dir', out, '--only', 'cards', '--section', 'cover', '--base-url', 'https://example.org/r']).status).toBe(0);
    expect(readFileSync(path.join(out, 'sdet', 'meta.html'), 'utf8')).toMatch(/<meta property="og:image" content="https:\/\/example\.org\/r\/sdet\/cards\/cover\.png\?v=[0-9a-f]{12}">/);
  });

  it.each([
    [['--shard', '3/2'], /invalid --shard "3\/2"/],
    [['--shard', 'auto', '--shard-total', '0'], /--shard-total must be a whole number of at least 1/],
    [['--browser-ws', 'http://127.0.0.1:9222'], /Invalid value for --browser-ws: expected a DevTools WebSocket URL/],
    [['--browser-ws', 'ws://127.0.0.1:9222/devtools/browser/x', '--browser', '/usr/bin/chromium'], /--browser launches a browser and --browser-ws connects to a running one/],
    [['--concurrency', '0'], /--concurrency must be a whole number of at least 1/],
    [['--size', 'huge'], /size/i],
    [['--section', 'horoscope'], /Invalid card section "horoscope"/],
    [['nothing-*'], /no record in .* matches "nothing-\*"/],
  ])('exits 2 on bad usage %j', (args, message) => {
    const result = runCli(['build', ...(args as string[])]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('stops cleanly on Ctrl-C: exit 130, no Chromium left, no partial files', async () => {
    const data = dataDir(['sdet', 'enterprise-architect', 'lead-infrastructure-engineer', 'lead-backend-data-procurement-analyst']);
    const out = path.join(path.dirname(data), 'out');
    const tmp = path.join(path.dirname(data), 'tmp');
    mkdirSync(tmp);
    const child = spawn(process.execPath, [CLI, 'build', '--data-dir', data, '--out-dir', out, '--only', 'dossier', '--concurrency', '1'], {
      cwd: ROOT,
      // Its own TMPDIR puts the browser profile somewhere only this build uses.
      env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (stdout.includes('made')) {
          clearInterval(check);
          resolve();
        }
      }, 50);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(processesMentioning(tmp)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
    const files = readdirSync(out, { recursive: true }).map(String);
    expect(files.filter((file) => file.includes('.tmp-'))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.pdf')).length).toBeLessThan(4);
  });
});
