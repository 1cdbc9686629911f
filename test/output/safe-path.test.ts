import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, resolveInside } from '../../src/output/safe-path.js';
import { tempDir } from '../helpers/tmp.js';

describe('resolveInside', () => {
  const root = tempDir();
  const data = path.join(root, 'data');
  mkdirSync(data);
  writeFileSync(path.join(root, 'secret.json'), '{}');
  symlinkSync(path.join(root, 'secret.json'), path.join(data, 'linked.json'));
  symlinkSync(root, path.join(data, 'up'));

  it('resolves a plain name inside the folder', () => {
    expect(resolveInside(data, 'role.json', 'record')).toBe(path.join(data, 'role.json'));
    expect(resolveInside(data, 'sub/role.json', 'record')).toBe(path.join(data, 'sub', 'role.json'));
  });

  it.each(['../secret.json', '/etc/passwd', 'a/../../secret.json', 'linked.json', 'up/secret.json'])(
    'refuses %s, which leaves the folder',
    (relative) => {
      expect(() => resolveInside(data, relative, 'record')).toThrow(/would leave/);
    },
  );

  it('isInside treats the folder itself as inside and a sibling with a common prefix as outside', () => {
    expect(isInside('/a/data', '/a/data')).toBe(true);
    expect(isInside('/a/data', '/a/data-2/x')).toBe(false);
  });
});
