import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StreamRecord, StreamStep } from "@mfgsync/canonical";
import { createNdjsonLineStream, createPayloadProcessor, createPayloadStream, readableFrom } from "@mfgsync/canonical";

const utf8 = new TextEncoder();
const identity: StreamStep<unknown> = (payload) => ({ ok: true, value: payload });
/** Fails objects that have `bad`, warns on objects with `warn`; an array is a collection. */
const step: StreamStep<unknown> = (payload) => {
  const warnings = typeof payload === "object" && payload !== null && "warn" in payload ? [{ path: "/warn", code: "test.warn", message: "a warning" }] : [];
  if (typeof payload === "object" && payload !== null && "bad" in payload) return { ok: false, issues: [{ path: "/bad", code: "test.bad", message: "bad" }], warnings };
  return Array.isArray(payload) ? { ok: true, values: payload, warnings } : { ok: true, value: payload, warnings };
};

async function collect<T>(stream: ReadableStream<T>): Promise<T[]> {
  const out: T[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) out.push(next.value);
  return out;
}

function chunked(bytes: Uint8Array, cuts: readonly number[]): ReadableStream<Uint8Array> {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let at = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.slice(at, point));
    at = point;
  }
  return readableFrom(pieces);
}

/** Records with the raw pieces of each too-long line joined: how a line is cut into pieces is the one thing that depends on the chunks. */
function normalised(records: readonly StreamRecord<unknown>[]): unknown[] {
  const out: unknown[] = [];
  for (const r of records) {
    const last = out[out.length - 1] as { kind?: string; line?: number; bytes?: number[] } | undefined;
    if (r.kind === "raw" && last?.kind === "raw" && last.line === r.line) last.bytes!.push(...r.bytes);
    else out.push(r.kind === "raw" ? { kind: "raw", line: r.line, bytes: [...r.bytes] } : r);
  }
  return out;
}

