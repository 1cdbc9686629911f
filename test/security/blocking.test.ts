/**
 * casefile's own request blocking, seen without Chromium's help: Chromium also refuses mixed
 * content and file: from the https page, so a listener alone would not notice if casefile let
 * requests through. Here a stand-in page hands loadDocument hostile requests and records what
 * casefile answered: everything but the document and mounted assets must be aborted and counted.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_URL, assetUrl, loadDocument } from '../../src/browser/serve.js';
import { tempDir } from '../helpers/tmp.js';

interface Answer {
  url: string;
  how: 'respond' | 'continue' | 'abort';
  status?: number;
}

function standInPage(urls: string[]): { page: Page; answers: Answer[]; javaScript: boolean[]; interception: boolean[] } {
  const emitter = new EventEmitter();
  const answers: Answer[] = [];
  const javaScript: boolean[] = [];
  const interception: boolean[] = [];
  const request = (url: string) => ({
    url: () => url,
    respond: async (response: { status: number }) => void answers.push({ url, how: 'respond', status: response.status }),
    continue: async () => void answers.push({ url, how: 'continue' }),
    abort: async () => void answers.push({ url, how: 'abort' }),
  });
  const page = {
    on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
    setJavaScriptEnabled: async (enabled: boolean) => void javaScript.push(enabled),
    setCacheEnabled: async () => undefined,
    setRequestInterception: async (enabled: boolean) => void interception.push(enabled),
    goto: async () => {
      for (const url of urls) emitter.emit('request', request(url));
      // Answers are asynchronous (assets are read from disk): wait for all of them.
      for (let waited = 0; answers.length < urls.length && waited < 5000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      return null;
    },
  } as unknown as Page;
  return { page, answers, javaScript, interception };
}

describe('loadDocument', () => {
  const fonts = tempDir();
  mkdirSync(path.join(fonts, 'sub'));
  writeFileSync(path.join(fonts, 'sub', 'a.ttf'), 'font');
  const hostile = [
    'http://127.0.0.1:9/x.png',
    'https://exfil.example/steal?data=1',
    'file:///etc/passwd',
    'https://casefile.invalid/etc/passwd',
    'https://casefile.invalid/assets/fonts/%2e%2e%2f%2e%2e%2fetc%2fpasswd.css',
    'https://casefile.invalid/assets/other/a.ttf',
    'ws://127.0.0.1:9/',
    'blob:https://casefile.invalid/1234',
  ];

  it('turns JavaScript off and intercepts every request before loading', async () => {
    const { page, javaScript, interception } = standInPage([]);
    await loadDocument(page, '<p>x</p>', { fonts }, { timeoutMs: 1000 });
    expect(javaScript).toEqual([false]);
    expect(interception).toEqual([true]);
  });

  it('serves the document and mounted assets, and aborts and counts everything else', async () => {
    const own = [DOCUMENT_URL, assetUrl('fonts', path.join('sub', 'a.ttf'))];
    const { page, answers } = standInPage([...own, ...hostile]);
    const log = await loadDocument(page, '<p>x</p>', { fonts }, { timeoutMs: 1000 });
    expect(answers.filter((answer) => own.includes(answer.url)).map((answer) => answer.how)).toEqual(['respond', 'respond']);
    const refused = answers.filter((answer) => hostile.includes(answer.url));
    expect(refused).toEqual(hostile.map((url) => ({ url, how: 'abort' })));
    expect(log.blocked).toEqual(hostile);
    expect(log.served).toEqual([own[1]]);
  });
});
