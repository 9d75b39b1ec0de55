import { Bench } from "tinybench";

/** One side of a comparison: a function that processes one batch of realistic payloads. */
export interface Side {
  readonly name: string;
  readonly fn: () => unknown;
  /** Payloads handled per call, to report per-payload ops/s. */
  readonly batch: number;
}

/**
 * A ratio measured side by side in one run: `subject` time / `reference`
 * time, so above 1 means the subject is slower.
 */
export interface Comparison {
  readonly key: string;
  readonly description: string;
  readonly subject: Side;
  readonly reference: Side;
  /** Throws when the two sides do not produce the same output (keeps the comparison honest). */
  readonly verify?: () => void;
}

export interface ComparisonResult {
  readonly key: string;
  readonly description: string;
  readonly ratio: number;
  readonly subject: { name: string; opsPerSec: number; payloadsPerSec: number; rme: number };
  readonly reference: { name: string; opsPerSec: number; payloadsPerSec: number; rme: number };
}

function stats(bench: Bench, name: string): { mean: number; ops: number; rme: number } {
  const task = bench.getTask(name);
  const result = task?.result;
  if (!result || result.state !== "completed") throw new Error(`benchmark task ${name} did not complete (${result?.state ?? "missing"})`);
  return { mean: result.latency.mean, ops: result.throughput.mean, rme: result.latency.rme };
}

/**
 * Measures each comparison in `rounds` alternating rounds and reports the
 * median ratio: the machines are shared and noisy, and alternating the
 * order keeps drift from favouring one side.
 */
export async function measure(comparison: Comparison, options: { time: number; rounds: number }): Promise<ComparisonResult> {
  comparison.verify?.();
  const ratios: number[] = [];
  const subjectOps: number[] = [];
  const referenceOps: number[] = [];
  const rmes = { s: 0, r: 0 };
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({ time: options.time, warmupTime: Math.min(300, options.time / 2) });
    const sides = round % 2 === 0 ? [comparison.subject, comparison.reference] : [comparison.reference, comparison.subject];
    for (const side of sides) bench.add(side.name, side.fn);
    await bench.run();
    const s = stats(bench, comparison.subject.name);
    const r = stats(bench, comparison.reference.name);
    ratios.push(s.mean / r.mean);
    subjectOps.push(s.ops);
    referenceOps.push(r.ops);
    rmes.s = Math.max(rmes.s, s.rme);
    rmes.r = Math.max(rmes.r, r.rme);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const sOps = median(subjectOps);
  const rOps = median(referenceOps);
  return {
    key: comparison.key,
    description: comparison.description,
    ratio: median(ratios),
    subject: { name: comparison.subject.name, opsPerSec: sOps, payloadsPerSec: sOps * comparison.subject.batch, rme: rmes.s },
    reference: { name: comparison.reference.name, opsPerSec: rOps, payloadsPerSec: rOps * comparison.reference.batch, rme: rmes.r },
  };
}

/** Measures one function alone; returns mean milliseconds per call. */
export async function measureAlone(name: string, fn: () => unknown, time: number): Promise<{ meanMs: number; opsPerSec: number }> {
  const bench = new Bench({ time, warmupTime: Math.min(300, time / 2) });
  bench.add(name, fn);
  await bench.run();
  const s = stats(bench, name);
  return { meanMs: s.mean, opsPerSec: s.ops };
}
