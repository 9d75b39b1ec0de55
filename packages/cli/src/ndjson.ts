import { DEFAULT_MAX_LINE_BYTES } from "@mfgsync/canonical";
import { createMapStream } from "@mfgsync/mapping";
import type { Readable, Writable } from "node:stream";
import type { CountingStream, Issue, Result, StreamCounts, StreamRecord, StreamStep } from "@mfgsync/canonical";
import { parseJson } from "./format.js";
import { RecordText } from "./ndjson-text.js";

/** Counts reported while and after an NDJSON run. Internal. */
export interface NdjsonSummary {
  /** Lines read (blank ones included). */
  readonly lines: number;
  /** Lines mapped (a line may give several outputs: a collection). */
  readonly mapped: number;
  /** Lines that failed (each went to the dead-letter stream, when there is one). */
  readonly failed: number;
  /** Blank lines, ignored. */
  readonly skipped: number;
  /** NDJSON values written to the output. */
  readonly outputs: number;
  /** Input bytes read so far. */
  readonly bytes: number;
  /** Mapping warnings, all lines together. */
  readonly warnings: number;
  /** Lines with at least one warning. */
  readonly linesWithWarnings: number;
  /** Warnings by code, with the first one of each (its line, path and message): what the single-payload path prints, summed up. */
  readonly warningsByCode: ReadonlyArray<{ readonly code: string; readonly count: number; readonly first: Issue & { readonly line: number } }>;
}

/** What mapping one line gave: the output (one value, or an array for a collection) and the warnings. Internal. */
export interface LineOutcome {
  readonly result: Result<unknown>;
  readonly warnings?: readonly Issue[];
}

/** Which stream failed: the output, the dead-letter or the warnings stream (a write), or the input (a read). Internal. */
export class NdjsonStreamError extends Error {
  override readonly name = "NdjsonStreamError";
  constructor(readonly stream: "output" | "dead-letter" | "warnings" | "input", override readonly cause: Error) {
    super(cause.message);
  }
}

/** What {@link mapNdjson} needs. Internal. */
export interface NdjsonOptions {
  readonly input: Readable;
  readonly output: Writable;
  /**
   * Receives each failed line as one JSON line (the dead-letter format, see the CLI README):
   * `{ line, input, inputBase64?, issues, warnings? }`, or for a line over `maxLineBytes`
   * `{ line, inputBase64, inputBytes, issues }` streamed whole. Without it failures are only counted.
   */
  readonly deadLetter?: Writable;
  /** Receives `{ line, warnings }` for every line with mapping warnings. */
  readonly warnings?: Writable;
  /** Maps one parsed payload; an array value gives one output line per element (a collection in one line). */
  readonly mapOne?: (value: unknown) => LineOutcome;
  /** The library stream to run (default: `createMapStream` with `step` or `mapOne`): `createValidateStream` for validate --ndjson. */
  readonly stream?: CountingStream<Uint8Array | string, StreamRecord<unknown>>;
  /** The library step to run instead of `mapOne` (`mapStep` of `@mfgsync/mapping`, `validateStep` of `@mfgsync/validators`). */
  readonly step?: StreamStep<unknown>;
  /** Parses one line's text (default: JSON.parse, as a `json.invalid` issue on failure). */
  readonly parse?: (text: string) => Result<unknown>;
  /** Called at most every `progressIntervalMs` milliseconds while the run goes on. */
  readonly onProgress?: (summary: NdjsonSummary) => void;
  readonly progressIntervalMs?: number;
  readonly onFailure?: (line: number, issues: readonly Issue[]) => void;
  /** Longest line kept in memory (default 64 MiB); a longer line fails with `line.too-long` and is streamed whole to the dead letters. */
  readonly maxLineBytes?: number;
}

/** Output of one input chunk is collected into one write (one `write` per line costs more than mapping small payloads); larger batches are written at this size. */
const WRITE_BATCH = 256 * 1024;

