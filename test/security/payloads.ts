/**
 * Hostile text for every free-text field of a record, and the checks that it stayed text.
 *
 * A payload whose script ran would write the canary, which is computed at run time
 * ('EXEC' + 'UTED-' + 6 * 7) and so never appears literally in any payload. `{{LISTENER}}`
 * stands for the URL of an HTTP listener the test starts; `file:///etc/passwd` is the local
 * file a payload tries to read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CaseFile } from '../../src/record/schema.js';
import { FIXTURES } from '../helpers/cli.js';

export const CANARY = 'EXECUTED-42';
/** What /etc/passwd (and only it) contains: it must never turn up in an output. */
export const PASSWD_MARK = 'root:x:0:0';
const RUN = `'EXEC'+'UTED-'+6*7`;

export const PAYLOADS: readonly string[] = [
  // HTML and script injection
  `<script>document.body.innerHTML=${RUN}</script>`,
  `<script src="{{LISTENER}}/script.js"></script>`,
  `<img src=x onerror="document.body.textContent=${RUN}">`,
  `<svg onload="document.body.append(${RUN})"></svg>`,
  `<svg><script>document.write(${RUN})</script></svg>`,
  `<body onload="document.write(${RUN})">`,
  `<a href="javascript:document.write(${RUN})">click</a>`,
  `<iframe src="javascript:parent.document.write(${RUN})"></iframe>`,
  `<iframe srcdoc="<script>parent.document.write(${RUN})</script>"></iframe>`,
  `<iframe src="data:text/html,<script>document.write(${RUN})</script>"></iframe>`,
  `<object data="{{LISTENER}}/object"></object>`,
  `<embed src="{{LISTENER}}/embed">`,
  `<math><mi xlink:href="javascript:alert(1)">x</mi></math>`,
  `"><script>document.write(${RUN})</script>`,
  `'><img src=x onerror=document.write(${RUN})>`,
  `</p></div></section></body><script>document.write(${RUN})</script>`,
  `<plaintext>`,
  `<!-- unclosed comment`,
  `]]><![CDATA[`,
  `<template><script>1</script></template>`,
  // Network: the listener must never hear from the page
  `<img src="{{LISTENER}}/img">`,
  `<img srcset="{{LISTENER}}/srcset 1x">`,
  `<link rel="stylesheet" href="{{LISTENER}}/link.css">`,
  `<link rel="prefetch" href="{{LISTENER}}/prefetch">`,
  `<iframe src="{{LISTENER}}/iframe"></iframe>`,
  `<meta http-equiv="refresh" content="0;url={{LISTENER}}/refresh">`,
  `<base href="{{LISTENER}}/base/">`,
  `<video poster="{{LISTENER}}/poster" src="{{LISTENER}}/video"></video>`,
  `<input type="image" src="{{LISTENER}}/input">`,
  `<form action="{{LISTENER}}/form"><button>go</button></form>`,
  `<svg><image href="{{LISTENER}}/svg-image"/></svg>`,
  // CSS injection
  `</style><style>body{background:url("{{LISTENER}}/style-url")}</style>`,
  `</style><script>document.write(${RUN})</script><style>`,
  `@import url("{{LISTENER}}/import.css");`,
  `@import 'file:///etc/passwd';`,
  `background:url({{LISTENER}}/css-url)`,
  `x{} body::after{content:"${CANARY.replace('-', '\\2d ')}"}`,
  `"; } @page { @top-center { content: "hijacked" } } .x { content: "`,
  `\\"); } * { display: none } {`,
  `expression(alert(1))`,
  // Local files
  `<img src="file:///etc/passwd">`,
  `<link rel="stylesheet" href="file:///etc/passwd">`,
  `<iframe src="file:///etc/passwd"></iframe>`,
  `<object data="file:///etc/passwd" type="text/plain"></object>`,
  `url(file:///etc/passwd)`,
  `<style>@font-face{font-family:x;src:url(file:///etc/passwd)}</style>`,
  `<svg><use href="file:///etc/passwd#x"/></svg>`,
  `../../../../etc/passwd`,
  // Handlebars syntax in data
  `{{constructor.constructor 'return process'}}`,
  `{{constructor.constructor}}`,
  `{{#with "s" as |string|}}{{lookup string "constructor"}}{{/with}}`,
  `{{> cover}}`,
  `{{{title}}}`,
  `{{__proto__}}`,
  `\\{{escaped}}`,
  // Prototype keys and other template languages
  `__proto__`,
  `constructor`,
  `prototype`,
  `\${7*7} <%= 7*7 %> #{7*7}`,
  // Text that is only awkward: right-to-left, combining marks, astral characters
  `\u0645\u0631\u062D\u0628\u0627 \u{1F4A3}\u{1F525} Z\u0351\u036B\u0343a\u0310\u030Dl\u0314g\u030Eo`,
];