const bytes = (...parts: (string | number[])[]) => {
  const list = parts.map((p) => (typeof p === "string" ? utf8.encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(list.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of list) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

// Every kind of line: plain, CRLF, blank, multi-byte, invalid UTF-8, not JSON, failing, warned, a collection, too long (with a \r inside), and a last line without newline.
const MIXED = bytes('{"a":"Grüße €"}\n', '{"b":1}\r\n', "  \n", '{"bad":1,"warn":1}\n', '{"c":"', [0xff, 0xc3, 0x28], '"}\n', "{not json\n", '[1,{"d":2}]\n', `{"long":"${"x".repeat(40)}\r${"y".repeat(40)}"}\r\n`, '{"warn":2}\n', '{"e":"ü"}');

describe("createPayloadStream (NDJSON)", () => {
  it("gives values, warnings and dead letters in input order, the failed input kept exactly, and counts", async () => {
    const stream = createPayloadStream(step, { maxLineBytes: 64 });
    const records = await collect(readableFrom([MIXED]).pipeThrough(stream));
    expect(records.map((r) => `${r.line}:${r.kind}`)).toEqual([
      "1:value", "2:value", "4:warnings", "4:dead-letter", "5:dead-letter", "6:dead-letter", "7:value", "7:value", "8:raw", "8:dead-letter", "9:warnings", "9:value", "10:value",
    ]);
    const letters = records.flatMap((r) => (r.kind === "dead-letter" ? [r.deadLetter] : []));
    expect(letters[0]).toEqual({ line: 4, input: '{"bad":1,"warn":1}', issues: [{ path: "/bad", code: "test.bad", message: "bad" }], warnings: [{ path: "/warn", code: "test.warn", message: "a warning" }] });
    expect(letters[1]).toMatchObject({ line: 5, inputBase64: "eyJjIjoi/8MoIn0=", issues: [{ code: "encoding.invalid", message: expect.stringContaining("offset 6") }] });
    expect(atob(letters[1]!.inputBase64!)).toBe('{"c":"\xff\xc3("}');
    expect(letters[2]).toMatchObject({ line: 6, input: "{not json", issues: [{ code: "json.invalid" }] });
    const raw = records.find((r) => r.kind === "raw");
    const long = `{"long":"${"x".repeat(40)}\r${"y".repeat(40)}"}`;
    expect(raw?.kind === "raw" && new TextDecoder().decode(raw.bytes)).toBe(long);
    expect(letters[3]).toMatchObject({ line: 8, inputBytes: long.length, issues: [{ code: "line.too-long" }] });
    expect(records.filter((r) => r.kind === "value").map((r) => (r as { value: unknown }).value)).toEqual([{ a: "Grüße €" }, { b: 1 }, 1, { d: 2 }, { warn: 2 }, { e: "ü" }]);
    expect(stream.counts()).toMatchObject({ lines: 10, passed: 5, failed: 4, skipped: 1, outputs: 6, bytes: MIXED.length, warnings: 2, linesWithWarnings: 2 });
    expect(stream.counts().warningsByCode).toEqual([{ code: "test.warn", count: 2, first: { path: "/warn", code: "test.warn", message: "a warning", line: 4 } }]);
  });

  it("gives the same records however the input is cut (property)", async () => {
    const whole = normalised(await collect(readableFrom([MIXED]).pipeThrough(createPayloadStream(step, { maxLineBytes: 64 }))));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 40 }), async (cuts) => {
        const records = await collect(chunked(MIXED, cuts).pipeThrough(createPayloadStream(step, { maxLineBytes: 64 })));
        expect(normalised(records)).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it("gives the same lines for any text cut anywhere, CR, LF and multi-byte characters included (property)", async () => {
    const alphabet = fc.constantFrom("a", "ü", "€", "𝄞", "\n", "\r", "\r\n", " ", "{", "\"");
    await fc.assert(
      fc.asyncProperty(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join("")), fc.array(fc.nat(), { maxLength: 20 }), fc.integer({ min: 0, max: 12 }), async (text, cuts, max) => {
        const input = utf8.encode(text);
        const run = async (source: ReadableStream<Uint8Array>) => normalised(await collect(source.pipeThrough(createNdjsonLineStream({ maxLineBytes: max })) as ReadableStream<StreamRecord<unknown>>));
        expect(await run(chunked(input, cuts))).toEqual(await run(readableFrom([input])));
      }),
      { numRuns: 200 },
    );
  });

  it("takes text chunks too, and numbers lines from firstLine", async () => {
    const processor = createPayloadProcessor(identity, { firstLine: 41 });
    const records: StreamRecord<unknown>[] = [];
    processor.write('{"a":1}\n{"a"', (r) => records.push(r));
    processor.write(":2}", (r) => records.push(r));
    processor.end((r) => records.push(r));
    expect(records).toEqual([{ kind: "value", line: 41, value: { a: 1 } }, { kind: "value", line: 42, value: { a: 2 } }]);
  });

  it("keeps a step that throws as a dead letter and goes on", async () => {
    const stream = createPayloadStream((payload) => {
      if ((payload as { n: number }).n === 1) throw new Error("boom");
      return { ok: true, value: payload };
    });
    const records = await collect(readableFrom(['{"n":1}\n{"n":2}\n']).pipeThrough(stream));
    expect(records[0]).toMatchObject({ kind: "dead-letter", deadLetter: { line: 1, input: '{"n":1}', issues: [{ code: "stream.step-failed", message: expect.stringContaining("boom") }] } });
    expect(records[1]).toEqual({ kind: "value", line: 2, value: { n: 2 } });
  });

  it("errors, naming the chunk, when something other than bytes or text is written", async () => {
    const stream = createPayloadStream(identity);
    const read = stream.readable.getReader().read();
    const writer = stream.writable.getWriter();
    await expect(writer.write(42 as unknown as string)).rejects.toThrow(/takes bytes or text, not number/);
    await expect(read).rejects.toThrow(/takes bytes or text/);
  });

  it("waits for its reader: writes stop being accepted while nobody reads (backpressure)", async () => {
    const stream = createPayloadStream(identity);
    const writer = stream.writable.getWriter();
    for (let i = 0; i < 5; i++) void writer.write(`{"n":${i}}\n`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(writer.desiredSize).toBeLessThanOrEqual(0);
    const reader = stream.readable.getReader();
    void writer.close();
    let values = 0;
    for (let next = await reader.read(); !next.done; next = await reader.read()) values++;
    expect(values).toBe(5);
  });
});

describe("createPayloadStream (payloads)", () => {
  it("maps an async iterable of payloads, keeping failed payloads as they were given", async () => {
    async function* payloads() {
      yield { a: 1 };
      yield { bad: true };
      yield [1, 2];
    }
    const stream = createPayloadStream(step, { input: "payloads" });
    const records = await collect(readableFrom(payloads()).pipeThrough(stream));
    expect(records).toEqual([
      { kind: "value", line: 1, value: { a: 1 } },
      { kind: "dead-letter", line: 2, deadLetter: { line: 2, payload: { bad: true }, issues: [{ path: "/bad", code: "test.bad", message: "bad" }] } },
      { kind: "value", line: 3, value: 1 },
      { kind: "value", line: 3, value: 2 },
    ]);
    expect(stream.counts()).toMatchObject({ lines: 3, passed: 2, failed: 1, outputs: 3, bytes: 0 });
  });

  it("returns the iterator when the stream is cancelled", async () => {
    let returned = false;
    const iterable: Iterable<number> = {
      [Symbol.iterator]: () => ({ next: () => ({ done: false, value: 1 }), return: () => ((returned = true), { done: true, value: undefined }) }),
    };
    const reader = readableFrom(iterable).getReader();
    await reader.read();
    await reader.cancel();
    expect(returned).toBe(true);
  });
});
