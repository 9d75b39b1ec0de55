// mfgsync map and translate with the Dynamics 365 vendor: raw OData V4
// payloads (the D365 package's own synthetic fixtures) both ways, between
// vendors, and bad inputs refused with exit 1 naming the property.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const D365 = path.resolve(import.meta.dirname, "../../mappers-d365/fixtures/production-order");
const SAP = path.resolve(import.meta.dirname, "../../mappers-sap/fixtures/production-order");
const RELEASED = fs.readFileSync(path.join(D365, "orders-released-expanded-collection.json"), "utf8");

function contextFile(context: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-d365-"));
  const file = path.join(dir, "context.json");
  fs.writeFileSync(file, JSON.stringify(context));
  return file;
}
const CONTEXT = contextFile({ plantTimeZones: { "2": "America/Chicago", "DE-1": "Europe/Berlin" } });

/** A payload's rows without the transport annotations OData adds per response. */
function rows(text: string): unknown[] {
  const payload = JSON.parse(text) as { value?: unknown[] };
  return (payload.value ?? [payload]).map((row) => JSON.parse(JSON.stringify(row, (k, v: unknown) => (k === "@odata.context" ? undefined : v))) as unknown);
}

describe("mfgsync map --from d365 / --to d365", () => {
  it("maps a D365 collection to canonical production orders and back to the same rows", async () => {
    const down = await cli(["map", "--from", "d365", "--to", "canonical", "--entity", "production-order", "--context", CONTEXT, "-"], RELEASED);
    expect(down.err).toBe("");
    expect(down.code).toBe(0);
    const orders = JSON.parse(down.out) as { id: { value: string; scope: { value: string } }; state: { value: string } }[];
    expect(orders.map((o) => [o.id.value, o.id.scope.value, o.state.value])).toEqual([["P004711", "usmf", "Released"], ["P004712", "USMF", "Running"]]);
    const up = await cli(["map", "--from", "canonical", "--to", "d365", "--entity", "production-order", "--context", CONTEXT, "-"], down.out);
    expect(up.code).toBe(0);
    expect(JSON.parse(up.out)).toEqual(rows(RELEASED));
    expect(up.out).toMatch(/"ScheduledQuantity": ?40\.0,/);
  });

  it("maps a bundle (rows beside the header) and writes the bundle back", async () => {
    const bundle = fs.readFileSync(path.join(D365, "order-created-bundle.json"), "utf8");
    const down = await cli(["map", "--from", "d365", "--to", "canonical", "--entity", "production-order", "--context", CONTEXT, "-"], bundle);
    expect(down.code).toBe(0);
    const up = await cli(["map", "--from", "canonical", "--to", "d365", "--entity", "production-order", "--context", CONTEXT, "-"], down.out);
    expect(up.code).toBe(0);
    expect(JSON.parse(up.out)).toEqual([JSON.parse(bundle)]);
  });

  it("refuses bad D365 values with exit 1, naming the property", async () => {
    const cases: [string, string, string][] = [
      ['"ProductionOrderStatus": "Released"', '"ProductionOrderStatus": "Ended"', "/value/0/ProductionOrderStatus"],
      ['"ScheduledQuantity": 40.0', '"ScheduledQuantity": "64,5"', "/value/0/ScheduledQuantity"],
      ['"IsFullyConsumed": "No"', '"IsFullyConsumed": "True"', "/value/0/ProdutionOrderBOMLines/0/IsFullyConsumed"],
      ['"dataAreaId": "usmf",\n      "ProductionOrderNumber": "P004711"', '"ProductionOrderNumber": "P004711"', "/value/0/dataAreaId"],
    ];
    for (const [from, to, pointer] of cases) {
      expect(RELEASED.includes(from), from).toBe(true);
      const r = await cli(["map", "--from", "d365", "--to", "canonical", "--entity", "production-order", "--format", "json", "-"], RELEASED.replace(from, to));
      expect(r.code, to).toBe(1);
      expect(r.out + r.err, to).toContain(pointer);
      expect(r.out + r.err).not.toMatch(/\n\s+at /);
    }
    const bad = await cli(["map", "--from", "d365", "--to", "canonical", "--entity", "production-order", "-"], "{not json");
    expect(bad.code).toBe(1);
  });
});

