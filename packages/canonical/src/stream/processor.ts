import type { Issue, Result } from "../result.js";
import { bytesToBase64 } from "./base64.js";
import type { NdjsonLine, NdjsonLineOptions } from "./lines.js";
import { DEFAULT_MAX_LINE_BYTES, LineSplitter } from "./lines.js";

/**
 * What one step of a stream (a mapper, a validator) says about one payload:
 * a value, several (`values`: a collection in one line gives one record
 * each), or the issues that fail it; `warnings` in every case. A `MapResult`
 * or a `Result` is one.
 *
 * @example
 * ```ts
 * import type { StreamStepResult } from "@mfgsync/canonical";
 * const ok: StreamStepResult<number> = { ok: true, value: 1 };
 * const many: StreamStepResult<number> = { ok: true, values: [1, 2] };
 * const failed: StreamStepResult<number> = { ok: false, issues: [{ path: "", code: "value.invalid", message: "no" }] };
 * ```
 */
export type StreamStepResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings?: readonly Issue[] }
  | { readonly ok: true; readonly values: readonly T[]; readonly warnings?: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]]; readonly warnings?: readonly Issue[] };

/**
 * The work a stream does on each payload (a parsed NDJSON line, or an item
 * of an iterable); `line` is the payload's 1-based number. It should not
 * throw; if it does, the line fails with `stream.step-failed` and the run
 * goes on.
 *
 * @example
 * ```ts
 * import type { StreamStep } from "@mfgsync/canonical";
 * const step: StreamStep<string> = (payload) => (typeof payload === "string" ? { ok: true, value: payload } : { ok: false, issues: [{ path: "", code: "type.invalid", message: "a string" }] });
 * ```
 */
export type StreamStep<T> = (payload: unknown, line: number) => StreamStepResult<T>;

/**
 * A line (or payload) that failed, with its input kept exactly, so that a
 * replay gives it back byte for byte: `input`, the line's text (when it is
 * UTF-8); `inputBase64`, its bytes when they are no UTF-8 (`input` then
 * shows them with U+FFFD); `inputBytes`, the size of a too-long line, whose
 * bytes came before in `raw` records; `payload`, the item as it was given
 * (payload input). `warnings` are the line's, when it had any.
 *
 * @example
 * ```ts
 * import type { DeadLetter } from "@mfgsync/canonical";
 * const replay = (d: DeadLetter) => d.input ?? "";
 * ```
 */
export interface DeadLetter {
  readonly line: number;
  readonly input?: string;
  readonly inputBase64?: string;
  readonly inputBytes?: number;
  readonly payload?: unknown;
  readonly issues: readonly [Issue, ...Issue[]];
  readonly warnings?: readonly Issue[];
}

/**
 * What a stream gives for its input, in input order: per line first its
 * `warnings` (if any), then its `value`s or its `dead-letter`; `raw` pieces
 * carry the bytes of a too-long line before its dead letter.
 *
 * @example
 * ```ts
 * import type { StreamRecord } from "@mfgsync/canonical";
 * function route(r: StreamRecord<unknown>) {
 *   if (r.kind === "value") console.log(JSON.stringify(r.value));
 *   else if (r.kind === "dead-letter") console.error(JSON.stringify(r.deadLetter));
 * }
 * ```
 */
export type StreamRecord<T> =
  | { readonly kind: "value"; readonly line: number; readonly value: T }
  | { readonly kind: "warnings"; readonly line: number; readonly warnings: readonly [Issue, ...Issue[]] }
  | { readonly kind: "dead-letter"; readonly line: number; readonly deadLetter: DeadLetter }
  | { readonly kind: "raw"; readonly line: number; readonly bytes: Uint8Array };

/**
 * The counts of a stream so far. `lines` counts blank lines too (they are
 * `skipped`); `passed` + `failed` + `skipped` = `lines`; `outputs` is the
 * number of `value` records; `warningsByCode` has, per code, the count and
 * the first warning (past 100 distinct codes the rest are counted together
 * as `(other codes)`).
 *
 * @example
 * ```ts
 * import type { StreamCounts } from "@mfgsync/canonical";
 * const line = (c: StreamCounts) => `${c.passed} of ${c.lines - c.skipped} passed, ${c.failed} failed`;
 * ```
 */
export interface StreamCounts {
  readonly lines: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly outputs: number;
  /** Input bytes (NDJSON input). */
  readonly bytes: number;
  readonly warnings: number;
  readonly linesWithWarnings: number;
  readonly warningsByCode: ReadonlyArray<{ readonly code: string; readonly count: number; readonly first: Issue & { readonly line: number } }>;
}

/**
 * Options of the payload streams and processors.
 *
 * @example
 * ```ts
 * import type { PayloadStreamOptions } from "@mfgsync/canonical";
 * const options: PayloadStreamOptions = { maxLineBytes: 1 << 20, parse: (text) => ({ ok: true, value: JSON.parse(text) }) };
 * ```
 */
export interface PayloadStreamOptions extends NdjsonLineOptions {
  /** Parses one line's text (default: `JSON.parse`, a failure being one `json.invalid` issue). */
  readonly parse?: (text: string) => Result<unknown>;
}

/**
 * A synchronous push-style processor: what the streams run, for code that
 * has no streams or must control the pace itself (a worker thread). Records
 * go to `emit` as soon as each line is done.
 *
 * @example
 * ```ts
 * import { createPayloadProcessor } from "@mfgsync/canonical";
 * const p = createPayloadProcessor((payload) => ({ ok: true, value: payload }));
 * const values: unknown[] = [];
 * p.write('{"a":1}\n{"a"', (r) => r.kind === "value" && values.push(r.value));
 * p.end((r) => r.kind === "value" && values.push(r.value));
 * ```
 */
