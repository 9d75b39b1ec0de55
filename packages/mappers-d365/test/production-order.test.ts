import type { ProductionOrder } from "@mfgsync/canonical";
import { safeParseProductionOrder } from "@mfgsync/canonical";
import { arbitraryProductionOrder } from "@mfgsync/canonical/testing";
import { D365_CODES, D365_SCHEME, productionOrderMapper } from "@mfgsync/mappers-d365";
import { catalogFit } from "@mfgsync/mapping/conformance";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { fixture, fixtureText, rowsOf, withProps } from "./helpers/fixtures.js";
import { D365_TEST_UNITS, fitOrder } from "./helpers/fit.js";

const CONTEXT = { plantTimeZones: { "2": "America/Chicago", "DE-1": "Europe/Berlin" } };
const [RELEASED, STARTED] = rowsOf(fixture("production-order/orders-released-expanded-collection.json")) as [Record<string, unknown>, Record<string, unknown>];
const COMPLETED = fixture("production-order/order-completed-single.json") as Record<string, unknown>;
const BUNDLE = fixture("production-order/order-created-bundle.json") as Record<string, unknown>;
const [FINISHED, ESTIMATED] = rowsOf(fixture("production-order/orders-header-only-array.json")) as [Record<string, unknown>, Record<string, unknown>];
const fitCatalog = catalogFit(productionOrderMapper.declaration);

describeConformance("d365:production-order", {
  mapper: productionOrderMapper,
  fixtures: [
    { name: "released order, BOM lines (decimal line 2.5), primary and secondary route rows, released product unit", vendor: RELEASED },
    { name: "started order in kg, company spelt USMF on the header, null SourceRouteId", vendor: STARTED },
    { name: "completed (Ended) order read as a single entity, noon dates", vendor: COMPLETED },
    { name: "created order given as a bundle: header, BOM lines, route rows and released product beside each other", vendor: BUNDLE },
    { name: "reported-finished header without expansions", vendor: FINISHED },
    { name: "cost-estimated header, few properties", vendor: ESTIMATED },
  ],
  arbitrary: arbitraryProductionOrder({ scheme: D365_SCHEME, units: D365_TEST_UNITS }),
  fit: (o: ProductionOrder) => fitCatalog(fitOrder(o)) as ProductionOrder,
  context: CONTEXT,
  numRuns: 100,
});