export function withListener(payload: string, listener: string): string {
  return payload.replaceAll('{{LISTENER}}', listener);
}

/** Keys whose strings are identifiers, not free text: they keep their valid values. */
const NOT_FREE_TEXT = new Set(['$schema', 'slug', 'currency', 'start', 'end']);
const MAX_LENGTH: Record<string, number> = { heading: 200, topEarnersQualifier: 40 };
const TEXT_LIMIT = 4000;

export interface HostileRecord {
  record: CaseFile;
  /** Every free-text field that was filled, with what it now holds. */
  fields: { path: string; text: string }[];
  /** How many payload placements were made in all (a payload goes into many fields). */
  placements: number;
}

/**
 * The valid fixture with every free-text string replaced by a run of payloads (as many as the
 * field's length limit allows, starting at a different payload per field), every list grown
 * to a few items, and headings and the qualifier filled within their own limits.
 */
export function hostileRecord(listener: string, perField = 8): HostileRecord {
  const file = path.join(FIXTURES, 'records', 'valid-record.json');
  const base = JSON.parse(readFileSync(file, 'utf8')) as CaseFile;
  const payloads = PAYLOADS.map((payload) => withListener(payload, listener));
  const fields: HostileRecord['fields'] = [];
  let next = 0;
  let placements = 0;

  const fill = (key: string, at: string): string => {
    const limit = MAX_LENGTH[key] ?? TEXT_LIMIT;
    const parts: string[] = [];
    let length = 0;
    for (let tries = 0; tries < payloads.length && parts.length < perField; tries += 1) {
      const payload = payloads[next % payloads.length]!;
      next += 1;
      if (length + payload.length + 1 > limit) continue;
      parts.push(payload);
      length += payload.length + 1;
    }
    placements += parts.length;
    const text = parts.join(' ');
    fields.push({ path: at, text });
    return text;
  };

  const walk = (value: unknown, key: string, at: string): unknown => {
    if (typeof value === 'string') return NOT_FREE_TEXT.has(key) ? value : fill(key, at);
    if (Array.isArray(value)) return value.map((item, index) => walk(item, key, `${at}[${index}]`));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, walk(item, name, `${at}.${name}`)]));
    }
    return value;
  };

  const record = walk(base, '', '$') as CaseFile;
  // Two extra aliases: the prototype words as whole values.
  record.aliases.push('__proto__', 'constructor');
  fields.push({ path: '$.aliases[__proto__]', text: '__proto__' }, { path: '$.aliases[constructor]', text: 'constructor' });
  return { record, fields, placements };
}

/**
 * Text compared as the PDF shows it: NFKC (ligatures), case folded (headings are set in
 * capitals), and without whitespace or hyphens (lines wrap anywhere in a long payload, and
 * pdftotext joins words hyphenated at a line end). Only printable ASCII is compared: the
 * dossier's bundled fonts draw Latin text, and pdftotext reorders bidirectional runs, so the
 * Arabic, emoji and combining marks of the last payload are checked by rendering, not by text.
 */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\x21-\x7E]+/g, '')
    .replace(/-+/g, '');
}
