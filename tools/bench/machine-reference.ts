// How fast this machine is while a bench runs: the same fixed work in JavaScript and in
// PostgreSQL every time, so that figures measured on different days (or machines) can be
// compared. The machines benches run on here differ by 2–3× from day to day.
import { Client } from 'pg';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Milliseconds for sorting 1,000,000 numbers and a JSON round trip of 100,000 small objects (median of 3). */
export function javascriptReferenceMs(): number {
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const began = performance.now();
    let seed = 7;
    const numbers = Float64Array.from(
      { length: 1_000_000 },
      () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647,
    );
    numbers.sort();
    const objects = Array.from({ length: 100_000 }, (_, i) => ({ id: i, title: `任务 ${i}`, start: i * 60_000 }));
    JSON.parse(JSON.stringify(objects));
    runs.push(performance.now() - began);
  }
  return median(runs);
}

/** Milliseconds for one fixed query of 500,000 rows in PostgreSQL (median of 3, round trip). */
export async function postgresReferenceMs(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const runs: number[] = [];
    for (let run = 0; run < 3; run++) {
      const began = performance.now();
      await client.query('SELECT sum(length(md5(g::text))) FROM generate_series(1, 500000) g');
      runs.push(performance.now() - began);
    }
    return median(runs);
  } finally {
    await client.end();
  }
}
