import type { Readable, Writable } from "node:stream";
import type { Issue, Result } from "@mfgsync/canonical";

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
}

/** What {@link mapNdjson} needs. Internal. */
export interface NdjsonOptions {
  readonly input: Readable;
  readonly output: Writable;
  /** Receives each failed line as a JSON line `{ line, input, issues }`; without it failures are only counted (and passed to `onFailure`). */
  readonly deadLetter?: Writable;
  /** Maps one parsed payload; an array value gives one output line per element (a collection in one line). */
  readonly mapOne: (value: unknown) => Result<unknown>;
  /** Called at most every `progressIntervalMs` milliseconds while the run goes on. */
  readonly onProgress?: (summary: NdjsonSummary) => void;
  readonly progressIntervalMs?: number;
  readonly onFailure?: (line: number, issues: readonly Issue[]) => void;
  /** Longest line kept in memory (default 64 MiB); a longer line fails with `line.too-long` and only its start goes to the dead letters. */
  readonly maxLineBytes?: number;
}

/** Output of one input chunk is collected into one write (one `write` per line costs more than mapping small payloads); larger batches are written at this size. */
const WRITE_BATCH = 256 * 1024;
const TOO_LONG_HEAD = 1024;

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
class BatchedWriter {
  private pending = "";
  private needsDrain = false;
  /** The first error the stream emitted (a consumer that went away: EPIPE, destroyed). */
  error: Error | undefined;
  private readonly onError = (error: Error) => {
    this.error ??= error;
  };
  private readonly onClose = () => {
    if (this.stream.writableFinished !== true) this.error ??= Object.assign(new Error("the output was closed before all lines were written"), { code: "EPIPE" });
  };

  constructor(private readonly stream: Writable) {
    stream.on("error", this.onError);
    stream.on("close", this.onClose);
  }

  add(text: string): void {
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
      if (this.stream.writableNeedDrain) await drained(this.stream);
    }
    if (this.error !== undefined) throw this.error;
  }

  release(): void {
    this.stream.off("error", this.onError);
    this.stream.off("close", this.onClose);
  }
}

/**
 * Streams NDJSON through a mapper with bounded memory: the input is read one
 * chunk at a time and the next chunk is only read once the output (and the
 * dead-letter stream) accepted what the last one produced, so a slow consumer
 * slows the reading instead of filling memory. Lines that fail go to the
 * dead-letter stream with their issues: nothing is lost. Internal to the CLI.
 */
export async function mapNdjson(options: NdjsonOptions): Promise<NdjsonSummary> {
  const { input, mapOne, onProgress, onFailure } = options;
  const maxLineBytes = options.maxLineBytes ?? 64 * 1024 * 1024;
  const interval = options.progressIntervalMs ?? 200;
  const out = new BatchedWriter(options.output);
  const dead = options.deadLetter === undefined ? undefined : new BatchedWriter(options.deadLetter);
  let lines = 0, mapped = 0, failed = 0, skipped = 0, outputs = 0, bytes = 0;
  let lastProgress = Date.now();
  const summary = (): NdjsonSummary => ({ lines, mapped, failed, skipped, outputs, bytes });

  const fail = (issues: readonly [Issue, ...Issue[]], entry: Record<string, unknown>) => {
    failed++;
    onFailure?.(lines, issues);
    dead?.add(JSON.stringify({ line: lines, ...entry, issues }) + "\n");
  };

  const handle = (text: string) => {
    lines++;
    const line = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (line.trim() === "") {
      skipped++;
      return;
    }
    let result: Result<unknown>;
    try {
      result = mapOne(JSON.parse(line) as unknown);
    } catch (error) {
      result = { ok: false, issues: [{ path: "", code: "json.invalid", message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    if (!result.ok) {
      fail(result.issues, { input: line });
      return;
    }
    mapped++;
    if (Array.isArray(result.value)) {
      for (const value of result.value) out.add(JSON.stringify(value) + "\n");
      outputs += result.value.length;
    } else {
      out.add(JSON.stringify(result.value) + "\n");
      outputs++;
    }
  };

  // The line being read: its pieces (from several chunks), or, when it is too long, only its size and start.
  let pieces: Buffer[] = [];
  let pieceBytes = 0;
  let tooLong: { bytes: number; head: string } | undefined;
  const failTooLong = (total: number, head: string) => {
    lines++;
    fail([{ path: "", code: "line.too-long", message: `the line has ${total} bytes, more than the ${maxLineBytes} kept in memory` }], { inputHead: head, inputBytes: total });
  };

  const consume = (buffer: Buffer) => {
    let start = 0;
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      if (tooLong !== undefined) {
        failTooLong(tooLong.bytes + end - start, tooLong.head);
        tooLong = undefined;
      } else if (pieces.length > 0) {
        pieces.push(buffer.subarray(start, end));
        handle(Buffer.concat(pieces).toString("utf8"));
        pieces = [];
        pieceBytes = 0;
      } else {
        handle(buffer.toString("utf8", start, end));
      }
      start = end + 1;
    }
    if (start === buffer.length) return;
    const rest = buffer.subarray(start);
    if (tooLong !== undefined) tooLong.bytes += rest.length;
    else if (pieceBytes + rest.length > maxLineBytes) {
      tooLong = { bytes: pieceBytes + rest.length, head: Buffer.concat([...pieces, rest]).subarray(0, TOO_LONG_HEAD).toString("utf8") };
      pieces = [];
      pieceBytes = 0;
    } else {
      // Copied: the stream may reuse its chunk buffers.
      pieces.push(Buffer.from(rest));
      pieceBytes += rest.length;
    }
  };

  try {
    for await (const chunk of input) {
      const buffer: Buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : (chunk as Buffer);
      bytes += buffer.length;
      consume(buffer);
      // The next chunk is read only once the output took this one's lines.
      await out.settle();
      await dead?.settle();
      if (onProgress !== undefined && Date.now() - lastProgress >= interval) {
        lastProgress = Date.now();
        onProgress(summary());
      }
    }
    // A last line without a newline.
    if (tooLong !== undefined) failTooLong(tooLong.bytes, tooLong.head);
    else if (pieces.length > 0) handle(Buffer.concat(pieces).toString("utf8"));
    await out.settle();
    await dead?.settle();
  } finally {
    out.release();
    dead?.release();
  }
  onProgress?.(summary());
  return summary();
}
