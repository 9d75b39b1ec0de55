import { stringifyWireJson } from "@mfgsync/mapping";
import { isUtf8 } from "node:buffer";
import type { Readable, Writable } from "node:stream";
import type { Issue, Result } from "@mfgsync/canonical";
import { parseJson } from "./format.js";

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
  readonly mapOne: (value: unknown) => LineOutcome;
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
const CR = Buffer.from([13]);
/** Warning codes counted one by one; past this many distinct codes the rest are counted together. */
const MAX_WARNING_CODES = 100;

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

/** Base64 of a byte stream written piece by piece: whole 3-byte groups go out at once, the rest waits for the next piece. */
class Base64Stream {
  private carry = Buffer.alloc(0);
  constructor(private readonly write: (text: string) => void) {}
  add(bytes: Buffer): void {
    const all = this.carry.length > 0 ? Buffer.concat([this.carry, bytes]) : bytes;
    const whole = all.length - (all.length % 3);
    if (whole > 0) this.write(all.toString("base64", 0, whole));
    this.carry = Buffer.from(all.subarray(whole));
  }
  end(): void {
    if (this.carry.length > 0) this.write(this.carry.toString("base64"));
    this.carry = Buffer.alloc(0);
  }
}

/** Offset of the first byte of `bytes` that does not start a well-formed UTF-8 sequence (RFC 3629), or -1. For the issue message only. */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const more = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
    if (more < 0 || i + more >= bytes.length) return i;
    for (let k = 1; k <= more; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1]!;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    i += more + 1;
  }
  return -1;
}

/**
 * Streams NDJSON through a mapper with bounded memory: the input is read one
 * chunk at a time and the next chunk is only read once the output (and the
 * dead-letter and warnings streams) accepted what the last one produced, so a
 * slow consumer slows the reading instead of filling memory. Lines that fail
 * go to the dead-letter stream exactly as they came (their bytes in base64
 * when they are not UTF-8; a line over the limit streamed whole) with their
 * issues: nothing is lost. Internal to the CLI.
 */
