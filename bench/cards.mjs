// Card render timing: 48 cards (12 cards × og, x, square, story) of the Lead Infrastructure
// Engineer, with 0 (in-process), 1 and 2 workers. Prints the median per-card render time measured
// inside the renderer, and wall time per card for the batch (which includes worker start-up).
// Run: npm run build && node bench/cards.mjs
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCardRenderer, parseRecord, planCards } from '../dist/index.js';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const file = path.join(root, 'data', 'lead-infrastructure-engineer.json');
const record = parseRecord(await readFile(file, 'utf8'), file);
const jobs = planCards(record, { sizes: ['og', 'x', 'square', 'story'] });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`${jobs.length} cards, ${os.availableParallelism()} cores, load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);
for (const workers of (process.argv[2] ?? '0,1,2').split(',').map(Number)) {
  const renderer = createCardRenderer({ workers });
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const cards = await renderer.render(record, jobs);
    const wall = performance.now() - started;
    // CPU time is what a card costs whatever else the machine is doing (only meaningful in-process).
    const used = process.cpuUsage(cpu);
    const cpuPerCard = workers === 0 ? `, CPU ${((used.user + used.system) / 1000 / jobs.length).toFixed(0)} ms per card` : '';
    const times = cards.map((card) => card.renderMs);
    const bytes = cards.map((card) => card.png.byteLength);
    console.log(
      `workers ${workers}: median ${median(times).toFixed(0)} ms per card (render), ` +
        `wall ${(wall / jobs.length).toFixed(0)} ms per card (${(wall / 1000).toFixed(1)} s batch), ` +
        `PNG median ${Math.round(median(bytes) / 1024)} KB, max ${Math.round(Math.max(...bytes) / 1024)} KB${cpuPerCard}`,
    );
  } finally {
    await renderer.close();
  }
}