function decoded(row: unknown): ProductionOrder {
  const r = productionOrderMapper.decode(row, CONTEXT);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** The encoded entity as a plain record. */
function encoded(order: ProductionOrder): Record<string, unknown> {
  const r = productionOrderMapper.encode(order, CONTEXT);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value as Record<string, unknown>;
}

describe("d365:production-order decode", () => {
  it("assembles the order from the header, its BOM lines, its primary route rows and the released product's unit", () => {
    const order = decoded(RELEASED);
    expect(safeParseProductionOrder(order).ok).toBe(true);
    expect(order.id).toEqual({ value: "P004711", scheme: "d365-scm", scope: { type: "company", value: "usmf" } });
    expect(order.plannedQuantity).toEqual({ value: "40.0", unit: "H87" });
    expect(order.state).toEqual({ value: "Released", originalCode: "Released", originalList: "d365:ProdStatus" });
    expect(order.scheduledStart).toBe("2026-05-04T07:00:00-05:00");
    expect(order.plannedEnd).toBe("2026-05-07");
    expect(order.actualStart).toBeUndefined();
    expect(order.billOfMaterials).toEqual({ id: "BOM-PH-200" });
    expect(order.operations.map((o) => [o.sequence, o.description, o.workCenter, o.state.value])).toEqual([["10", "CASTING", "CAST-CELL-1", "Released"], ["20", "MACHINING", "CNC-04", "Released"]]);
    expect(order.components.map((c) => [c.item, c.material.id.value, c.requiredQuantity, c.issuingOperation, c.lot?.value, c.plant])).toEqual([
      ["1", "RM-AL-356", { value: "3.125", unit: "KGM" }, "10", undefined, undefined],
      ["2.5", "RM-CORE-12", { value: "1", unit: "H87" }, undefined, "B-CORE-0042", "3"],
    ]);
    expect(order.extensions?.["d365"]?.["ProductionOrderName"]).toBe("Pump housing, cast");
  });

  it("maps every ProdStatus member name and refuses others, naming the property", () => {
    const states = ["Created", "CostEstimated", "Scheduled", "Released", "StartedUp", "ReportedFinished", "Completed"].map((s) => decoded(withProps(RELEASED, { ProductionOrderStatus: s })).state.value);
    expect(states).toEqual(["Forecast", "Forecast", "Ready", "Released", "Running", "Completed", "Closed"]);
    for (const bad of ["Ended", "ReportedAsFinished", "released", 3]) {
      const r = productionOrderMapper.decode(withProps(RELEASED, { ProductionOrderStatus: bad }), CONTEXT);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(["/ProductionOrderStatus"]);
    }
  });

  it("reads a header without ReleasedProductV2 in C62 with a warning, and writes nothing for the product", () => {
    const r = productionOrderMapper.decode(FINISHED, CONTEXT);
    expect(r.ok && r.value.plannedQuantity).toEqual({ value: "12", unit: "C62" });
    expect(r.warnings.map((w) => [w.path, w.code])).toContainEqual(["/ReleasedProductV2", D365_CODES.unitMissing]);
    const back = r.ok ? productionOrderMapper.encode(r.value, CONTEXT) : undefined;
    expect(back?.ok && "ReleasedProductV2" in back.value).toBe(false);
  });

  it("keeps a secondary route row with its primary, not as a duplicate operation", () => {
    const order = decoded(RELEASED);
    expect(order.operations.filter((o) => o.sequence === "10")).toHaveLength(1);
    const rows = encoded(order)["ProdutionOrderRouteOperations"] as Record<string, unknown>[];
    expect(rows.map((r) => `${String(r["OperationNumber"])}/${String(r["OperationPriority"])}`)).toEqual(["10/Primary", "10/Secondary1", "20/Primary", "20/Secondary2"]);
    const without20 = encoded({ ...order, operations: order.operations.filter((o) => o.sequence !== "20") });
    expect((without20["ProdutionOrderRouteOperations"] as unknown[]).length).toBe(2);
  });

  it("reads a bundle and writes it back as a bundle, with issue paths into the bundle", () => {
    const wire = productionOrderMapper.decodeWire(fixtureText("production-order/order-created-bundle.json"), CONTEXT);
    expect(wire.ok).toBe(true);
    const order = wire.ok && wire.results[0]?.ok ? wire.results[0].value : undefined;
    expect(order?.operations.map((o) => o.sequence)).toEqual(["10"]);
    expect(order?.components.map((c) => [c.item, c.requiredQuantity.unit, c.material.id.scope?.value])).toEqual([["1", "H87", "DEMF"], ["1.5", "H87", "demf"]]);
    const back = order ? productionOrderMapper.encode(order, CONTEXT) : undefined;
    expect(back?.ok && Object.keys(back.value)).toEqual(["ProductionOrderHeaders", "ProductionOrderBillOfMaterialLines", "ProductionOrderRouteOperations", "ReleasedProductsV2"]);
    const lines = BUNDLE["ProductionOrderBillOfMaterialLines"] as Record<string, unknown>[];
    const bad = productionOrderMapper.decodeWire({ ...BUNDLE, ProductionOrderBillOfMaterialLines: [lines[0], { ...lines[1], BOMLineQuantity: "64,5" }] }, CONTEXT);
    expect(bad.ok && !bad.results[0]?.ok && bad.results[0]?.issues.map((i) => i.path)).toEqual(["/ProductionOrderBillOfMaterialLines/1/BOMLineQuantity"]);
    const orphan = productionOrderMapper.decodeWire({ ...BUNDLE, ProductionOrderBillOfMaterialLines: [{ ...lines[0], ProductionOrderNumber: "P-OTHER" }] }, CONTEXT);
    expect(!orphan.ok && orphan.issues.map((i) => [i.path, i.code])).toEqual([["/ProductionOrderBillOfMaterialLines/0", D365_CODES.bundleOrphan]]);
  });

  it("keeps ETags per row, exposes the header's for If-Match and lists every resource with its key path", () => {
    const order = decoded(RELEASED);
    expect(productionOrderMapper.etag(order)).toBe('W/"JzEsNjg3MTk0NzY3MzsxJw=="');
    const resources = productionOrderMapper.encodeResources(order, CONTEXT);
    expect(resources.ok).toBe(true);
    if (!resources.ok) return;
    expect(resources.value.map((r) => r.keyPath)).toEqual([
      "ProductionOrderHeaders(dataAreaId='usmf',ProductionOrderNumber='P004711')",
      "ProductionOrderRouteOperations(dataAreaId='usmf',ProductionOrderNumber='P004711',OperationNumber=10,OperationPriority=Microsoft.Dynamics.DataEntities.RouteOprPriority'Primary')",
      "ProductionOrderRouteOperations(dataAreaId='usmf',ProductionOrderNumber='P004711',OperationNumber=10,OperationPriority=Microsoft.Dynamics.DataEntities.RouteOprPriority'Secondary1')",
      "ProductionOrderRouteOperations(dataAreaId='usmf',ProductionOrderNumber='P004711',OperationNumber=20,OperationPriority=Microsoft.Dynamics.DataEntities.RouteOprPriority'Primary')",
      "ProductionOrderRouteOperations(dataAreaId='usmf',ProductionOrderNumber='P004711',OperationNumber=20,OperationPriority=Microsoft.Dynamics.DataEntities.RouteOprPriority'Secondary2')",
      "ProductionOrderBillOfMaterialLines(dataAreaId='usmf',ProductionOrderNumber='P004711',LineNumber=1)",
      "ProductionOrderBillOfMaterialLines(dataAreaId='usmf',ProductionOrderNumber='P004711',LineNumber=2.5)",
    ]);
    expect(resources.value[0]?.etag).toBe('W/"JzEsNjg3MTk0NzY3MzsxJw=="');
    expect(resources.value[6]?.etag).toBe('W/"JzEsNjg3MTk0NzY3NTsxJw=="');
  });

  it("compares the company case-insensitively and refuses another company", () => {
    const order = decoded(STARTED);
    expect(order.id.scope?.value).toBe("USMF");
    const lower = productionOrderMapper.encode({ ...order, material: { id: { ...order.material.id, scope: { type: "company", value: "usmf" } } } }, CONTEXT);
    expect(lower.ok && (lower.value as Record<string, unknown>)["dataAreaId"]).toBe("USMF");
    const other = productionOrderMapper.encode({ ...order, material: { id: { ...order.material.id, scope: { type: "company", value: "demf" } } } }, CONTEXT);
    expect(other.ok).toBe(false);
  });

  it("refuses bad values with the property named: NoYes spellings, decimal strings, non-ISO dates, missing keys", () => {
    const line = (RELEASED["ProdutionOrderBOMLines"] as Record<string, unknown>[])[0] ?? {};
    const route = (RELEASED["ProdutionOrderRouteOperations"] as Record<string, unknown>[])[0] ?? {};
    const cases: [Record<string, unknown>, string][] = [
      [withProps(RELEASED, { ScheduledQuantity: "64,5" }), "/ScheduledQuantity"],
      [withProps(RELEASED, { ProdutionOrderRouteOperations: [{ ...route, IsOperationStarted: "True" }] }), "/ProdutionOrderRouteOperations/0/IsOperationStarted"],
      [withProps(RELEASED, { ProdutionOrderBOMLines: [{ ...line, BOMLineQuantity: "3,125" }] }), "/ProdutionOrderBOMLines/0/BOMLineQuantity"],
      [withProps(RELEASED, { ScheduledStartDate: "04.05.2026" }), "/ScheduledStartDate"],
      [withProps(RELEASED, { dataAreaId: undefined }), "/dataAreaId"],
      [withProps(RELEASED, { ReleasedProductV2: { dataAreaId: "usmf", ItemNumber: "FG-PH-200" } }), "/ReleasedProductV2"],
      [withProps(RELEASED, { ProdutionOrderBOMLines: { results: [] } }), "/ProdutionOrderBOMLines"],
    ];
    for (const [row, path] of cases) {
      const r = productionOrderMapper.decode(row, CONTEXT);
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.path), path).toContain(path);
    }
  });

  it("writes canonical orders from other systems with their plant as the company and the unit as the product's", () => {
    const order = decoded(RELEASED);
    const { extensions: _e, ...fresh } = order;
    const unscoped = <T extends { scope?: unknown }>(id: T) => ({ ...id, scope: undefined });
    const components = fresh.components.map((c) => ({ ...c, material: { id: unscoped(c.material.id) }, lot: c.lot && unscoped(c.lot) }));
    const r = productionOrderMapper.encode(JSON.parse(JSON.stringify({ ...fresh, components, id: { value: "P9", scheme: D365_SCHEME }, material: { id: { value: "FG-1", scheme: D365_SCHEME } }, plannedQuantity: { value: "7.50", unit: "KGM" } })) as ProductionOrder, CONTEXT);
    expect(r.ok, JSON.stringify(r.ok ? [] : r.issues)).toBe(true);
    if (!r.ok) return;
    const row = r.value as Record<string, unknown>;
    expect(row["dataAreaId"]).toBe("2");
    expect(row["ReleasedProductV2"]).toEqual({ dataAreaId: "2", ItemNumber: "FG-1", InventoryUnitSymbol: "kg" });
    expect(row["@odata.etag"]).toBeUndefined();
  });
});