/** Resolves when `stream` drains; rejects when it errors or closes first (a consumer that went away). */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      stream.off("drain", onDrain);
      stream.off("error", onError);
      stream.off("close", onClose);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(Object.assign(new Error("the output was closed before all lines were written"), { code: "EPIPE" }));
    };
    stream.on("drain", onDrain);
    stream.on("error", onError);
    stream.on("close", onClose);
  });
}

/** Collects text for one stream, writes it per input chunk and waits for `drain` when the stream says so (backpressure). */
export class BatchedWriter {
  private pending = "";
  private needsDrain = false;
  /** The first error the stream emitted (a consumer that went away: EPIPE, destroyed; a full disk). */
  error: Error | undefined;
  private readonly onError = (error: Error) => {
    this.error ??= error;
  };
  private readonly onClose = () => {
    if (this.stream.writableFinished !== true) this.error ??= Object.assign(new Error("the output was closed before all lines were written"), { code: "EPIPE" });
  };

  constructor(private readonly stream: Writable, private readonly name: NdjsonStreamError["stream"]) {
    stream.on("error", this.onError);
    stream.on("close", this.onClose);
  }

  /** Whether the stream is full (or failed): what is added next waits for its `drain`. */
  get full(): boolean {
    return this.error !== undefined || this.stream.writableNeedDrain;
  }

  add(text: string | Uint8Array): void {
    if (typeof text !== "string") {
      // Bytes (UTF-8 encoded in a worker thread) go out as they are, after what was pending.
      this.writePending();
      if (this.error === undefined && text.length > 0 && !this.stream.write(text)) this.needsDrain = true;
      return;
    }
    this.pending += text;
    if (this.pending.length >= WRITE_BATCH) this.writePending();
  }

  private writePending(): void {
    if (this.pending === "" || this.error !== undefined) return;
    if (!this.stream.write(this.pending)) this.needsDrain = true;
    this.pending = "";
  }

  /** Writes what is pending and waits until the stream takes more: called after each input chunk, so reading waits for slow consumers. */
  async settle(): Promise<void> {
    this.writePending();
    if (this.needsDrain && this.error === undefined) {
      this.needsDrain = false;
      try {
        if (this.stream.writableNeedDrain) await drained(this.stream);
      } catch (error) {
        this.error ??= error as Error;
      }
    }
    if (this.error !== undefined) throw new NdjsonStreamError(this.name, this.error);
  }

  release(): void {
    this.stream.off("error", this.onError);
    this.stream.off("close", this.onClose);
  }
}

/** The CLI's summary of the library's counts. Internal. */
export function summaryOf(counts: StreamCounts): NdjsonSummary {
  const { passed, ...rest } = counts;
  return { ...rest, mapped: passed };
}

/** What a step says, from what `mapOne` says: an array value is a collection (one output per element). */
function stepOf(mapOne: (value: unknown) => LineOutcome): StreamStep<unknown> {
  return (payload) => {
    const outcome = mapOne(payload);
    const warnings = outcome.warnings ?? [];
    if (!outcome.result.ok) return { ok: false, issues: outcome.result.issues, warnings };
    const value = outcome.result.value;
    return Array.isArray(value) ? { ok: true, values: value, warnings } : { ok: true, value, warnings };
  };
}

/** The three output streams of a run, batched, with backpressure. Internal. */
export class NdjsonOutputs {
  readonly out: BatchedWriter;
  readonly dead: BatchedWriter | undefined;
  readonly warn: BatchedWriter | undefined;
  constructor(options: { readonly output: Writable; readonly deadLetter?: Writable; readonly warnings?: Writable }) {
    this.out = new BatchedWriter(options.output, "output");
    this.dead = options.deadLetter === undefined ? undefined : new BatchedWriter(options.deadLetter, "dead-letter");
    this.warn = options.warnings === undefined ? undefined : new BatchedWriter(options.warnings, "warnings");
  }
  add(text: { out: string | Uint8Array; dead: string; warn: string }): void {
    if (text.out.length > 0) this.out.add(text.out);
    if (text.dead !== "") this.dead?.add(text.dead);
    if (text.warn !== "") this.warn?.add(text.warn);
  }
  /** Writes what is pending and waits until every stream takes more. */
  async settle(): Promise<void> {
    await this.out.settle();
    await this.dead?.settle();
    await this.warn?.settle();
  }
  /** Whether a stream said it is full (or failed): the next records must wait. */
  get blocked(): boolean {
    return [this.out, this.dead, this.warn].some((w) => w?.full === true);
  }
  release(): void {
    this.out.release();
    this.dead?.release();
    this.warn?.release();
  }
}