describe("mfgsync map --from d365: value pages with extra keys (issue 11)", () => {
  const lots = fs.readFileSync(path.resolve(import.meta.dirname, "../../mappers-d365/fixtures/lot/item-batches-collection.json"), "utf8");
  const rowsOfLots = (JSON.parse(lots) as { value: unknown[] }).value;
  const next = "https://mfgsync-demo.operations.dynamics.com/data/ItemBatches?$skiptoken=ReRecId%3d5637144577";

  it("reads a page with @odata.context, @odata.count, @odata.nextLink, other annotations and a tool's own key as the collection", async () => {
    const plain = await cli(["map", "--from", "d365", "--to", "canonical", "--entity", "lot", "-"], JSON.stringify({ value: rowsOfLots }));
    expect(plain.code, plain.err).toBe(0);
    const expected = JSON.parse(plain.out) as unknown[];
    expect(expected.length).toBe(rowsOfLots.length);
    const pages = [
      { "@odata.context": "https://mfgsync-demo.operations.dynamics.com/data/$metadata#ItemBatches", "@odata.count": 250, value: rowsOfLots, "@odata.nextLink": next },
      { value: rowsOfLots, "@odata.nextLink": next, "@odata.deltaLink": next, "@Microsoft.Dynamics.DataEntities.Total": 250 },
      { "@odata.context": "https://mfgsync-demo.operations.dynamics.com/data/$metadata#ItemBatches", "@odata.count": 250, value: rowsOfLots, _synthetic: "generated" },
    ];
    for (const page of pages) {
      const r = await cli(["map", "--from", "d365", "--to", "canonical", "--entity", "lot", "-"], JSON.stringify(page));
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out)).toEqual(expected);
    }
  });

  it("reports the paging facts and the foreign key's warning in --format json", async () => {
    const page = { "@odata.context": "https://mfgsync-demo.operations.dynamics.com/data/$metadata#ItemBatches", "@odata.count": 250, value: rowsOfLots, "@odata.nextLink": next, _synthetic: "generated" };
    const r = await cli(["map", "--from", "d365", "--to", "canonical", "--entity", "lot", "--format", "json", "-"], JSON.stringify(page));
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out) as { ok: boolean; value: unknown[]; warnings?: { path: string; code: string }[] };
    expect([report.ok, report.value.length]).toEqual([true, rowsOfLots.length]);
    expect(r.out).toContain("d365.envelope.extra");
  });
});

