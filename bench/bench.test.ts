// Runs every benchmark case once on tiny inputs so that the suite cannot rot,
// and checks the equalities that keep the comparisons honest. No timing
// assertions: speed is measured by `pnpm bench`, never in tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { batchMapper, productionOrderMapper } from "@mfgsync/mappers-sap";
import { describe, expect, it } from "vitest";
import { TINY_SIZES, buildCases } from "./cases.js";
import { assertSameJson, firstDifference } from "./equal.js";
import { handwrittenDecodeOrder } from "./handwritten/decode.js";
import { handwrittenEncodeOrder } from "./handwritten/encode.js";
import { measure } from "./harness.js";
import { breakOrder } from "./invalid.js";
import { jsonataOrderDecoder } from "./jsonata.js";
import { INVALID_EVERY, writeOrdersNdjson } from "./process.js";
import { renderTable } from "./report.js";
import { makeSapBatch } from "./sap-batches.js";
import { SAP_BENCH_CONTEXT, makeSapOrder } from "./sap-data.js";

const ORDERS = 24;
const orders = Array.from({ length: ORDERS }, (_, i) => JSON.parse(JSON.stringify(makeSapOrder(i))) as Record<string, unknown>);
const decoded = orders.map((o) => {
  const r = productionOrderMapper.decode(o, SAP_BENCH_CONTEXT);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
});

describe("generated SAP payloads", () => {
  it("are deterministic and decode without issues or warnings into valid canonical orders", () => {
    expect(makeSapOrder(5)).toStrictEqual(makeSapOrder(5));
    expect(makeSapOrder(5)).not.toStrictEqual(makeSapOrder(6));
    for (const r of decoded) expect(r.warnings).toEqual([]);
    const shapes = decoded.map((r) => `${r.value.operations.length}/${r.value.components.length}/${r.value.state.originalCode}`);
    expect(new Set(shapes).size).toBeGreaterThan(5);
    expect(decoded.some((r) => r.value.plannedStart?.length === 10)).toBe(true); // PT00H00M00S: a plain date
    expect(decoded.some((r) => r.value.operations.some((op) => op.plant !== undefined))).toBe(true); // an operation in another plant
  });

  it("round-trip exactly: encode gives back the SAP entity without transport annotations", () => {
    for (const [i, r] of decoded.entries()) {
      const back = productionOrderMapper.encode(r.value, SAP_BENCH_CONTEXT);
      expect(back.ok).toBe(true);
      const strip = (v: unknown): unknown => Array.isArray(v) ? v.map(strip)
        : v !== null && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([k, x]) => k !== "__metadata" && !(x !== null && typeof x === "object" && "__deferred" in x)).map(([k, x]) => [k, strip(x)]))
        : v;
      if (back.ok) expect(firstDifference(back.value, strip(orders[i]))).toBeUndefined();
    }
  });

  it("batches decode into valid lots, restricted and deleted ones included", () => {
    const lots = Array.from({ length: 60 }, (_, i) => batchMapper.decode(makeSapBatch(i), SAP_BENCH_CONTEXT, { validate: true }));
    for (const r of lots) expect(r.ok && r.warnings.length === 0).toBe(true);
    const dispositions = new Set(lots.map((r) => (r.ok ? r.value.disposition.value : "")));
    expect([...dispositions].sort()).toEqual(["Closed", "Restricted", "UnRestricted"]);
  });
});

