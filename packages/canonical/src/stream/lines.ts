import { firstInvalidUtf8 } from "./base64.js";

/**
 * One line of NDJSON, as {@link createNdjsonLineStream} gives it. `line` is
 * its 1-based number; the terminator (`\n`, or `\r\n`) is never part of it.
 *
 * - `text`: a line of valid UTF-8 (it may be blank).
 * - `invalid-utf8`: a line whose bytes are no UTF-8 (JSON text must be, RFC
 *   8259): `bytes` are the line exactly as read, `text` the same decoded with
 *   U+FFFD replacements (for display only), `offset` the first bad byte.
 * - `raw` then `too-long`: a line over `maxLineBytes`, not held in memory:
 *   its bytes come in one or more `raw` pieces in order (how it is cut
 *   depends on the input's chunks), then one `too-long` with its size.
 *
 * @example
 * ```ts
 * import type { NdjsonLine } from "@mfgsync/canonical";
 * const show = (l: NdjsonLine) => (l.kind === "text" ? l.text : `line ${l.line}: ${l.kind}`);
 * ```
 */
export type NdjsonLine =
  | { readonly kind: "text"; readonly line: number; readonly text: string }
  | { readonly kind: "invalid-utf8"; readonly line: number; readonly text: string; readonly bytes: Uint8Array; readonly offset: number }
  | { readonly kind: "raw"; readonly line: number; readonly bytes: Uint8Array }
  | { readonly kind: "too-long"; readonly line: number; readonly bytes: number };

/**
 * Options of the NDJSON streams.
 *
 * @example
 * ```ts
 * import type { NdjsonLineOptions } from "@mfgsync/canonical";
 * const options: NdjsonLineOptions = { maxLineBytes: 1024 * 1024 };
 * ```
 */
export interface NdjsonLineOptions {
  /** Longest line held in memory, in bytes without its terminator (default 64 MiB); a longer one comes as `raw` pieces and a `too-long` line. */
  readonly maxLineBytes?: number;
  /** Number of the first line (default 1): for input that continues an earlier part. */
  readonly firstLine?: number;
}

/** The default `maxLineBytes`: 64 MiB. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

const CR = 13;
const LF = 10;
const encoder = new TextEncoder();

function concat(pieces: readonly Uint8Array[], total: number): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/**
 * Splits bytes (or text) into NDJSON lines, whatever the chunks: the same
 * input gives the same lines however it is cut, a multi-byte character or a
 * CRLF across two chunks included. The decision that a line is too long
 * does not depend on the chunks either. Internal: the streams wrap it.
 */
export class LineSplitter {
  private readonly max: number;
  private readonly fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  private readonly lenient = new TextDecoder("utf-8", { ignoreBOM: true });
  private pieces: Uint8Array[] = [];
  private pieceBytes = 0;
  /** The too-long line being streamed: its size so far, and whether a \r was held back at the end of the last piece (it is the terminator's when \n follows). */
  private tooLong: { bytes: number; heldCR: boolean } | undefined;
  /** Number of the next line. */
  private next: number;

  constructor(options: NdjsonLineOptions = {}) {
    this.max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.next = options.firstLine ?? 1;
  }

  /** Feeds one chunk; complete lines go to `emit`. */
  write(chunk: Uint8Array | string, emit: (line: NdjsonLine) => void): void {
    const buffer = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(LF, start); end !== -1; end = buffer.indexOf(LF, start)) {
      const segment = buffer.subarray(start, end);
      if (this.tooLong !== undefined) {
        this.continueTooLong(segment, emit, true);
        this.endTooLong(emit);
      } else if (this.pieces.length > 0) {
        this.pieces.push(segment);
        this.pieceBytes += segment.length;
        const whole = concat(this.pieces, this.pieceBytes);
        this.pieces = [];
        this.pieceBytes = 0;
        this.whole(whole, emit);
      } else {
        this.whole(segment, emit);
      }
      start = end + 1;
    }
    if (start === buffer.length) return;
    const rest = buffer.subarray(start);
    if (this.tooLong !== undefined) {
      this.continueTooLong(rest, emit, false);
      return;
    }
    // Copied: the caller may reuse its chunk.
    this.pieces.push(rest.slice());
    this.pieceBytes += rest.length;
    const content = this.pieceBytes - (rest[rest.length - 1] === CR ? 1 : 0);
    if (content > this.max) {
      const held = concat(this.pieces, this.pieceBytes);
      this.pieces = [];
      this.pieceBytes = 0;
      this.tooLong = { bytes: 0, heldCR: false };
      this.continueTooLong(held, emit, false);
    }
  }

  /** Ends the input: a last line without a newline is emitted (a \r at its end is taken as its terminator). */
  end(emit: (line: NdjsonLine) => void): void {
    if (this.tooLong !== undefined) this.endTooLong(emit);
    else if (this.pieces.length > 0) {
      const whole = concat(this.pieces, this.pieceBytes);
      this.pieces = [];
      this.pieceBytes = 0;
      this.whole(whole, emit);
    }
  }

  /** One whole line, its \n excluded. */
  private whole(raw: Uint8Array, emit: (line: NdjsonLine) => void): void {
    const bytes = raw.length > 0 && raw[raw.length - 1] === CR ? raw.subarray(0, -1) : raw;
    const line = this.next++;
    if (bytes.length > this.max) {
      // The line came whole in one chunk: it is too long all the same, so that the result does not depend on the chunks.
      emit({ kind: "raw", line, bytes: bytes.slice() });
      emit({ kind: "too-long", line, bytes: bytes.length });
      return;
    }
    let text: string;
    try {
      text = this.fatal.decode(bytes);
    } catch {
      // Replacement characters would lose data: the bytes are kept as they came.
      emit({ kind: "invalid-utf8", line, text: this.lenient.decode(bytes), bytes: bytes.slice(), offset: firstInvalidUtf8(bytes) });
      return;
    }
    emit({ kind: "text", line, text });
  }

  /** A piece of the too-long line; `final` when the line's \n follows it (a held \r is then the terminator). */
  private continueTooLong(piece: Uint8Array, emit: (line: NdjsonLine) => void, final: boolean): void {
    const state = this.tooLong!;
    const line = this.next;
    let kept = piece;
    const endsCR = piece.length > 0 && piece[piece.length - 1] === CR;
    if (state.heldCR && piece.length > 0) {
      // The held \r was inside the line after all.
      emit({ kind: "raw", line, bytes: Uint8Array.of(CR) });
      state.bytes++;
      state.heldCR = false;
    } else if (state.heldCR && final) state.heldCR = false;
    if (endsCR) {
      kept = piece.subarray(0, -1);
      if (!final) state.heldCR = true;
    }
    if (kept.length > 0) {
      emit({ kind: "raw", line, bytes: kept.slice() });
      state.bytes += kept.length;
    }
  }

  private endTooLong(emit: (line: NdjsonLine) => void): void {
    const total = this.tooLong!.bytes;
    this.tooLong = undefined;
    emit({ kind: "too-long", line: this.next++, bytes: total });
  }
}
