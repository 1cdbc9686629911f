/**
 * A record whose every free-text field is hostile (script, HTML, CSS, Handlebars, file: and
 * network URLs) renders as text: in the dossier HTML only escaped forms appear, the PDF shows
 * the text literally, no script ran (the canary stays unset; for cards, in the text Satori laid
 * out), nothing reached the listener, no local file was read; the cards' SVG holds no script, handler, external link or foreign
 * object.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDossier } from '../../src/api/dossier.js';
import { planCards } from '../../src/cards/plan.js';
import { renderCard, type RenderedCard } from '../../src/cards/render.js';
import { layoutCard } from '../helpers/card-layout.js';
import { PAGE_ORIGIN } from '../../src/browser/serve.js';
import { validateRecord } from '../../src/record/validate.js';
import { useBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { pdftotext } from '../helpers/poppler.js';
import { decodePng } from '../helpers/png.js';
import { tempDir } from '../helpers/tmp.js';
import { startListener, type Listener } from './listener.js';
import { CANARY, PASSWD_MARK, PAYLOADS, comparable, hostileRecord, withListener, type HostileRecord } from './payloads.js';

const out = tempDir('casefile-hostile-');
let listener: Listener;
const browser = useBrowser();
let hostile: HostileRecord;
let html: string;
let pdfText: string;
let blocked: string[];
let cards: RenderedCard[];
/** What each card reads, as Satori laid it out (the SVG draws text as paths, so it holds no text to search). */
let cardTexts: string[];

beforeAll(async () => {
  listener = await startListener();
  hostile = hostileRecord(listener.url);
  // The hostile record is a valid record: the schema limits length, not content.
  validateRecord(JSON.parse(JSON.stringify(hostile.record)), 'hostile.json');
  const rendered = await renderDossier(browser(), hostile.record, { dataDir: path.join(ROOT, 'data') });
  html = rendered.html;
  blocked = rendered.blockedRequests;
  const file = path.join(out, 'hostile.pdf');
  writeFileSync(file, rendered.pdf);
  pdfText = pdftotext(file);
  cards = [];
  cardTexts = [];
  for (const job of planCards(hostile.record, { sizes: ['og'], formats: ['png', 'svg'] })) {
    cards.push(await renderCard(hostile.record, job));
    cardTexts.push((await layoutCard(hostile.record, job)).boxes.map((box) => box.text ?? '').join('\n'));
  }
}, 240_000);

afterAll(async () => {
  await listener?.close();
});

describe('a record full of hostile text', () => {
  it('puts payloads into every free-text field', () => {
    console.info(`hostile record: ${PAYLOADS.length} payloads, ${hostile.placements} placements in ${hostile.fields.length} fields`);
    expect(hostile.fields.length).toBeGreaterThan(60);
    expect(hostile.placements).toBeGreaterThan(PAYLOADS.length * 5);
    expect(hostile.fields.every((field) => field.text.length > 0)).toBe(true);
  });

  it('leaves only escaped forms in the dossier HTML', async () => {
    for (const raw of PAYLOADS.map((payload) => withListener(payload, listener.url))) {
      if (/[<>"]/.test(raw)) expect(html, raw).not.toContain(raw);
      expect(html, raw).toContain(Handlebars.escapeExpression(raw));
    }
    // Nothing the record said became an element or an attribute.
    const tags = [...html.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)];
    const names = new Set(tags.map((tag) => tag[1]!.toLowerCase()));
    for (const name of ['script', 'iframe', 'object', 'embed', 'base', 'form', 'video', 'input', 'plaintext', 'template', 'math', 'img']) {
      expect(names, name).not.toContain(name);
    }
    const attributes = tags.flatMap((tag) =>
      [...tag[2]!.matchAll(/\s+([^\s=>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)].map((match) => ({
        name: match[1]!.toLowerCase(),
        value: (match[2] ?? '').replace(/^["']|["']$/g, ''),
      })),
    );
    expect(attributes.filter(({ name }) => name.startsWith('on') || name === 'srcdoc' || name === 'http-equiv')).toEqual([]);
    // Every URL the markup names is the page's own (or an in-page anchor, or a sibling dossier).
    const urls = attributes.filter(({ name }) => ['src', 'href', 'xlink:href', 'data', 'action', 'poster', 'srcset'].includes(name));
    expect(urls.filter(({ value }) => /^(javascript|file|data|https?):/i.test(value) && !value.startsWith(`${PAGE_ORIGIN}/assets/`))).toEqual([]);
    // The style sheets and style attributes (where record text meets CSS) reach nothing either.
    const css = [...[...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!), ...attributes.filter(({ name }) => name === 'style').map(({ value }) => value)];
    expect(css.length).toBeGreaterThan(1);
    for (const sheet of css) {
      expect(sheet).not.toMatch(/@import/i);
      expect(sheet).not.toMatch(/url\(\s*(?!["']?(https:\/\/casefile\.invalid\/assets\/|#))/);
    }
  });

  it('prints every field literally in the PDF', () => {
    const text = comparable(pdfText);
    const missing = hostile.fields.filter((field) => !text.includes(comparable(field.text))).map((field) => field.path);
    expect(missing).toEqual([]);
  });

  it('ran no script: the canary a script would write is absent', () => {
    expect(comparable(pdfText)).not.toContain(comparable(CANARY));
    expect(pdfText).not.toContain(CANARY);
    // The cards' laid-out text holds the payloads as text (so this is where a canary would show)…
    expect(cardTexts.filter((text) => text.includes('<script>document.write(')).length).toBeGreaterThan(0);
    // …and never the canary.
    for (const text of cardTexts) expect(comparable(text)).not.toContain(comparable(CANARY));
  });

  it('reached nothing: the listener heard no request and none was even attempted', () => {
    expect(listener.requests).toEqual([]);
    // Escaped text makes no requests at all: the only one refused is Chromium's own favicon probe.
    expect(blocked.filter((url) => url !== `${PAGE_ORIGIN}/favicon.ico`)).toEqual([]);
  });

  it('read no local file', () => {
    expect(pdfText).not.toContain(PASSWD_MARK);
    expect(html).not.toContain(PASSWD_MARK);
    expect(cardTexts).toHaveLength(cards.length);
    for (const text of cardTexts) expect(comparable(text)).not.toContain(comparable(PASSWD_MARK));
    for (const card of cards) expect(Buffer.from(card.png!).toString('latin1')).not.toContain(PASSWD_MARK);
  });

  it('draws cards whose SVG holds no script, handler, external link or foreign object, and whose PNG decodes', () => {
    expect(cards.length).toBe(12);
    for (const card of cards) {
      const svg = card.svg!;
      const name = card.job.section;
      expect(svg, name).not.toMatch(/<script/i);
      expect(svg, name).not.toMatch(/<foreignObject/i);
      expect(svg, name).not.toMatch(/\son[a-z]+\s*=/i);
      const links = [...svg.matchAll(/(?:xlink:)?href\s*=\s*"([^"]*)"/g)].map((match) => match[1]!);
      expect(links.filter((link) => !link.startsWith('#') && !link.startsWith('data:')), name).toEqual([]);
      expect(svg, name).not.toContain(listener.url);
      expect(svg, name).not.toContain('file:');
      const png = decodePng(card.png!);
      expect([png.width, png.height]).toEqual([1200, 630]);
    }
  });
});
