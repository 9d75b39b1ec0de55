import type { NdjsonLine, NdjsonLineOptions } from "./lines.js";
import { LineSplitter } from "./lines.js";
import type { PayloadStreamOptions, StreamCounts, StreamRecord, StreamStep } from "./processor.js";
import { createPayloadProcessor } from "./processor.js";

/**
 * A `TransformStream` that also tells its counts so far (and, once the
 * readable side is done, the final ones).
 *
 * @example
 * ```ts
 * import type { CountingStream, StreamRecord } from "@mfgsync/canonical";
 * async function drain(stream: CountingStream<string, StreamRecord<unknown>>) {
 *   return stream.counts().failed;
 * }
 * ```
 */
export type CountingStream<I, O> = TransformStream<I, O> & { counts(): StreamCounts };

/**
 * A WHATWG `TransformStream` from NDJSON bytes (or text), cut anywhere, to
 * its lines (see {@link NdjsonLine}): UTF-8 decoded across chunk
 * boundaries, CRLF or LF, a line that is no UTF-8 kept as bytes, a line
 * over `maxLineBytes` streamed in pieces instead of held. No Node built-ins:
 * Node 20+, browsers, Deno and edge runtimes.
 *
 * @example
 * ```ts
 * import { createNdjsonLineStream } from "@mfgsync/canonical";
 * const response = await fetch("https://example.com/orders.ndjson");
 * const lines = response.body!.pipeThrough(createNdjsonLineStream());
 * ```
 */
export function createNdjsonLineStream(options: NdjsonLineOptions = {}): TransformStream<Uint8Array | string, NdjsonLine> {
  const splitter = new LineSplitter(options);
  return new TransformStream<Uint8Array | string, NdjsonLine>({
    transform(chunk, controller) {
      splitter.write(chunk, (line) => controller.enqueue(line));
    },
    flush(controller) {
      splitter.end((line) => controller.enqueue(line));
    },
  });
}

/**
 * Where a payload stream's input comes from: NDJSON bytes or text
 * (`"ndjson"`, the default), or payloads as values, one per chunk
 * (`"payloads"`: from an iterable, see {@link readableFrom}).
 *
 * @example
 * ```ts
 * import type { PayloadStreamInput } from "@mfgsync/canonical";
 * const input: PayloadStreamInput = "payloads";
 * ```
 */
export type PayloadStreamInput = "ndjson" | "payloads";

/**
 * A WHATWG `TransformStream` that runs `step` on every payload of its input
 * (NDJSON lines, or values with `input: "payloads"`) and gives, in input
 * order, {@link StreamRecord}s: values, warnings, and dead letters that keep
 * the failed input exactly. It never errors on bad input; backpressure
 * flows from the readable side to the writable side. The mapping and
 * validation streams (`createMapStream` in `@mfgsync/mapping`,
 * `createValidateStream` in `@mfgsync/validators`) are built on it.
 *
 * @example
 * ```ts
 * import { createPayloadStream } from "@mfgsync/canonical";
 * const stream = createPayloadStream((payload) => ({ ok: true, value: payload }));
 * const records = new Blob(['{"a":1}\n']).stream().pipeThrough(stream);
 * for await (const record of records) console.log(record.kind);
 * console.log(stream.counts().passed); // 1
 * ```
 */
export function createPayloadStream<T>(step: StreamStep<T>, options?: PayloadStreamOptions & { readonly input?: "ndjson" }): CountingStream<Uint8Array | string, StreamRecord<T>>;
export function createPayloadStream<T>(step: StreamStep<T>, options: PayloadStreamOptions & { readonly input: "payloads" }): CountingStream<unknown, StreamRecord<T>>;
export function createPayloadStream<T>(step: StreamStep<T>, options: PayloadStreamOptions & { readonly input?: PayloadStreamInput } = {}): CountingStream<unknown, StreamRecord<T>> {
  const processor = createPayloadProcessor(step, options);
  const payloads = options.input === "payloads";
  const stream = new TransformStream<unknown, StreamRecord<T>>({
    transform(chunk, controller) {
      const emit = (record: StreamRecord<T>) => controller.enqueue(record);
      if (payloads) processor.payload(chunk, emit);
      else if (typeof chunk === "string" || chunk instanceof Uint8Array) processor.write(chunk, emit);
      else if (ArrayBuffer.isView(chunk)) processor.write(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength), emit);
      // Anything else is no NDJSON: failing the stream says so where the chunk was written.
      else throw new TypeError(`an NDJSON stream takes bytes or text, not ${chunk === null ? "null" : typeof chunk}; use input: "payloads" for values`);
    },
    flush(controller) {
      if (!payloads) processor.end((record) => controller.enqueue(record));
    },
  });
  return Object.assign(stream, { counts: () => processor.counts() });
}

/**
 * A `ReadableStream` of the items of an (async) iterable, pulled one at a
 * time: what `ReadableStream.from` does where the runtime has it (not every
 * browser does yet). Cancelling the stream returns the iterator.
 *
 * @example
 * ```ts
 * import { createPayloadStream, readableFrom } from "@mfgsync/canonical";
 * async function* orders() { yield { id: 1 }; yield { id: 2 }; }
 * const records = readableFrom(orders()).pipeThrough(createPayloadStream((p) => ({ ok: true, value: p }), { input: "payloads" }));
 * ```
 */
export function readableFrom<T>(source: AsyncIterable<T> | Iterable<T>): ReadableStream<T> {
  let iterator: AsyncIterator<T> | Iterator<T> | undefined;
  return new ReadableStream<T>({
    start() {
      iterator = Symbol.asyncIterator in source ? (source as AsyncIterable<T>)[Symbol.asyncIterator]() : (source as Iterable<T>)[Symbol.iterator]();
    },
    async pull(controller) {
      const next = await iterator!.next();
      if (next.done === true) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel(reason) {
      await iterator?.return?.(reason);
    },
  });
}
