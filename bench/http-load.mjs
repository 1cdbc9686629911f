// A bounded HTTP load on loopback: `amount` requests over `connections` keep-alive connections
// (undici's Pool, whose client reads bodies as bytes: autocannon turns every body into a string,
// which on a 75 KB card costs more than the server does), paths from `pathOf(index)`.
import { Pool } from 'undici';

export async function httpLoad(origin, { connections, amount, pathOf, headersOf = () => ({}) }) {
  const pool = new Pool(origin, { connections, pipelining: 1 });
  const statuses = {};
  let errors = 0;
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < amount) {
          const index = next++;
          try {
            const { statusCode, body } = await pool.request({ path: pathOf(index), method: 'GET', headers: headersOf(index) });
            await body.dump({ limit: Infinity });
            statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
          } catch {
            errors++;
          }
        }
      }),
    );
  } finally {
    await pool.close();
  }
  const ms = performance.now() - started;
  return { amount, ms, requestsPerSecond: (amount / ms) * 1000, statuses, errors };
}
