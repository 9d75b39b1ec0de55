// The benchmark cases: every comparison of `pnpm bench`, built on generated
// SAP payloads. The same builder runs with tiny inputs in bench.test.ts, so
// every case (and the equality checks that keep it honest) runs in CI.
import type { Material, ProductionOrder } from "@mfgsync/canonical";
import { safeParseProductionOrder, toJsonSchema } from "@mfgsync/canonical";
import { batchMapper, inspectionMapper, productionOrderMapper } from "@mfgsync/mappers-sap";
import { createInMemoryContext, createProfile, validate } from "@mfgsync/validators";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { assertSameJson } from "./equal.js";
import { handwrittenDecodeOrder } from "./handwritten/decode.js";
import { handwrittenEncodeOrder } from "./handwritten/encode.js";
import type { Comparison } from "./harness.js";
import { jsonataOrderDecoder } from "./jsonata.js";
import { breakOrder } from "./invalid.js";
import { makeSapBatch, makeSapInspectionLotPayload } from "./sap-batches.js";
import { makeSapOrderPayload, SAP_BENCH_CONTEXT } from "./sap-data.js";
import { oraclePipelineComparison } from "./oracle-data.js";
import type { WireDecoder } from "./pipeline.js";
import { floorOf, pipelineOf } from "./pipeline.js";
import { d365PipelineComparison } from "./d365-data.js";

type Rec = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Input sizes: how many different payloads each batch holds. */
export interface CaseSizes {
  readonly orders: number;
  readonly batches: number;
  readonly inspectionLots: number;
  /** JSONata takes milliseconds per order: it gets a smaller batch. */
  readonly jsonataOrders: number;
}

export const FULL_SIZES: CaseSizes = { orders: 48, batches: 200, inspectionLots: 48, jsonataOrders: 4 };
export const TINY_SIZES: CaseSizes = { orders: 2, batches: 2, inspectionLots: 2, jsonataOrders: 1 };

/** Everything a run measures besides the side-by-side comparisons. */
export interface Cases {
  readonly comparisons: readonly Comparison[];
  /** The full rule catalog on one production order. */
  readonly rules: { readonly fn: () => unknown; readonly batch: number; readonly verify: () => void };
  /** What the payloads look like, for the report. */
  readonly data: Readonly<Record<string, number>>;
}

function mustDecode(entity: unknown): ProductionOrder {
  const r = productionOrderMapper.decode(entity, SAP_BENCH_CONTEXT);
  if (!r.ok) throw new Error(`generated SAP order does not decode: ${JSON.stringify(r.issues.slice(0, 3))}`);
  if (r.warnings.length > 0) throw new Error(`generated SAP order decodes with warnings: ${JSON.stringify(r.warnings.slice(0, 3))}`);
  return r.value;
}

/** A material master record for each material the orders use, so the context-dependent rules run. */
function materials(orders: readonly ProductionOrder[]): Material[] {
  const units = new Map<string, string>();
  for (const o of orders) {
    units.set(o.material.id.value, o.plannedQuantity.unit);
    for (const c of o.components) units.set(c.material.id.value, c.requiredQuantity.unit);
  }
  return [...units].map(([value, baseUnit]) => ({
    schemaVersion: "1.0", kind: "material", id: { value, scheme: "sap-s4hana", issuer: "S4P-100" },
    type: { value: value.startsWith("FG-") ? "FinishedGood" : "RawMaterial" }, baseUnit, lifecycleStatus: { value: "Approved" },
    plants: [{ plant: "1010" }, { plant: "1710" }],
  }) as Material);
}

