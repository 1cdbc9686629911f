/**
 * Every relative link in README.md, CONTRIBUTING.md and docs/*.md points at a file that exists,
 * and a `#anchor` on a Markdown file at one of its headings (GitHub's anchors). Links to other
 * sites are not followed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { anchors, links } from './markdown.js';

const pages = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
].filter((page) => existsSync(path.join(ROOT, page)));

const read = (file: string) => readFileSync(file, 'utf8');

describe('links in the docs', () => {
  it('finds the pages', () => {
    expect(pages).toContain('README.md');
  });

  it.each(pages)('%s: every relative link resolves, anchors included', (page) => {
    const file = path.join(ROOT, page);
    const broken: string[] = [];
    for (const { target, line } of links(read(file))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …
      const [rawPath = '', anchor] = target.split('#', 2);
      const linked = rawPath === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(rawPath));
      const where = `${page}:${line}: ${target}`;
      if (!linked.startsWith(ROOT + path.sep) && linked !== ROOT) broken.push(`${where} (outside the repository)`);
      else if (!existsSync(linked)) broken.push(`${where} (no such file)`);
      else if (anchor !== undefined && linked.endsWith('.md') && statSync(linked).isFile() && !anchors(read(linked)).has(anchor)) {
        broken.push(`${where} (no heading with that anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });
});
