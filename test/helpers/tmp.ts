import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * A temporary folder removed when the test file finishes. A browser's helper processes can still
 * be writing their profile there for a moment after it is killed (rmdir then fails with
 * ENOTEMPTY on a busy machine), so the removal is retried.
 */
export function tempDir(prefix = 'casefile-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));
  return dir;
}
