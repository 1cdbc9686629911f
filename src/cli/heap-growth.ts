/**
 * How far V8 lets the heap grow past what is live before it collects it whole again. By default,
 * on a machine with memory to spare, up to four times: a `casefile build` holds a small entry per
 * output for the whole run (under 1 KB a card: the cache's entry, with the card's alt text) while
 * drawing makes short-lived garbage fast, and at 30,000 cards its heap had grown to 2.7 KB a card,
 * three times what was live. A build is a batch job that owns its process, so it caps the growth;
 * the library's `buildSite` leaves a host's heap alone.
 */
import v8 from 'node:v8';

/** The heap may grow 40% past what the last full collection found live (V8's `--heap-growing-percent`). */
export const BUILD_HEAP_GROWTH_PERCENT = 40;

export function capHeapGrowth(percent: number = BUILD_HEAP_GROWTH_PERCENT): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
