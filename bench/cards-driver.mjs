// `casefile cards` over every record of a data folder, as the command runs several records (one
// shared renderer, record after record), with the renderer's workers and in-process cards set:
// the alternatives bench/cards.mjs times against the command's default. The CLI has no flag for
// cards in flight in one process, so this is the command's path through the library.
// Run: node bench/cards-driver.mjs <data-dir> <out-dir> <engine> <workers> [in-process cards]
import { makeCards } from '../dist/api/cards.js';
import { createCardRenderer } from '../dist/cards/renderer.js';
import { dataFolderSlugs } from '../dist/record/data-folder.js';

const [dataDir, outDir, engine, workers, inProcessCards] = process.argv.slice(2);
const knownSlugs = await dataFolderSlugs(dataDir);
const renderer = createCardRenderer({ workers: Number(workers), ...(inProcessCards ? { inProcessCards: { [engine]: Number(inProcessCards) } } : {}) });
try {
  for (const slug of [...knownSlugs].sort()) {
    const made = await makeCards(slug, { renderer, dataDir, outDir, knownSlugs, engine });
    if (made.failures.length > 0) throw new Error(`${slug}: ${made.failures[0].message}`);
  }
} finally {
  await renderer.close();
}
