import v8 from "node:v8";
import vm from "node:vm";
import { Bench } from "tinybench";

// A full garbage collection before each round, so that no side pays for the other's garbage.
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/** One side of a comparison: a function that processes a batch of payloads. */
export interface Side {
  readonly name: string;
  readonly fn: () => unknown;
  /** Payloads handled per call; ratios and rates are per payload. */
  readonly batch: number;
}

/**
 * Two ways of doing the same work, measured side by side: the ratio is the
 * subject's time per payload over the reference's, so above 1 means the
 * subject is slower.
 */
export interface Comparison {
  readonly key: string;
  readonly description: string;
  readonly subject: Side;
  readonly reference: Side;
  /** The goal for the ratio (at most), when the issue sets one. */
  readonly target?: number;
  /** Throws when the two sides do not do the same work (keeps the comparison honest); run before measuring. */
  readonly verify: () => void | Promise<void>;
}

/** Rates of one side: calls and payloads per second (from the median time of a call). */
export interface SideResult {
  readonly name: string;
  readonly opsPerSec: number;
  readonly payloadsPerSec: number;
  /** Worst relative margin of error of a round's mean, in percent. */
  readonly rme: number;
}

/** The measured comparison. */
export interface ComparisonResult {
  readonly key: string;
  readonly description: string;
  readonly ratio: number;
  /** Ratio of every round, to show the spread. */
  readonly rounds: readonly number[];
  readonly target?: number;
  readonly subject: SideResult;
  readonly reference: SideResult;
}

/** How long to measure. */
export interface MeasureOptions {
  /** Milliseconds per task per round. */
  readonly time: number;
  /** Alternating rounds; the median ratio is reported. */
  readonly rounds: number;
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function latency(bench: Bench, name: string): { p50: number; rme: number } {
  const result = bench.getTask(name)?.result;
  if (!result) throw new Error(`benchmark task ${name} is missing`);
  if (result.state === "errored") throw result.error;
  if (result.state !== "completed") throw new Error(`benchmark task ${name} did not complete (${result.state})`);
  return { p50: result.latency.p50, rme: result.latency.rme };
}

/**
 * Measures a comparison in alternating rounds (subject first, then
 * reference first, ...) and reports the median ratio of per-payload median
 * times: the machines are shared and noisy, and alternating keeps drift from
 * favouring one side.
 */
export async function measure(comparison: Comparison, options: MeasureOptions): Promise<ComparisonResult> {
  await comparison.verify();
  const ratios: number[] = [];
  const subjectMs: number[] = [];
  const referenceMs: number[] = [];
  let subjectRme = 0;
  let referenceRme = 0;
  const { subject, reference } = comparison;
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({ time: options.time, iterations: 5, warmupTime: Math.min(250, options.time / 2), throws: true });
    for (const side of round % 2 === 0 ? [subject, reference] : [reference, subject]) bench.add(side.name, side.fn);
    collectGarbage();
    await bench.run();
    const s = latency(bench, subject.name);
    const r = latency(bench, reference.name);
    subjectMs.push(s.p50);
    referenceMs.push(r.p50);
    ratios.push(s.p50 / subject.batch / (r.p50 / reference.batch));
    subjectRme = Math.max(subjectRme, s.rme);
    referenceRme = Math.max(referenceRme, r.rme);
  }
  const side = (s: Side, ms: number, rme: number): SideResult => ({ name: s.name, opsPerSec: 1000 / ms, payloadsPerSec: (1000 / ms) * s.batch, rme });
  return {
    key: comparison.key,
    description: comparison.description,
    ratio: median(ratios),
    rounds: ratios,
    ...(comparison.target === undefined ? {} : { target: comparison.target }),
    subject: side(subject, median(subjectMs), subjectRme),
    reference: side(reference, median(referenceMs), referenceRme),
  };
}

/** Measures one function alone; returns the median milliseconds per call and calls per second. */
export async function measureAlone(name: string, fn: () => unknown, time: number): Promise<{ medianMs: number; opsPerSec: number }> {
  const bench = new Bench({ time, iterations: 5, warmupTime: Math.min(250, time / 2), throws: true });
  bench.add(name, fn);
  collectGarbage();
  await bench.run();
  const { p50 } = latency(bench, name);
  return { medianMs: p50, opsPerSec: 1000 / p50 };
}
