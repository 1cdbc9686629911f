// Regenerates the golden card images (test/golden/cards/<card>.png) after an intended change:
// every card at og size for data/lead-infrastructure-engineer.json, rendered in-process from the
// built code with the bundled fonts only, stored at half size (2×2 averaged) to keep the
// repository small; test/cards/golden.test.ts halves its render the same way before comparing.
// Run with `npm run golden:cards`, then look at the images before committing them.
// `npm run golden:cards -- --engine takumi` writes the takumi engine's own goldens to
// test/golden/cards-takumi/ (test/cards/engines.test.ts holds Takumi to them, and to Satori's).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { createCardRenderer, planCards, parseRecord } from '../dist/index.js';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const source = path.join(root, 'data', 'lead-infrastructure-engineer.json');
const engineIndex = process.argv.indexOf('--engine');
const engine = engineIndex > 0 ? process.argv[engineIndex + 1] : 'satori';
const target = path.join(root, 'test', 'golden', engine === 'satori' ? 'cards' : `cards-${engine}`);

function halve(png) {
  const width = Math.floor(png.width / 2);
  const height = Math.floor(png.height / 2);
  const out = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let channel = 0; channel < 4; channel++) {
        let sum = 0;
        for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) sum += png.data[((y * 2 + dy) * png.width + x * 2 + dx) * 4 + channel];
        out.data[(y * width + x) * 4 + channel] = Math.round(sum / 4);
      }
    }
  }
  return PNG.sync.write(out, { colorType: 2 });
}

const record = parseRecord(await readFile(source, 'utf8'), source);
const renderer = createCardRenderer({ workers: 0 });
try {
  const cards = await renderer.render(record, planCards(record, { engine }));
  await mkdir(target, { recursive: true });
  for (const card of cards) {
    const file = path.join(target, `${card.job.section}.png`);
    const bytes = halve(PNG.sync.read(Buffer.from(card.png)));
    await writeFile(file, bytes);
    console.log(`${path.relative(root, file)} from ${card.width}x${card.height}, ${Math.round(bytes.byteLength / 1024)} KB`);
    for (const warning of card.warnings) console.log(`  warning: ${warning}`);
  }
} finally {
  await renderer.close();
}