describe("the comparisons stay honest", () => {
  it("the hand-written decoder gives exactly the mapper's canonical orders", () => {
    for (const [i, o] of orders.entries()) assertSameJson(handwrittenDecodeOrder(o, SAP_BENCH_CONTEXT), decoded[i]!.value, `order ${i}`);
  });

  it("the JSONata expression gives exactly the mapper's canonical orders", async () => {
    const jsonata = jsonataOrderDecoder(SAP_BENCH_CONTEXT);
    for (const [i, o] of orders.slice(0, 8).entries()) assertSameJson(await jsonata(o), decoded[i]!.value, `order ${i}`);
  });

  it("the hand-written encoder gives exactly the mapper's SAP entities", () => {
    for (const [i, r] of decoded.entries()) {
      const mapped = productionOrderMapper.encode(r.value, SAP_BENCH_CONTEXT, { trusted: true });
      if (!mapped.ok) throw new Error(`order ${i}: ${JSON.stringify(mapped.issues)}`);
      assertSameJson(handwrittenEncodeOrder(r.value as unknown as Record<string, unknown>, SAP_BENCH_CONTEXT), mapped.value, `order ${i}`);
    }
  });

  it("the equality check catches a difference, a missing key and an undefined-valued key", () => {
    const value = decoded[0]!.value;
    const changed = structuredClone(value);
    changed.operations[0]!.workCenter = "OTHER";
    expect(() => assertSameJson(changed, value, "changed")).toThrow(/\/operations\/0\/workCenter/);
    const { plant: _plant, ...missing } = structuredClone(value);
    expect(firstDifference(missing, value)).toBe("/plant");
    expect(firstDifference({ ...value, extra: undefined }, value)).toBe("/extra");
    expect(firstDifference(Object.assign(Object.create(null), value), value)).toBeUndefined();
  });

  it("broken orders carry the three intended mistakes", () => {
    const broken = breakOrder(decoded[2]!.value, 2) as Record<string, unknown>;
    expect((broken["plannedQuantity"] as { unit: string }).unit).toBe("KG");
    expect(broken["ProductionPlant"]).toBe(decoded[2]!.value.plant);
    expect(decoded[2]!.value.plannedQuantity.unit).not.toBe("KG"); // the original is untouched
  });
});

describe("every benchmark case runs", () => {
  const cases = buildCases(TINY_SIZES);

  it("has every key the issue asks for", () => {
    expect(cases.comparisons.map((c) => c.key)).toEqual(expect.arrayContaining([
      "pipelineVsFloor", "mapperVsHandwritten", "mapperVsJsonata", "encodeVsHandwritten", "zodVsAjvValid", "zodVsAjvInvalid", "zodInvalidVsValid",
    ]));
  });

  for (const comparison of cases.comparisons) {
    it(`${comparison.key}: both sides run and do the same work`, async () => {
      await comparison.verify();
      await comparison.subject.fn();
      await comparison.reference.fn();
    });
  }

  it("rulesPerOrderUs: the rule catalog runs on a schema-valid order", () => {
    cases.rules.verify();
    const reports = cases.rules.fn() as { findings: unknown[] }[];
    expect(reports).toHaveLength(cases.rules.batch);
  });

  it("the harness measures a comparison and the report renders it", async () => {
    const comparison = cases.comparisons.find((c) => c.key === "zodVsAjvValid")!;
    const result = await measure(comparison, { time: 5, rounds: 1 });
    expect(result.rounds).toHaveLength(1);
    expect(Number.isFinite(result.ratio) && result.ratio > 0).toBe(true);
    expect(result.subject.payloadsPerSec).toBeGreaterThan(0);
    const table = renderTable({ rulesPerOrderUs: 12.5 }, [result]);
    expect(table).toContain("`zodVsAjvValid`");
    expect(table).toContain("`rulesPerOrderUs`");
  });
});

describe("the streaming input", () => {
  it("is NDJSON with one order per line and every INVALID_EVERY-th line broken", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-bench-test-"));
    try {
      const file = path.join(dir, "orders.ndjson");
      const lines = INVALID_EVERY + 5;
      writeOrdersNdjson(file, lines, 3);
      const text = fs.readFileSync(file, "utf8").split("\n").filter(Boolean);
      expect(text).toHaveLength(lines);
      const results = text.map((line) => productionOrderMapper.decodeWire(line, SAP_BENCH_CONTEXT, { validate: true }));
      const failed = results.map((r, i) => (r.ok && r.results.every((x) => x.ok) ? -1 : i)).filter((i) => i >= 0);
      expect(failed).toEqual([INVALID_EVERY - 1]);
      // Repeated templates get fresh order numbers.
      const numbers = new Set(text.map((line) => (JSON.parse(line) as { d: { ManufacturingOrder: string } }).d.ManufacturingOrder));
      expect(numbers.size).toBe(lines);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