export interface PayloadProcessor<T> {
  /** Feeds a chunk of NDJSON (bytes or text, cut anywhere). */
  write(chunk: Uint8Array | string, emit: (record: StreamRecord<T>) => void): void;
  /** Ends NDJSON input: the last line, if it has no newline. */
  end(emit: (record: StreamRecord<T>) => void): void;
  /** Processes one payload given as a value (an item of an iterable), numbered after the previous ones. */
  payload(value: unknown, emit: (record: StreamRecord<T>) => void): void;
  /** Processes one line that was split already. */
  line(line: NdjsonLine, emit: (record: StreamRecord<T>) => void): void;
  /** The counts so far. */
  counts(): StreamCounts;
}

const MAX_WARNING_CODES = 100;
const encoder = new TextEncoder();

function parseJsonText(text: string): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, issues: [{ path: "", code: "json.invalid", message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

function runStep<T>(step: StreamStep<T>, payload: unknown, line: number): StreamStepResult<T> {
  try {
    return step(payload, line);
  } catch (error) {
    return { ok: false, issues: [{ path: "", code: "stream.step-failed", message: `the step failed on this line: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/**
 * Creates a {@link PayloadProcessor}: each NDJSON line (or payload) is
 * parsed, run through `step`, and becomes records; lines that fail become
 * dead letters with their input exactly as it came. Never throws on input.
 *
 * @example
 * ```ts
 * import { createPayloadProcessor } from "@mfgsync/canonical";
 * const p = createPayloadProcessor((payload) => ({ ok: true, value: payload }));
 * p.write("{}\nnot json\n", () => undefined);
 * p.counts(); // { lines: 2, passed: 1, failed: 1, ... }
 * ```
 */
export function createPayloadProcessor<T>(step: StreamStep<T>, options: PayloadStreamOptions = {}): PayloadProcessor<T> {
  const parse = options.parse ?? parseJsonText;
  const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const splitter = new LineSplitter(options);
  let lines = 0, passed = 0, failed = 0, skipped = 0, outputs = 0, bytes = 0, warnings = 0, linesWithWarnings = 0;
  let nextPayload = options.firstLine ?? 1;
  const byCode = new Map<string, { code: string; count: number; first: Issue & { line: number } }>();

  const fail = (line: number, letter: DeadLetter, emit: (r: StreamRecord<T>) => void) => {
    failed++;
    emit({ kind: "dead-letter", line, deadLetter: letter });
  };

  const noteWarnings = (line: number, list: readonly Issue[] | undefined, emit: (r: StreamRecord<T>) => void) => {
    if (list === undefined || list.length === 0) return;
    warnings += list.length;
    linesWithWarnings++;
    for (const warning of list) {
      const key = byCode.has(warning.code) || byCode.size < MAX_WARNING_CODES ? warning.code : "(other codes)";
      const entry = byCode.get(key);
      if (entry) entry.count++;
      else byCode.set(key, { code: key, count: 1, first: { ...warning, line } });
    }
    emit({ kind: "warnings", line, warnings: list as readonly [Issue, ...Issue[]] });
  };

  /** Runs the step on a payload; `input` is what the dead letter keeps of it. */
  const process = (line: number, payload: unknown, input: { input: string } | { payload: unknown }, emit: (r: StreamRecord<T>) => void) => {
    const result = runStep(step, payload, line);
    noteWarnings(line, result.warnings, emit);
    if (!result.ok) {
      fail(line, { line, ...input, issues: result.issues, ...(result.warnings !== undefined && result.warnings.length > 0 ? { warnings: result.warnings } : {}) }, emit);
      return;
    }
    passed++;
    if ("values" in result) {
      for (const value of result.values) emit({ kind: "value", line, value });
      outputs += result.values.length;
    } else {
      emit({ kind: "value", line, value: result.value });
      outputs++;
    }
  };

  const onLine = (l: NdjsonLine, emit: (r: StreamRecord<T>) => void) => {
    switch (l.kind) {
      case "raw":
        emit(l);
        return;
      case "too-long":
        lines++;
        fail(l.line, { line: l.line, inputBytes: l.bytes, issues: [{ path: "", code: "line.too-long", message: `the line has ${l.bytes} bytes, more than the ${max} mapped in memory; it is kept whole as inputBase64` }] }, emit);
        return;
      case "invalid-utf8":
        lines++;
        fail(l.line, { line: l.line, input: l.text, inputBase64: bytesToBase64(l.bytes), issues: [{ path: "", code: "encoding.invalid", message: `the line is not valid UTF-8 (first bad byte at offset ${l.offset}); its bytes are kept as inputBase64` }] }, emit);
        return;
      case "text": {
        lines++;
        if (l.text.trim() === "") {
          skipped++;
          return;
        }
        const parsed = parse(l.text);
        if (!parsed.ok) {
          fail(l.line, { line: l.line, input: l.text, issues: parsed.issues }, emit);
          return;
        }
        process(l.line, parsed.value, { input: l.text }, emit);
      }
    }
  };

  return {
    write(chunk, emit) {
      const buffer = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
      bytes += buffer.length;
      splitter.write(buffer, (l) => onLine(l, emit));
    },
    end(emit) {
      splitter.end((l) => onLine(l, emit));
    },
    payload(value, emit) {
      lines++;
      process(nextPayload++, value, { payload: value }, emit);
    },
    line: onLine,
    counts: () => ({ lines, passed, failed, skipped, outputs, bytes, warnings, linesWithWarnings, warningsByCode: [...byCode.values()].map((e) => ({ ...e })).sort((a, b) => b.count - a.count) }),
  };
}
