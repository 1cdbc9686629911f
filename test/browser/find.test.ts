import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser, systemBrowserPaths } from '../../src/browser/find.js';
import { chromiumArgs } from '../../src/browser/launch.js';
import { tempDir } from '../helpers/tmp.js';

function fakeExecutable(dir: string, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, 0o755);
  return file;
}

describe('findBrowser', () => {
  const dir = tempDir();
  const explicit = fakeExecutable(dir, 'explicit');
  const casefile = fakeExecutable(dir, 'casefile-env');
  const puppeteer = fakeExecutable(dir, 'puppeteer-env');
  const emptyCache = path.join(dir, 'no-cache');

  it('prefers --browser, then CASEFILE_BROWSER, then PUPPETEER_EXECUTABLE_PATH', async () => {
    const env = { CASEFILE_BROWSER: casefile, PUPPETEER_EXECUTABLE_PATH: puppeteer };
    expect(await findBrowser({ explicitPath: explicit, env, puppeteerCacheDir: emptyCache })).toEqual({ executablePath: explicit, source: '--browser' });
    expect(await findBrowser({ env, puppeteerCacheDir: emptyCache })).toEqual({ executablePath: casefile, source: 'CASEFILE_BROWSER' });
    expect(await findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: puppeteer }, puppeteerCacheDir: emptyCache })).toEqual({
      executablePath: puppeteer,
      source: 'PUPPETEER_EXECUTABLE_PATH',
    });
  });

  it('never falls back silently from a browser the user named', async () => {
    await expect(findBrowser({ env: { CASEFILE_BROWSER: path.join(dir, 'missing') } })).rejects.toThrow(/CASEFILE_BROWSER names .*missing, which is not an executable file/);
  });

  it('says what to install when nothing is found', async () => {
    const none = findBrowser({ env: {}, platform: 'aix' as NodeJS.Platform, puppeteerCacheDir: emptyCache, systemPaths: [path.join(dir, 'nope')] });
    await expect(none).rejects.toThrow(/no Chrome or Chromium found; install one .*apt-get install chromium.*--browser PATH or CASEFILE_BROWSER/);
  });

  it('knows the usual places on each platform', () => {
    expect(systemBrowserPaths('linux')).toContain('/usr/bin/chromium');
    expect(systemBrowserPaths('darwin')[0]).toMatch(/Google Chrome\.app/);
  });
});

describe('chromiumArgs', () => {
  it('turns the sandbox off only for root', () => {
    expect(chromiumArgs(true)).toContain('--no-sandbox');
    expect(chromiumArgs(false)).not.toContain('--no-sandbox');
    expect(chromiumArgs(false)).toEqual(expect.arrayContaining(['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']));
  });
});
