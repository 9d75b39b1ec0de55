import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readableFrom } from "@mfgsync/canonical";
import { createInMemoryContext, createValidateStream } from "@mfgsync/validators";

const EXAMPLES = path.resolve(import.meta.dirname, "../../canonical/examples");
const example = (name: string) => JSON.stringify(JSON.parse(fs.readFileSync(path.join(EXAMPLES, `${name}.json`), "utf8")));

async function collect<T>(stream: ReadableStream<T>): Promise<T[]> {
  const out: T[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) out.push(next.value);
  return out;
}

describe("createValidateStream", () => {
  it("checks each NDJSON line against the schema and the rules; failed lines keep their text, findings become issues", async () => {
    const lot = example("lot");
    const broken = lot.replace('"kind":"lot"', '"kind":"lot","unexpected":1');
    const input = `${lot}\n${broken}\n\n[${lot},${lot}]\n`;
    const stream = createValidateStream("lot");
    const records = await collect(readableFrom([input]).pipeThrough(stream));
    expect(records.filter((r) => r.kind === "value").map((r) => r.line)).toEqual([1, 4, 4]);
    const letter = records.find((r) => r.kind === "dead-letter");
    expect(letter?.kind === "dead-letter" && letter.deadLetter).toMatchObject({ line: 2, input: broken, issues: [{ ruleId: "schema/valid", severity: "error" }] });
    expect(stream.counts()).toMatchObject({ lines: 4, passed: 2, failed: 1, skipped: 1, outputs: 3 });
  });

  it("records accepted events in the context: a repeated event is a duplicate, its sequence a warning", async () => {
    const event = example("material-consumed");
    const stream = createValidateStream("material-consumed", { context: createInMemoryContext() });
    const records = await collect(readableFrom([`${event}\n${event}\n`]).pipeThrough(stream));
    expect(records.map((r) => `${r.line}:${r.kind}`)).toEqual(["1:value", "2:warnings", "2:dead-letter"]);
    const letter = records.at(-1);
    expect(letter?.kind === "dead-letter" && letter.deadLetter.issues.map((i) => i.code)).toEqual(["event/duplicate"]);
    expect(letter?.kind === "dead-letter" && letter.deadLetter.warnings?.map((i) => i.code)).toEqual(["event/sequence"]);
  });

  it("validates an async iterable of payloads", async () => {
    async function* payloads() {
      yield JSON.parse(example("lot")) as unknown;
      yield { kind: "lot" };
    }
    const stream = createValidateStream("lot", { input: "payloads" });
    const records = await collect(readableFrom(payloads()).pipeThrough(stream));
    expect(records.map((r) => r.kind)).toEqual(["value", "dead-letter"]);
    expect(records[1]?.kind === "dead-letter" && records[1].deadLetter.payload).toEqual({ kind: "lot" });
  });

  it("gives the same records however the input is cut (property)", async () => {
    const event = example("material-consumed");
    const input = new TextEncoder().encode(`${event}\r\n{"x":\n${event}\n${example("lot")}`);
    const run = async (chunks: Uint8Array[]) => collect(readableFrom(chunks).pipeThrough(createValidateStream("material-consumed", { context: createInMemoryContext() })));
    const whole = await run([input]);
    expect(whole.map((r) => r.kind)).toEqual(["value", "dead-letter", "warnings", "dead-letter", "dead-letter"]);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: input.length - 1 }), { maxLength: 20 }), async (cuts) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), input.length];
        expect(await run(points.slice(1).map((end, i) => input.slice(points[i], end)))).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });
});