export async function mapNdjson(options: NdjsonOptions): Promise<NdjsonSummary> {
  const { input, mapOne, onProgress, onFailure } = options;
  const parse = options.parse ?? parseJson;
  const maxLineBytes = options.maxLineBytes ?? 64 * 1024 * 1024;
  const interval = options.progressIntervalMs ?? 200;
  const out = new BatchedWriter(options.output, "output");
  const dead = options.deadLetter === undefined ? undefined : new BatchedWriter(options.deadLetter, "dead-letter");
  const warningsOut = options.warnings === undefined ? undefined : new BatchedWriter(options.warnings, "warnings");
  let lines = 0, mapped = 0, failed = 0, skipped = 0, outputs = 0, bytes = 0, warnings = 0, linesWithWarnings = 0;
  const byCode = new Map<string, { code: string; count: number; first: Issue & { line: number } }>();
  let lastProgress = Date.now();
  const summary = (): NdjsonSummary => ({ lines, mapped, failed, skipped, outputs, bytes, warnings, linesWithWarnings, warningsByCode: [...byCode.values()].sort((a, b) => b.count - a.count) });

  const noteWarnings = (list: readonly Issue[]) => {
    if (list.length === 0) return;
    warnings += list.length;
    linesWithWarnings++;
    for (const warning of list) {
      const key = byCode.has(warning.code) || byCode.size < MAX_WARNING_CODES ? warning.code : "(other codes)";
      const entry = byCode.get(key);
      if (entry) entry.count++;
      else byCode.set(key, { code: key, count: 1, first: { ...warning, line: lines } });
    }
    warningsOut?.add(JSON.stringify({ line: lines, warnings: list }) + "\n");
  };

  const fail = (issues: readonly [Issue, ...Issue[]], entry: Record<string, unknown>, lineWarnings: readonly Issue[] = []) => {
    failed++;
    onFailure?.(lines, issues);
    dead?.add(JSON.stringify({ line: lines, ...entry, issues, ...(lineWarnings.length > 0 ? { warnings: lineWarnings } : {}) }) + "\n");
  };

  /** One whole line (its bytes, terminator excluded). */
  const handle = (raw: Buffer) => {
    lines++;
    const bytesOfLine = raw.length > 0 && raw[raw.length - 1] === 13 ? raw.subarray(0, -1) : raw;
    const line = bytesOfLine.toString("utf8");
    // The decoder put U+FFFD in place of bytes that are no UTF-8: JSON text must be UTF-8 (RFC 8259), and the replacement would lose data.
    if (line.includes("\uFFFD") && !isUtf8(bytesOfLine)) {
      fail([{ path: "", code: "encoding.invalid", message: `the line is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytesOfLine)}); its bytes are kept as inputBase64` }], { input: line, inputBase64: bytesOfLine.toString("base64") });
      return;
    }
    if (line.trim() === "") {
      skipped++;
      return;
    }
    const parsed = parse(line);
    let outcome: LineOutcome;
    if (!parsed.ok) outcome = { result: parsed };
    else {
      try {
        outcome = mapOne(parsed.value);
      } catch (error) {
        // A mapper must not throw; if one does, the line is kept with what it said, and the run goes on.
        outcome = { result: { ok: false, issues: [{ path: "", code: "mapping.failed", message: `the mapper failed on this line: ${error instanceof Error ? error.message : String(error)}` }] } };
      }
    }
    const lineWarnings = outcome.warnings ?? [];
    noteWarnings(lineWarnings);
    if (!outcome.result.ok) {
      fail(outcome.result.issues, { input: line }, lineWarnings);
      return;
    }
    mapped++;
    const value = outcome.result.value;
    if (Array.isArray(value)) {
      for (const item of value) out.add(stringifyWireJson(item) + "\n");
      outputs += value.length;
    } else {
      out.add(stringifyWireJson(value) + "\n");
      outputs++;
    }
  };

  // The line being read: its pieces (from several chunks), or, when it is too long, its size so far while it streams to the dead letters.
  let pieces: Buffer[] = [];
  let pieceBytes = 0;
  let tooLong: { bytes: number; base64: Base64Stream | undefined; heldCR: boolean } | undefined;
  /** Adds a piece of the too-long line; a \r at a piece's end is held back, since it is the terminator's when a \n follows (CRLF). */
  const continueTooLong = (piece: Buffer) => {
    if (!tooLong || piece.length === 0) return;
    if (tooLong.heldCR) {
      tooLong.base64?.add(CR);
      tooLong.bytes++;
    }
    tooLong.heldCR = piece[piece.length - 1] === 13;
    const kept = tooLong.heldCR ? piece.subarray(0, -1) : piece;
    tooLong.base64?.add(kept);
    tooLong.bytes += kept.length;
  };
  const startTooLong = (head: readonly Buffer[]) => {
    // The entry opens now and closes with the issue once the line's end (and size) is known.
    dead?.add(`{"line":${lines + 1},"inputBase64":"`);
    tooLong = { bytes: 0, base64: dead === undefined ? undefined : new Base64Stream((text) => dead.add(text)), heldCR: false };
    for (const piece of head) continueTooLong(piece);
  };
  const endTooLong = () => {
    if (!tooLong) return;
    const total = tooLong.bytes;
    lines++;
    failed++;
    const issues: [Issue] = [{ path: "", code: "line.too-long", message: `the line has ${total} bytes, more than the ${maxLineBytes} mapped in memory; it is kept whole as inputBase64` }];
    onFailure?.(lines, issues);
    tooLong.base64?.end();
    dead?.add(`","inputBytes":${total},"issues":${JSON.stringify(issues)}}\n`);
    tooLong = undefined;
  };

  const consume = (buffer: Buffer) => {
    let start = 0;
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      if (tooLong !== undefined) {
        continueTooLong(buffer.subarray(start, end));
        endTooLong();
      } else if (pieces.length > 0) {
        pieces.push(buffer.subarray(start, end));
        handle(Buffer.concat(pieces));
        pieces = [];
        pieceBytes = 0;
      } else {
        handle(buffer.subarray(start, end));
      }
      start = end + 1;
    }
    if (start === buffer.length) return;
    const rest = buffer.subarray(start);
    if (tooLong !== undefined) continueTooLong(rest);
    else if (pieceBytes + rest.length > maxLineBytes) {
      startTooLong([...pieces, rest]);
      pieces = [];
      pieceBytes = 0;
    } else {
      // Copied: the stream may reuse its chunk buffers.
      pieces.push(Buffer.from(rest));
      pieceBytes += rest.length;
    }
  };

  const settle = async () => {
    await out.settle();
    await dead?.settle();
    await warningsOut?.settle();
  };

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
      const buffer: Buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : (chunk as Buffer);
      bytes += buffer.length;
      consume(buffer);
      // The next chunk is read only once the outputs took this one's lines.
      await settle();
      if (onProgress !== undefined && Date.now() - lastProgress >= interval) {
        lastProgress = Date.now();
        onProgress(summary());
      }
    }
    // A last line without a newline.
    if (tooLong !== undefined) endTooLong();
    else if (pieces.length > 0) handle(Buffer.concat(pieces));
    await settle();
  } finally {
    out.release();
    dead?.release();
    warningsOut?.release();
  }
  onProgress?.(summary());
  return summary();
}
