import { Worker } from "node:worker_threads";
import type { Readable, Writable } from "node:stream";
import { DEFAULT_MAX_LINE_BYTES, createPayloadProcessor } from "@mfgsync/canonical";
import type { PayloadProcessor, Result, StreamCounts, StreamStep } from "@mfgsync/canonical";
import type { BatchKeep, BatchMessage, BatchResult, WorkerTask } from "./batch.js";
import { processBatch } from "./batch.js";
import type { NdjsonSummary } from "./ndjson.js";
import { NdjsonOutputs, NdjsonStreamError, summaryOf } from "./ndjson.js";
import { RecordText, addCounts } from "./ndjson-text.js";

/** What {@link mapNdjsonParallel} needs. Internal. */
export interface ParallelOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly deadLetter?: Writable;
  readonly warnings?: Writable;
  /** Worker threads (≥ 2). */
  readonly jobs: number;
  /** How a worker builds the step. */
  readonly task: WorkerTask;
  /** The same step in this thread, for input too small to be worth a worker. */
  readonly step: StreamStep<unknown>;
  readonly parse: (text: string) => Result<unknown>;
  readonly maxLineBytes?: number;
  readonly onProgress?: (summary: NdjsonSummary) => void;
  readonly progressIntervalMs?: number;
}

/** Input collected into one batch before it goes to a worker: larger batches cost fewer messages, smaller ones less memory. */
const BATCH_BYTES = 256 * 1024;
/** Batches a worker holds at most (sent, not yet answered): the bounded queue per worker. */
const DEPTH = 3;

const ZERO: StreamCounts = { lines: 0, passed: 0, failed: 0, skipped: 0, outputs: 0, bytes: 0, warnings: 0, linesWithWarnings: 0, warningsByCode: [] };

/**
 * The worker's built file next to this one (dist/worker.js). From the sources (tests), the built one too:
 * Node 20 cannot load TypeScript in a worker thread, so the sources need `pnpm run build` first.
 */
function workerEntry(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL("../dist/worker.js", here) : new URL("./worker.js", here);
}

interface Pending {
  resolve(result: BatchResult): void;
  reject(error: Error): void;
}

/** Worker threads, each with its batches in flight. */
class Pool {
  private readonly workers: Array<{ worker: Worker; inflight: number }> = [];
  private readonly pending = new Map<number, Pending>();
  private failure: Error | undefined;
  /** Called whenever a batch comes back (there is room again). */
  onSettled: () => void = () => undefined;

