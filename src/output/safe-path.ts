import { realpathSync } from 'node:fs';
import path from 'node:path';
import { CasefileError } from '../errors.js';

/** True when `candidate` is `root` itself or somewhere beneath it (both absolute). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The real path of the longest existing prefix of `target`, with the rest appended. */
function realPathOfExisting(target: string): string {
  const missing: string[] = [];
  let current = path.resolve(target);
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(target);
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/**
 * Resolves `relative` under `root` and refuses anything that ends up outside it,
 * whether by `..`, an absolute path or a symbolic link pointing elsewhere.
 */
export function resolveInside(root: string, relative: string, what: string): string {
  const resolvedRoot = path.resolve(root);
  const candidate = path.resolve(resolvedRoot, relative);
  const escapes =
    path.isAbsolute(relative) ||
    !isInside(resolvedRoot, candidate) ||
    !isInside(realPathOfExisting(resolvedRoot), realPathOfExisting(candidate));
  if (escapes) {
    throw new CasefileError('E_PATH', `${what} ${JSON.stringify(relative)} would leave ${resolvedRoot}; expected a path inside it`, {
      file: relative,
    });
  }
  return candidate;
}
