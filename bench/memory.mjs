// Peak resident memory of a command and every process it starts (Chromium's included), sampled from /proc.
import { spawn } from 'node:child_process';
import { treeRssKb } from '../scripts/process-tree-memory.mjs';


/** Runs `command args`, resolving to { code, peakKb, ms }. */
export function measurePeakMemory(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peakKb = 0;
    const timer = setInterval(() => {
      peakKb = Math.max(peakKb, treeRssKb(child.pid));
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, peakKb, ms: performance.now() - started, stderr });
    });
  });
}
