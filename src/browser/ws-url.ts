/**
 * The DevTools WebSocket URL of a remote browser: checked before anything connects, and shown
 * without its path (a session id or a fleet's token). No Puppeteer here, so the CLI can check
 * its options without loading the browser code.
 */
import { CasefileError } from '../errors.js';

/** ws:// or wss:// only; anything else is a usage error before anything connects. */
export function checkBrowserWs(url: string, source: string): string {
  if (!URL.canParse(url) || !/^wss?:$/.test(new URL(url).protocol)) {
    throw new CasefileError('E_USAGE', `Invalid value for ${source}: expected a DevTools WebSocket URL such as ws://127.0.0.1:9222/devtools/browser/<id>. Received: ${JSON.stringify(url)}.`);
  }
  return url;
}

/** The URL without its path, which carries the browser's session id (or a fleet's token). */
export function redactBrowserWs(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}/…`;
}