describe("d365:production-order, found by the fuzz suite", () => {
  const route = () => (decoded(RELEASED).extensions?.["d365"] as Record<string, unknown[]>)["ProdutionOrderRouteOperations"] as Record<string, unknown>[];
  /** The released order with one kept route row changed (the bookkeeping comes back from outside). */
  const withKeptRoute = (j: number, patch: Record<string, unknown>): ProductionOrder => {
    const order = decoded(RELEASED);
    const d365 = order.extensions?.["d365"] as Record<string, unknown>;
    const rows = route().map((r, i) => (i === j ? { ...r, ...patch } : r));
    return { ...order, extensions: { ...order.extensions, d365: { ...d365, ProdutionOrderRouteOperations: rows } } } as ProductionOrder;
  };

  it("refuses a SourceRouteId or SourceBOMId longer than the canonical limit (64)", () => {
    for (const prop of ["SourceRouteId", "SourceBOMId"]) {
      const r = productionOrderMapper.decode(withProps(RELEASED, { [prop]: "R".repeat(65) }), CONTEXT);
      expect(!r.ok && r.issues.map((i) => [i.path, i.code]), prop).toEqual([[`/${prop}`, "value.too-big"]]);
    }
  });

  it("refuses a dataAreaId longer than an identifier scope can be (64)", () => {
    const r = productionOrderMapper.decode(withProps(FINISHED, { dataAreaId: "c".repeat(65) }), CONTEXT);
    expect(!r.ok && r.issues.map((i) => i.path)).toContain("/dataAreaId");
  });

  it("checks kept secondary route rows before writing them: catalog values and still a secondary row of its operation", () => {
    expect(route()[1]?.["OperationPriority"]).toBe("Secondary1");
    for (const [patch, path] of [
      [{ RouteType: true }, "/extensions/d365/ProdutionOrderRouteOperations/1/RouteType"],
      [{ dataAreaId: { x: 1 } }, "/extensions/d365/ProdutionOrderRouteOperations/1/dataAreaId"],
      [{ OperationPriority: "Primary" }, "/extensions/d365/ProdutionOrderRouteOperations/1"],
      [{ OperationNumber: 30 }, "/extensions/d365/ProdutionOrderRouteOperations/1"],
    ] as const) {
      const r = productionOrderMapper.encode(withKeptRoute(1, patch), CONTEXT);
      expect(!r.ok && r.issues.map((i) => i.path), JSON.stringify(patch)).toEqual([path]);
    }
    expect(productionOrderMapper.encode(withKeptRoute(1, {}), CONTEXT).ok).toBe(true);
  });

  it("a bundle gives one ReleasedProductsV2 row per header: a second is refused, not dropped", () => {
    const rows = BUNDLE["ReleasedProductsV2"] as Record<string, unknown>[];
    const r = productionOrderMapper.decode({ ...BUNDLE, ReleasedProductsV2: [rows[0], { ...rows[0], InventoryUnitSymbol: "kg" }] }, CONTEXT);
    expect(!r.ok && r.issues.map((i) => [i.path, i.code])).toEqual([["/ReleasedProductsV2/1", D365_CODES.bundleInvalid]]);
  });

  it("encode refuses a kept bundle shape naming keys the bundle has not, and a released product of another item", () => {
    const order = decoded(BUNDLE);
    const books = order.extensions?.["mfgsync"] as Record<string, Record<string, unknown>>;
    const shape = books["d365"]?.["bundle"] as Record<string, unknown>;
    const rows = shape["rows"] as Record<string, unknown>;
    const badShape = { ...order, extensions: { ...order.extensions, mfgsync: { ...books, d365: { ...books["d365"], bundle: { ...shape, rows: { ...rows, ReleasedProductV2: { key: "undefined", form: "array" } } } } } } };
    const r = productionOrderMapper.encode(badShape, CONTEXT);
    expect(!r.ok && r.issues.map((i) => [i.path, i.code])).toEqual([["/extensions/mfgsync/d365/bundle", D365_CODES.bundleInvalid]]);
    const otherItem = productionOrderMapper.encode({ ...order, material: { ...order.material, id: { ...order.material.id, value: "OTHER-1" } } }, CONTEXT);
    expect(!otherItem.ok && otherItem.issues.map((i) => [i.path, i.code])).toEqual([["/extensions/d365/ReleasedProductV2", D365_CODES.bundleOrphan]]);
  });

  it("declares the leading zeros a D365 number cannot keep: a component item \"01\" reads back as \"1\"", () => {
    const paths = productionOrderMapper.declaration.knownLoss.map((l) => l.path);
    expect(paths).toEqual(expect.arrayContaining(["/components/*/item", "/components/*/issuingOperation", "/operations/*/sequence"]));
    const order = decoded(RELEASED);
    const encoded = productionOrderMapper.encode({ ...order, components: order.components.map((c, i) => (i === 0 ? { ...c, item: "01" } : c)) }, CONTEXT);
    if (!encoded.ok) throw new Error(JSON.stringify(encoded.issues));
    expect(decoded(encoded.value).components[0]?.item).toBe("1");
  });
});