  constructor(jobs: number, init: { task: WorkerTask; keep: BatchKeep; maxLineBytes: number }) {
    const url = workerEntry();
    for (let i = 0; i < jobs; i++) {
      // Not the sources' export condition (tests): the built worker imports the built packages.
      // A small young generation: three isolates with the default one take 50–60 MB more resident memory for no measurable speed (docs/guides/benchmarks.md).
      const worker = new Worker(url, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: 8 }, execArgv: process.execArgv.filter((a, i, all) => !a.includes("@mfgsync/source") && !(a === "--conditions" || a === "-C" ? all[i + 1]?.includes("@mfgsync/source") : false)) });
      const entry = { worker, inflight: 0 };
      worker.on("message", (message: { seq: number; result?: BatchResult; error?: string; code?: string }) => {
        entry.inflight--;
        const waiting = this.pending.get(message.seq);
        this.pending.delete(message.seq);
        if (message.result !== undefined) waiting?.resolve(message.result);
        else waiting?.reject(Object.assign(new Error(message.error ?? "a worker thread failed"), { code: message.code ?? "WORKER" }));
        this.onSettled();
      });
      const fail = (error: Error) => {
        this.failure ??= Object.assign(new Error(`a worker thread failed: ${error.message}`), { code: "WORKER" });
        for (const p of this.pending.values()) p.reject(this.failure);
        this.pending.clear();
        this.onSettled();
      };
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (this.pending.size > 0) fail(new Error(`it exited with code ${code}`));
      });
      this.workers.push(entry);
    }
  }

  /** Whether a worker can take another batch. */
  get hasRoom(): boolean {
    return this.failure !== undefined || this.workers.some((w) => w.inflight < DEPTH);
  }

  submit(message: BatchMessage): Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    let least = this.workers[0]!;
    for (const w of this.workers) if (w.inflight < least.inflight) least = w;
    least.inflight++;
    return new Promise<BatchResult>((resolve, reject) => {
      this.pending.set(message.seq, { resolve, reject });
      least.worker.postMessage(message, [message.bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

function concat(parts: readonly Buffer[], total: number): Buffer {
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts, total);
}

/**
 * `map --ndjson --jobs N`: the input is cut into batches of whole lines,
 * each mapped by one of N worker threads (at most DEPTH batches each), and
 * the results are written in input order as they come back, with the
 * output's backpressure: while the output waits, no batch is sent, and no
 * input is read. A line over the limit is streamed here, in order, exactly
 * as `--jobs 1` does. Output, dead letters, warnings and the summary are
 * byte for byte those of `--jobs 1`. Input smaller than one batch is mapped
 * in this thread (no worker is started). Internal.
 */
export async function mapNdjsonParallel(options: ParallelOptions): Promise<NdjsonSummary> {
  const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const keep: BatchKeep = { deadLetters: options.deadLetter !== undefined, warnings: options.warnings !== undefined };
  const outputs = new NdjsonOutputs(options);
  const interval = options.progressIntervalMs ?? 200;
  const capacity = options.jobs * DEPTH;
  let pool: Pool | undefined;
  let counts: StreamCounts = ZERO;
  let bytes = 0;
  let seq = 0;
  let lastProgress = Date.now();

  // The reassembly queue: one promise per batch, in input order.
  const queue: Array<Promise<BatchResult>> = [];
  // The writer waits for batches, the reader for room: both may wait at once.
  let waiters: Array<() => void> = [];
  const notify = () => {
    const woken = waiters;
    waiters = [];
    for (const w of woken) w();
  };
  const waitForChange = () => new Promise<void>((resolve) => waiters.push(resolve));
  let writerError: unknown;
  let inputDone = false;

  const writer = (async () => {
    for (;;) {
      while (queue.length === 0 && !inputDone) await waitForChange();
      const next = queue.shift();
      if (next === undefined) return;
      const result = await next;
      outputs.add(result);
      counts = addCounts(counts, result.counts);
      await outputs.settle();
      notify();
    }
  })().catch((error: unknown) => {
    writerError = error;
    notify();
  });

  const enqueue = async (result: Promise<BatchResult>) => {
    result.catch(() => undefined);
    queue.push(result);
    notify();
  };

  /** Waits until the queue and a worker have room (backpressure from the output and from the workers). */
  const room = async () => {
    for (;;) {
      if (writerError !== undefined) throw writerError;
      if (queue.length < capacity && (pool === undefined || pool.hasRoom)) return;
      await waitForChange();
    }
  };

  let held: { bytes: Uint8Array; firstLine: number } | undefined;
  /** Sends a batch of whole lines; the first one waits (if the input ends with it, it is mapped here and no worker is started). */
  const dispatch = async (batch: Buffer, firstLine: number, final: boolean, owned: boolean) => {
    // An owned buffer is transferred as it is (no copy); anything else (a pooled buffer) is copied first.
    const message = { bytes: owned ? new Uint8Array(batch.buffer, 0, batch.byteLength) : new Uint8Array(batch), firstLine, final };
    if (pool === undefined && held === undefined && !final) {
      held = message;
      return;
    }
    if (pool === undefined && final) {
      // Two batches at most: mapped here, sooner than workers would start.
      if (held !== undefined) await enqueue(Promise.resolve(processBatch(options.step, options.parse, max, keep, { ...held, final: false })));
      held = undefined;
      await enqueue(Promise.resolve(processBatch(options.step, options.parse, max, keep, message)));
      return;
    }
    if (pool === undefined) {
      pool = new Pool(options.jobs, { task: options.task, keep, maxLineBytes: max });
      pool.onSettled = notify;
      const first = held!;
      held = undefined;
      await room();
      await enqueue(pool.submit({ seq: seq++, ...first, final: false }));
    }
    await room();
    await enqueue(pool.submit({ seq: seq++, ...message }));
  };

  // A too-long line is streamed in this thread, piece by piece, in order with the batches around it.
  let local: { processor: PayloadProcessor<unknown>; text: RecordText } | undefined;
  const feedLocal = async (piece: Uint8Array, end: boolean) => {
    const { processor, text } = local!;
    const before = processor.counts();
    processor.write(piece, text.add.bind(text));
    if (end) processor.end(text.add.bind(text));
    const after = processor.counts();
    const result: BatchResult = { ...text.take(), counts: after.lines === before.lines ? ZERO : after };
    await room();
    await enqueue(Promise.resolve(result));
  };

  let parts: Buffer[] = [];
  let partsBytes = 0;
  /** Bytes of the line not yet ended, at the end of `parts`. */
  let tail = 0;
  /** Number of the first line in `parts`. */
  let nextLine = 1;

  const flushHead = async (all: Buffer, final: boolean) => {
    // `all` is ours (copied from the input) and the tail was copied out of it: when it owns its whole buffer, the buffer is transferred.
    const owned = all.byteOffset === 0 && all.buffer.byteLength === all.byteLength && all.byteLength > 4096;
    const head = final ? all : all.subarray(0, all.length - tail);
    if (head.length > 0) {
      const lines = countLines(head);
      await dispatch(head, nextLine, final, owned);
      nextLine += lines;
    }
  };

  try {
    try {
      const reader = options.input[Symbol.asyncIterator]();
      for (;;) {
        let next: IteratorResult<unknown>;
        try {
          next = await reader.next();
        } catch (error) {
          throw new NdjsonStreamError("input", error as Error);
        }
        if (next.done) break;
        let chunk: Buffer = typeof next.value === "string" ? Buffer.from(next.value, "utf8") : (next.value as Buffer);
        bytes += chunk.length;
        if (local !== undefined) {
          const nl = chunk.indexOf(10);
          await feedLocal(nl === -1 ? chunk : chunk.subarray(0, nl + 1), false);
          if (nl === -1) continue;
          local = undefined;
          nextLine++;
          chunk = chunk.subarray(nl + 1);
          if (chunk.length === 0) continue;
        }
        // Copied: the stream may reuse its chunk buffers.
        parts.push(Buffer.from(chunk));
        partsBytes += chunk.length;
        const nl = chunk.lastIndexOf(10);
        tail = nl === -1 ? tail + chunk.length : chunk.length - nl - 1;
        if (tail - (chunk[chunk.length - 1] === 13 ? 1 : 0) > max) {
          const all = concat(parts, partsBytes);
          const rest = Buffer.from(all.subarray(all.length - tail));
          await flushHead(all, false);
          local = { processor: createPayloadProcessor(options.step, { parse: options.parse, maxLineBytes: max, firstLine: nextLine }), text: new RecordText(keep) };
          parts = [];
          partsBytes = 0;
          tail = 0;
          await feedLocal(rest, false);
        } else if (partsBytes - tail >= BATCH_BYTES) {
          const all = concat(parts, partsBytes);
          const rest = tail > 0 ? [Buffer.from(all.subarray(all.length - tail))] : [];
          await flushHead(all, false);
          parts = rest;
          partsBytes = tail;
        }
        if (options.onProgress !== undefined && Date.now() - lastProgress >= interval) {
          lastProgress = Date.now();
          options.onProgress(summaryOf({ ...counts, bytes }));
        }
      }
      if (local !== undefined) await feedLocal(new Uint8Array(0), true);
      else if (partsBytes > 0 || held !== undefined) {
        if (partsBytes > 0) await flushHead(concat(parts, partsBytes), true);
        // The input ended with one batch held: it is mapped here.
        else {
          const first = held!;
          held = undefined;
          await enqueue(Promise.resolve(processBatch(options.step, options.parse, max, keep, { ...first, final: true })));
        }
      }
    } finally {
      inputDone = true;
      notify();
    }
    await writer;
    if (writerError !== undefined) throw writerError;
  } catch (error) {
    inputDone = true;
    queue.length = 0;
    notify();
    await writer;
    throw writerError ?? error;
  } finally {
    outputs.release();
    await pool?.close();
  }
  const summary = summaryOf({ ...counts, bytes });
  options.onProgress?.(summary);
  return summary;
}