/** Builds every case on `sizes.orders` generated orders (and so on). */
export function buildCases(sizes: CaseSizes): Cases {
  const ctx = SAP_BENCH_CONTEXT;
  const texts = Array.from({ length: sizes.orders }, (_, i) => JSON.stringify(makeSapOrderPayload(i)));
  const entities = texts.map((t) => (JSON.parse(t) as { d: Rec }).d);
  const canonical = entities.map(mustDecode);
  const batchTexts = Array.from({ length: sizes.batches }, (_, i) => JSON.stringify({ d: makeSapBatch(i) }));
  const invalid = canonical.map((o, i) => breakOrder(o, i));
  const jsonata = jsonataOrderDecoder(ctx);
  const jsonataInput = entities.slice(0, sizes.jsonataOrders);

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const ajvValidate = ajv.compile(toJsonSchema("production-order"));

  const inspectionTexts = Array.from({ length: sizes.inspectionLots }, (_, i) => JSON.stringify(makeSapInspectionLotPayload(i)));
  const pipeline = (list: readonly string[], mapper: WireDecoder) => pipelineOf(list, mapper, ctx, "SAP");
  const floor = floorOf;


  const comparisons: Comparison[] = [
    {
      key: "pipelineVsFloor",
      description: "SAP JSON text → parse → decode → canonical schema check → JSON text, against JSON.parse + JSON.stringify of the same text",
      target: 2.5,
      subject: { name: "mfgsync pipeline", fn: pipeline(texts, productionOrderMapper), batch: texts.length },
      reference: { name: "JSON.parse + JSON.stringify", fn: floor(texts), batch: texts.length },
      verify: () => {
        pipeline(texts, productionOrderMapper)();
      },
    },
    {
      key: "mapperVsHandwritten",
      description: "productionOrderMapper.decode against a hand-written decoder with identical output",
      target: 1.5,
      subject: { name: "productionOrderMapper.decode", fn: () => entities.map((e) => productionOrderMapper.decode(e, ctx, { validate: false })), batch: entities.length },
      reference: { name: "hand-written decode", fn: () => entities.map((e) => handwrittenDecodeOrder(e, ctx)), batch: entities.length },
      verify: () => entities.forEach((e, i) => assertSameJson(handwrittenDecodeOrder(e, ctx), canonical[i], `hand-written decode of order ${i}`)),
    },
    {
      key: "mapperVsJsonata",
      description: "productionOrderMapper.decode against one JSONata expression with identical output",
      target: 0.05,
      subject: { name: "productionOrderMapper.decode", fn: () => jsonataInput.map((e) => productionOrderMapper.decode(e, ctx, { validate: false })), batch: jsonataInput.length },
      reference: { name: "JSONata", fn: async () => { for (const e of jsonataInput) await jsonata(e); }, batch: jsonataInput.length },
      verify: async () => {
        for (const [i, e] of jsonataInput.entries()) assertSameJson(await jsonata(e), canonical[i], `JSONata decode of order ${i}`);
      },
    },
    {
      key: "encodeVsHandwritten",
      description: "productionOrderMapper.encode (input already checked: trusted) against a hand-written encoder with identical output",
      target: 1.5,
      subject: { name: "productionOrderMapper.encode (trusted)", fn: () => canonical.map((c) => productionOrderMapper.encode(c, ctx, { trusted: true })), batch: canonical.length },
      reference: { name: "hand-written encode", fn: () => canonical.map((c) => handwrittenEncodeOrder(c as unknown as Rec, ctx)), batch: canonical.length },
      verify: () => canonical.forEach((c, i) => {
        const r = productionOrderMapper.encode(c, ctx, { trusted: true });
        if (!r.ok) throw new Error(`encode failed: ${JSON.stringify(r.issues.slice(0, 3))}`);
        assertSameJson(handwrittenEncodeOrder(c as unknown as Rec, ctx), r.value, `hand-written encode of order ${i}`);
      }),
    },
    {
      key: "encodeCheckedVsHandwritten",
      description: "productionOrderMapper.encode with its default schema check of the input, against the hand-written encoder (informative)",
      subject: { name: "productionOrderMapper.encode", fn: () => canonical.map((c) => productionOrderMapper.encode(c, ctx)), batch: canonical.length },
      reference: { name: "hand-written encode", fn: () => canonical.map((c) => handwrittenEncodeOrder(c as unknown as Rec, ctx)), batch: canonical.length },
      verify: () => canonical.forEach((c, i) => {
        const r = productionOrderMapper.encode(c, ctx);
        if (!r.ok) throw new Error(`encode failed: ${JSON.stringify(r.issues.slice(0, 3))}`);
        assertSameJson(handwrittenEncodeOrder(c as unknown as Rec, ctx), r.value, `hand-written encode of order ${i}`);
      }),
    },
    {
      key: "zodVsAjvValid",
      description: "safeParseProductionOrder (zod) against ajv compiled from the generated JSON Schema, valid orders",
      target: 1.5,
      subject: { name: "zod safeParseProductionOrder", fn: () => canonical.map((c) => safeParseProductionOrder(c)), batch: canonical.length },
      reference: { name: "ajv validate", fn: () => canonical.map((c) => ajvValidate(c)), batch: canonical.length },
      verify: () => canonical.forEach((c, i) => {
        if (!safeParseProductionOrder(c).ok || !ajvValidate(c)) throw new Error(`order ${i} should be valid for zod and ajv: ${JSON.stringify(ajvValidate.errors?.slice(0, 3))}`);
      }),
    },
    {
      key: "zodVsAjvInvalid",
      description: "safeParseProductionOrder (zod) against ajv (allErrors), orders with three realistic mistakes",
      subject: { name: "zod safeParseProductionOrder", fn: () => invalid.map((c) => safeParseProductionOrder(c)), batch: invalid.length },
      reference: { name: "ajv validate", fn: () => invalid.map((c) => ajvValidate(c)), batch: invalid.length },
      verify: () => invalid.forEach((c, i) => {
        const z = safeParseProductionOrder(c);
        if (z.ok || z.issues.length < 3 || ajvValidate(c)) throw new Error(`broken order ${i} should fail zod (3+ issues) and ajv`);
      }),
    },
    {
      key: "zodInvalidVsValid",
      description: "safeParseProductionOrder on invalid orders against the same orders when valid",
      target: 10,
      subject: { name: "zod, invalid orders", fn: () => invalid.map((c) => safeParseProductionOrder(c)), batch: invalid.length },
      reference: { name: "zod, valid orders", fn: () => canonical.map((c) => safeParseProductionOrder(c)), batch: canonical.length },
      verify: () => undefined,
    },
    {
      key: "batchPipelineVsFloor",
      description: "SAP batch (API_BATCH_SRV) JSON text → lot JSON text, against JSON.parse + JSON.stringify (informative)",
      subject: { name: "mfgsync pipeline (batch)", fn: pipeline(batchTexts, batchMapper), batch: batchTexts.length },
      reference: { name: "JSON.parse + JSON.stringify", fn: floor(batchTexts), batch: batchTexts.length },
      verify: () => {
        pipeline(batchTexts, batchMapper)();
      },
    },
    {
      key: "inspectionPipelineVsFloor",
      description: "SAP inspection lot (with characteristics, results and usage decision) JSON text → inspection JSON text, against JSON.parse + JSON.stringify (informative)",
      subject: { name: "mfgsync pipeline (inspection lot)", fn: pipeline(inspectionTexts, inspectionMapper), batch: inspectionTexts.length },
      reference: { name: "JSON.parse + JSON.stringify", fn: floor(inspectionTexts), batch: inspectionTexts.length },
      verify: () => {
        pipeline(inspectionTexts, inspectionMapper)();
      },
    },
  ];
  comparisons.push(oraclePipelineComparison(sizes.orders), d365PipelineComparison(sizes.orders));

  // The built-in catalog at its default severities: every rule is on.
  const profile = createProfile();
  const context = createInMemoryContext({ plants: ["1010", "1710"], materials: materials(canonical) });
  const rules = {
    fn: () => canonical.map((c) => validate("production-order", c, { profile, context })),
    batch: canonical.length,
    verify: () => {
      const report = validate("production-order", canonical[0], { profile, context });
      if (report.findings.some((f) => f.ruleId === "schema/valid")) throw new Error(`rules: the order is not schema-valid: ${JSON.stringify(report.findings.slice(0, 3))}`);
    },
  };

  const avg = (xs: readonly string[]) => Math.round(xs.reduce((n, t) => n + t.length, 0) / Math.max(1, xs.length));
  return {
    comparisons,
    rules,
    data: {
      orders: texts.length,
      orderBytesAvg: avg(texts),
      canonicalOrderBytesAvg: avg(canonical.map((c) => JSON.stringify(c))),
      operationsAvg: canonical.reduce((n, c) => n + c.operations.length, 0) / canonical.length,
      componentsAvg: canonical.reduce((n, c) => n + c.components.length, 0) / canonical.length,
      batches: batchTexts.length,
      batchBytesAvg: avg(batchTexts),
      inspectionLots: inspectionTexts.length,
      inspectionLotBytesAvg: avg(inspectionTexts),
    },
  };
}