/**
 * Streams NDJSON through a mapper with bounded memory, on the library's
 * stream (`createMapStream` of `@mfgsync/mapping`): the input is read one
 * chunk at a time into the stream, and its records are written out as they
 * come; when an output stream says it is full, the records wait, the stream
 * stops taking input, and reading waits, so a slow consumer slows the
 * reading instead of filling memory. Lines that fail go to the dead-letter
 * stream exactly as they came (their bytes in base64 when they are not
 * UTF-8; a line over the limit streamed whole) with their issues: nothing is
 * lost. Internal to the CLI.
 */
export async function mapNdjson(options: NdjsonOptions): Promise<NdjsonSummary> {
  const { input, onProgress, onFailure } = options;
  const step = options.step ?? stepOf(options.mapOne ?? ((value) => ({ result: { ok: true, value } })));
  const interval = options.progressIntervalMs ?? 200;
  const stream = options.stream ?? createMapStream(step, { parse: options.parse ?? parseJson, maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES });
  const outputs = new NdjsonOutputs(options);
  const text = new RecordText({ deadLetters: options.deadLetter !== undefined, warnings: options.warnings !== undefined, failures: onFailure !== undefined });
  let lastProgress = Date.now();

  // Records are collected and written once the burst of one input chunk is through (one write per line costs more than mapping small payloads), or at WRITE_BATCH.
  let scheduled = false;
  let failure: unknown;
  const flush = () => {
    scheduled = false;
    if (onFailure) for (const [line, issues] of text.failures.splice(0)) onFailure(line, issues);
    outputs.add(text.take());
    return outputs.settle();
  };
  const sink = new WritableStream<StreamRecord<unknown>>(
    {
      write(record) {
        text.add(record);
        if (text.size >= WRITE_BATCH || outputs.blocked) return flush();
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            if (scheduled) flush().catch((error: unknown) => (failure ??= error));
          });
        }
        return failure === undefined ? undefined : Promise.reject(failure);
      },
      close: () => flush(),
    },
    { highWaterMark: 64 },
  );
  const piped = stream.readable.pipeTo(sink);
  // The pipe's failure is the one to report (an output that went away); the writer side only follows it.
  piped.catch(() => undefined);
  const writer = stream.writable.getWriter();

  try {
    try {
      const reader = input[Symbol.asyncIterator]();
      for (;;) {
        let next: IteratorResult<unknown>;
        try {
          next = await reader.next();
        } catch (error) {
          throw new NdjsonStreamError("input", error as Error);
        }
        if (next.done) break;
        const chunk = next.value;
        // The next chunk is read only once the stream took this one (and it takes no more while its output waits).
        await writer.write(typeof chunk === "string" ? chunk : (chunk as Uint8Array));
        // A turn of the event loop: the chunk's records reach the sink and are written out before the next chunk is read, even from an input that never waits.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (failure !== undefined) throw failure;
        if (onProgress !== undefined && Date.now() - lastProgress >= interval) {
          lastProgress = Date.now();
          onProgress(summaryOf(stream.counts()));
        }
      }
      await writer.close();
      await piped;
      if (failure !== undefined) throw failure;
    } catch (error) {
      // Stops the stream (the pipe then ends); a failed output shows on the pipe, and its error says which stream.
      await writer.abort(error).catch(() => undefined);
      if (error instanceof NdjsonStreamError && error.stream === "input") throw error;
      throw failure ?? (await piped.then(() => error, (pipeError: unknown) => pipeError));
    }
  } finally {
    outputs.release();
  }
  const summary = summaryOf(stream.counts());
  onProgress?.(summary);
  return summary;
}
