/**
 * The browser a test file (or a describe block) renders with: launched in beforeAll with the
 * options the CLI uses by default, closed in afterAll. Vitest runs each file in its own worker,
 * so each calling file or block starts one browser; tests that need a special one (a remote
 * browser, a crash, a fault) launch it themselves.
 *
 * Hooks run in the order they are declared and after-hooks in reverse, so call useBrowser()
 * before hooks that render: the browser is up before them and closed after their clean-up.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { launchBrowser, type BrowserHandle } from '../../src/browser/launch.js';

export function useBrowser(): () => Browser {
  let handle: BrowserHandle | undefined;
  beforeAll(async () => {
    handle = await launchBrowser();
  });
  afterAll(() => handle?.close());
  return () => {
    if (!handle) throw new Error('useBrowser(): the browser starts in beforeAll; use it from a hook or a test');
    return handle.browser;
  };
}
