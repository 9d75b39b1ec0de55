import { createPayloadProcessor } from "@mfgsync/canonical";
import type { Result, StreamCounts, StreamStep } from "@mfgsync/canonical";
import { RecordText } from "./ndjson-text.js";

/** What the parallel run needs to build a step in a worker thread: plain data (the mapper itself cannot be sent). Internal. */
export type WorkerTask =
  | { readonly command: "map"; readonly vendor: string; readonly direction: "decode" | "encode"; readonly entity: string; readonly context: unknown; readonly plugins: readonly string[] }
  | { readonly command: "validate"; readonly entity: string; readonly profile: unknown; readonly context: unknown };

/** What to keep of each batch. Internal. */
export interface BatchKeep {
  readonly deadLetters: boolean;
  readonly warnings: boolean;
}

/** One batch, done: the text for each output and the batch's counts. Internal. */
export interface BatchResult {
  /** The output, UTF-8 encoded in the worker (its buffer is transferred, not copied, and the main thread does not encode it). */
  readonly out: string | Uint8Array;
  readonly dead: string;
  readonly warn: string;
  readonly counts: StreamCounts;
}

/** A batch sent to a worker: whole lines (the last one may lack its newline when `final`), numbered from `firstLine`. Internal. */
export interface BatchMessage {
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly firstLine: number;
  readonly final: boolean;
}

/**
 * Runs one batch of whole NDJSON lines through the library's processor and
 * renders its records: the same code in a worker and in-process, so that
 * every `--jobs` writes the same bytes. Internal.
 */
export function processBatch(step: StreamStep<unknown>, parse: (text: string) => Result<unknown>, maxLineBytes: number, keep: BatchKeep, batch: Omit<BatchMessage, "seq">): BatchResult {
  const processor = createPayloadProcessor(step, { parse, maxLineBytes, firstLine: batch.firstLine });
  const text = new RecordText(keep);
  const emit = text.add.bind(text);
  processor.write(batch.bytes, emit);
  if (batch.final) processor.end(emit);
  return { ...text.take(), counts: processor.counts() };
}
