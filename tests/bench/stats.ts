/** Several runs of one timing, summarised as the benchmark reports every timing: median, with min and max. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
  /** Every run, in order, rounded to 0.1 ms. */
  samples: number[];
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarise');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return {
    median: round1(median),
    min: round1(sorted[0] ?? 0),
    max: round1(sorted[sorted.length - 1] ?? 0),
    runs: samples.length,
    samples: samples.map(round1),
  };
}

/** Runs `once` `runs` times, one after another, and returns what each run measured. */
export async function repeat<T>(runs: number, once: (run: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let run = 0; run < runs; run++) results.push(await once(run));
  return results;
}

/** Wall time of `work`, in ms. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}