describe("mfgsync map: every D365 fixture both ways", () => {
  const root = path.resolve(import.meta.dirname, "../../mappers-d365/fixtures");
  const context = contextFile({
    plantTimeZones: { "2": "America/Chicago" },
    units: { cP: "C7" },
    codeTables: { "d365:QualityTestUnit": { Viscosity: "cP", Diameter: "mm" }, "d365:BatchDispositionCode": { "QA-QUAR": "Unavailable" }, "d365:ProductLifecycleStateId": { Discontinued: "Obsolete" } },
  });
  const entities = ["material", "lot", "inspection", "nonconformance"] as const;
  for (const entity of entities) {
    for (const file of fs.readdirSync(path.join(root, entity)).filter((f) => f.endsWith(".json"))) {
      it(`${entity}/${file}`, async () => {
        const text = fs.readFileSync(path.join(root, entity, file), "utf8");
        const down = await cli(["map", "--from", "d365", "--to", "canonical", "--entity", entity, "--context", context, "-"], text);
        expect(down.code, down.err).toBe(0);
        const up = await cli(["map", "--from", "canonical", "--to", "d365", "--entity", entity, "--context", context, "-"], down.out);
        expect(up.code, up.err).toBe(0);
        const payload = JSON.parse(text) as Record<string, unknown>;
        const isBundle = !("value" in payload && Object.keys(payload).every((k) => k === "value" || k.startsWith("@"))) && Object.keys(payload).some((k) => k.endsWith("Headers"));
        const expected = isBundle ? [JSON.parse(JSON.stringify(payload, (k, v: unknown) => (k === "@odata.context" ? undefined : v)))] : rows(text);
        const written = JSON.parse(up.out) as unknown;
        const list = (Array.isArray(written) ? written : [written]) as Record<string, unknown>[];
        if (!isBundle || list.length === 1) expect(list).toEqual(expected);
        else {
          // A bundle of several headers is written back as one bundle per order: the same rows, regrouped.
          const flat = (bundles: Record<string, unknown>[]) => Object.fromEntries(Object.keys(payload).map((key) => [key, bundles.flatMap((b) => {
            const v = b[key] as { value?: unknown[] } | unknown[] | undefined;
            return Array.isArray(v) ? v : (v?.value ?? []);
          }).map((row) => JSON.stringify(row, (_k, v: unknown) => (v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v))).sort()]));
          expect(flat(list)).toEqual(flat(expected as Record<string, unknown>[]));
          expect(list.length).toBe(2);
        }
      });
    }
  }
});

describe("mfgsync translate with d365", () => {
  it("translates SAP production orders into D365 headers with their BOM lines and route", async () => {
    const sap = fs.readFileSync(path.join(SAP, "orders-1000123-released-collection.json"), "utf8");
    const sapContext = contextFile({ plantTimeZones: { "1010": "Europe/Berlin", "1710": "America/New_York" } });
    const r = await cli(["translate", "--from", "sap", "--to", "d365", "--entity", "production-order", "--keep-foreign-ids", "--from-context", sapContext, "--format", "json", "-"], sap);
    expect(r.code, r.out + r.err).toBe(0);
    const report = JSON.parse(r.out) as { ok: boolean; results?: { value?: Record<string, unknown> }[]; value?: unknown };
    const first = (report.results?.[0]?.value ?? (Array.isArray(report.value) ? report.value[0] : report.value)) as Record<string, unknown>;
    expect(first["ProductionOrderNumber"]).toBe("1000123");
    // Partially confirmed in SAP (PCNF): running, which D365 calls StartedUp.
    expect(first["ProductionOrderStatus"]).toBe("StartedUp");
    expect(first["dataAreaId"]).toBe(first["ProductionSiteId"]);
    expect((first["ProdutionOrderRouteOperations"] as Record<string, unknown>[])[0]?.["OperationPriority"]).toBe("Primary");
  });

  it("translates D365 production orders into SAP", async () => {
    const r = await cli(["translate", "--from", "d365", "--to", "sap", "--entity", "production-order", "--keep-foreign-ids", "--from-context", CONTEXT, "-"], fs.readFileSync(path.join(D365, "order-completed-single.json"), "utf8"));
    expect(r.code, r.err).toBe(0);
    const sap = JSON.parse(r.out) as Record<string, unknown>;
    expect(sap["ManufacturingOrder"]).toBe("P003990");
  });
});

describe("mfgsync demo: the D365 section", () => {
  it("maps every bundled D365 fixture to canonical and back without loss", async () => {
    const r = await cli(["demo", "--format", "json"]);
    const report = JSON.parse(r.out) as { sections: Array<{ id: string; items: Array<{ name: string; status: string }> }> };
    const d365 = report.sections.find((s) => s.id === "d365");
    expect(d365?.items.length).toBeGreaterThanOrEqual(10);
    expect(d365?.items.filter((i) => i.status !== "ok")).toEqual([]);
    for (const entity of ["production-order", "lot", "material", "inspection", "nonconformance"]) expect(d365?.items.some((i) => i.name.startsWith(`${entity}/`)), entity).toBe(true);
  });
});
