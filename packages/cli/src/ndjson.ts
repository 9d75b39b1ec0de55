import { once } from "node:events";
import readline from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Issue, Result } from "@mfgsync/canonical";

/** Counts reported at the end of an NDJSON run. Internal. */
export interface NdjsonSummary {
  readonly lines: number;
  readonly mapped: number;
  readonly failed: number;
  readonly skipped: number;
}

/** What {@link mapNdjson} needs. Internal. */
export interface NdjsonOptions {
  readonly input: Readable;
  readonly output: Writable;
  /** Receives failed lines as `{ line, input, issues }` JSON lines; without it failures are only counted and reported on `onFailure`. */
  readonly deadLetter?: Writable;
  /** Maps one parsed payload; may return several outputs (a collection in one line). */
  readonly mapOne: (value: unknown) => Result<unknown>;
  /** Called every `progressEvery` lines. */
  readonly onProgress?: (summary: NdjsonSummary) => void;
  readonly progressEvery?: number;
  readonly onFailure?: (line: number, issues: readonly Issue[]) => void;
}

async function write(stream: Writable, text: string): Promise<void> {
  // Respect backpressure: wait for 'drain' instead of letting the buffer grow.
  if (!stream.write(text)) await once(stream, "drain");
}

/**
 * Streams NDJSON through a mapper with bounded memory: one line in flight,
 * writes wait for the consumer, failures go to the dead-letter stream with
 * their issues so that nothing is lost. Internal to the CLI.
 */
export async function mapNdjson(options: NdjsonOptions): Promise<NdjsonSummary> {
  const { input, output, deadLetter, mapOne, onProgress, onFailure } = options;
  const every = options.progressEvery ?? 1000;
  let lines = 0;
  let mapped = 0;
  let failed = 0;
  let skipped = 0;
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    lines++;
    if (line.trim() === "") {
      skipped++;
      continue;
    }
    let result: Result<unknown>;
    try {
      result = mapOne(JSON.parse(line) as unknown);
    } catch (error) {
      result = { ok: false, issues: [{ path: "", code: "json.invalid", message: `not valid JSON: ${(error as Error).message}` }] };
    }
    if (result.ok) {
      const values = Array.isArray(result.value) ? result.value : [result.value];
      for (const value of values) await write(output, JSON.stringify(value) + "\n");
      mapped++;
    } else {
      failed++;
      onFailure?.(lines, result.issues);
      if (deadLetter) await write(deadLetter, JSON.stringify({ line: lines, input: line, issues: result.issues }) + "\n");
    }
    if (onProgress && lines % every === 0) onProgress({ lines, mapped, failed, skipped });
  }
  return { lines, mapped, failed, skipped };
}
