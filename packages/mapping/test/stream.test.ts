import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StreamRecord } from "@mfgsync/canonical";
import { SCHEMA_VERSION, readableFrom } from "@mfgsync/canonical";
import { coded, compileMapper, createMapStream, declareMapper, entity, field, identifier, materialRef, oracleRestProfile } from "@mfgsync/mapping";

// A plain JSON REST vendor (the README's): enough to stream real decodes and encodes through.
const lots = compileMapper<Record<string, unknown>, "lot">(declareMapper({
  name: "acme:lot", title: "ACME MES lots", canonical: "lot", profile: oracleRestProfile, namespace: "acme", defaults: { scheme: "acme" }, knownLoss: [],
  root: entity({ entity: "Lot", constants: { schemaVersion: SCHEMA_VERSION, kind: "lot" }, fields: [
    field("LotId", "id", identifier(), { required: true }),
    field("Item", "material", materialRef(), { required: true }),
    field("Status", "disposition", coded({ list: "acme:lot-status", codes: { OK: "UnRestricted", QA: "Restricted" }, fallback: "Other" })),
  ] }),
}));

async function collect<T>(stream: ReadableStream<T>): Promise<T[]> {
  const out: T[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) out.push(next.value);
  return out;
}

const LINES = [
  '{"LotId":"L-1","Item":"FG-1","Status":"QA"}',
  '{"LotId":"L-2"}',
  '{"items":[{"LotId":"L-3","Item":"FG-1","Status":"OK"},{"LotId":"L-4","Item":"FG-2","Status":"OK","Shift":"B"}],"count":2}',
  '{"LotId":"L-5","Item":"FG-1","Status":"OK","Qty":12345678901234567890}',
  '{"LotId":"L-6","LotId":"L-7","Item":"FG-1","Status":"OK"}',
];
const NDJSON = new TextEncoder().encode(LINES.join("\r\n") + "\n");

describe("createMapStream", () => {
  it("decodes NDJSON with a compiled mapper: one value per entity, failed lines as dead letters with their text", async () => {
    const stream = createMapStream(lots);
    const records = await collect(readableFrom([NDJSON]).pipeThrough(stream));
    const values = records.flatMap((r) => (r.kind === "value" ? [r] : []));
    expect(values.map((r) => [r.line, r.value.id.value])).toEqual([[1, "L-1"], [3, "L-3"], [3, "L-4"], [4, "L-5"]]);
    expect(values[2]?.value.extensions).toEqual({ acme: { Shift: "B" } });
    const letters = records.flatMap((r) => (r.kind === "dead-letter" ? [r.deadLetter] : []));
    expect(letters.map((l) => [l.line, l.input, l.issues[0]?.code])).toEqual([[2, LINES[1], "field.required"], [5, LINES[4], "json.duplicate-key"]]);
    expect(stream.counts()).toMatchObject({ lines: 5, passed: 3, failed: 2, outputs: 4, bytes: NDJSON.length });
  });

  it("reads numbers exactly (the wire parser), so nothing is lost on the way back", async () => {
    const [line4] = (await collect(readableFrom([LINES[3]!]).pipeThrough(createMapStream(lots)))).filter((r) => r.kind === "value");
    const back = line4?.kind === "value" ? lots.encode(line4.value) : undefined;
    expect(back?.ok && JSON.stringify(back.value)).toContain('"LotId":"L-5"');
    expect(back?.ok && String((back.value as Record<string, unknown>)["Qty"])).toBe("12345678901234567890");
  });

  it("runs the validate check on every value: issues fail the line, warnings join it", async () => {
    const stream = createMapStream(lots, {
      validate: (lot) => (lot.material.id.value === "FG-2" ? { issues: [{ path: "/material", code: "acme.blocked", message: "FG-2 is blocked" }] } : { warnings: [{ path: "", code: "acme.checked", message: "checked" }] }),
    });
    const records = await collect(readableFrom([NDJSON]).pipeThrough(stream));
    const letter = records.find((r) => r.kind === "dead-letter" && r.line === 3);
    expect(letter?.kind === "dead-letter" && letter.deadLetter.issues).toEqual([{ path: "/1/material", code: "acme.blocked", message: "FG-2 is blocked" }]);
    expect(records.filter((r) => r.kind === "warnings").map((r) => r.line)).toEqual([1, 3, 4]);
    expect(stream.counts().warningsByCode).toEqual([{ code: "acme.checked", count: 3, first: { path: "", code: "acme.checked", message: "checked", line: 1 } }]);
  });

  it("encodes an async iterable of canonical objects (direction encode), keeping a failed payload as given", async () => {
    const decoded = (await collect(readableFrom([NDJSON]).pipeThrough(createMapStream(lots)))).flatMap((r) => (r.kind === "value" ? [r.value] : []));
    async function* canonical() {
      yield decoded[0];
      yield { kind: "lot" };
      yield decoded.slice(1, 3);
    }
    const stream = createMapStream(lots, { input: "payloads" }, "encode");
    const records = await collect(readableFrom(canonical()).pipeThrough(stream));
    expect(records.filter((r) => r.kind === "value").map((r) => (r as { value: Record<string, unknown> }).value["LotId"])).toEqual(["L-1", "L-3", "L-4"]);
    const letter = records.find((r) => r.kind === "dead-letter");
    expect(letter?.kind === "dead-letter" && letter.deadLetter.payload).toEqual({ kind: "lot" });
    expect(stream.counts()).toMatchObject({ lines: 3, passed: 2, failed: 1, outputs: 3 });
  });

  it("gives the same records however the NDJSON is cut (property)", async () => {
    const whole = await collect(readableFrom([NDJSON]).pipeThrough(createMapStream(lots)));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: NDJSON.length - 1 }), { maxLength: 30 }), async (cuts) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), NDJSON.length];
        const chunks = points.slice(1).map((end, i) => NDJSON.slice(points[i], end));
        const records: StreamRecord<unknown>[] = await collect(readableFrom(chunks).pipeThrough(createMapStream(lots)));
        expect(records).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });
});
