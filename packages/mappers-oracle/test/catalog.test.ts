import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CatalogEntityInfo, CatalogPropertyInfo } from "@mfgsync/mapping";
import * as oracle from "@mfgsync/mappers-oracle";
import { ORACLE_CATALOGS, WORK_ORDER_CATALOG, type OracleCatalogPath } from "@mfgsync/mappers-oracle";
import { CATALOG_DIR, FIELD_CATALOG, GENERATED_DIR, ROOT, deriveOracleCatalogs, findShared } from "../../../scripts/oracle-catalog.js";
import type { OracleEntity, OracleProperty } from "../../../scripts/oracle-catalog/model.js";

const shared = findShared();
const catalogRoot = path.join(ROOT, CATALOG_DIR);

interface IndexFile {
  totals: Record<string, number>;
  resources: { resource: string; file: string; entities: { path: string; propertyCount: number; inferredPropertyCount: number; closedListCount: number }[] }[];
}
const index = JSON.parse(fs.readFileSync(path.join(catalogRoot, "index.json"), "utf8")) as IndexFile;
const committed = new Map<string, OracleEntity>();
for (const r of index.resources) {
  const file = JSON.parse(fs.readFileSync(path.join(catalogRoot, r.file), "utf8")) as { resource: string; entities: OracleEntity[] };
  for (const e of file.entities) committed.set(e.path, e);
}

function entity(p: string): OracleEntity {
  const e = committed.get(p);
  if (!e) throw new Error(`no committed catalog for ${p}`);
  return e;
}

function prop(p: string, name: string): OracleProperty {
  const found = entity(p).properties.find((x) => x.name === name);
  if (!found) throw new Error(`${p}.${name} not catalogued`);
  return found;
}

const RUNTIME_PROPERTY_KEYS = ["name", "edmType", "maxLength", "nullable", "precision", "scale", "readOnly", "enumMembers", "knownValues", "evidence", "inferred", "inferredNote"];

/** The runtime part of a committed JSON entity: what the generated constants must hold. */
function runtimeOf(e: OracleEntity): CatalogEntityInfo {
  return {
    entitySet: e.entitySet,
    keys: e.keys,
    properties: e.properties.map((p) => Object.fromEntries(RUNTIME_PROPERTY_KEYS.filter((k) => k in p).map((k) => [k, p[k as keyof OracleProperty]])) as unknown as CatalogPropertyInfo),
    navigationProperties: e.navigationProperties.map((n) => ({ name: n.name, multiplicity: n.multiplicity, target: n.target })),
    derivedFrom: e.derivedFrom,
  };
}

describe("Oracle entity catalogs", () => {
  it.skipIf(shared === undefined)("committed catalogs and generated TS match the field catalog (run `pnpm run generate:oracle-catalog`)", () => {
    const expected = deriveOracleCatalogs(shared as string);
    for (const [rel, content] of expected) expect(fs.readFileSync(path.join(ROOT, rel), "utf8"), rel).toBe(content);
    const jsonFiles = fs.readdirSync(catalogRoot).filter((f) => f.endsWith(".json")).sort();
    expect(jsonFiles).toEqual([...expected.keys()].filter((k) => k.startsWith(`${CATALOG_DIR}/`)).map((k) => k.slice(CATALOG_DIR.length + 1)).sort());
    expect(expected.has(`${GENERATED_DIR}/wire-types.ts`)).toBe(true);
  });

  it.skipIf(shared === undefined)("every typed attribute of the field catalog keeps its name, EDM type, length and evidence tag", () => {
    const raw = JSON.parse(fs.readFileSync(path.join(shared as string, FIELD_CATALOG), "utf8")) as {
      resources: Record<string, { fields?: unknown }>;
    };
    const edm: Record<string, string> = { string: "Edm.String", number: "Edm.Decimal", integer: "Edm.Int64", boolean: "Edm.Boolean", date: "Edm.Date", "date-time": "Edm.DateTimeOffset" };
    let checked = 0;
    for (const [resource, node] of Object.entries(raw.resources)) {
      expect(committed.has(resource), resource).toBe(true);
      if (typeof node.fields !== "object" || node.fields === null || Array.isArray(node.fields)) continue;
      for (const [name, f] of Object.entries(node.fields as Record<string, { type: string; ev: string }>)) {
        const m = /^([a-z-]+)(?:\((\d+)\))?$/.exec(f.type);
        const p = prop(resource, name);
        expect(p.edmType, `${resource}.${name}`).toBe(edm[m?.[1] ?? ""]);
        expect(p.maxLength, `${resource}.${name}`).toBe(m?.[2] === undefined ? p.maxLength : Number(m[2]));
        expect(p.evidence, `${resource}.${name}`).toBe(f.ev);
        if (f.ev.split("/").includes("I")) expect(p.inferred, `${resource}.${name}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("index.json lists every resource file and entity with its counts", () => {
    const files = fs.readdirSync(catalogRoot).filter((f) => f.endsWith(".json") && f !== "index.json").sort();
    expect(index.resources.map((r) => r.file).sort()).toEqual(files);
    let properties = 0;
    for (const r of index.resources) {
      for (const row of r.entities) {
        const e = entity(row.path);
        expect(e.path.split("/")[0]).toBe(r.resource);
        expect(e.properties.length, row.path).toBe(row.propertyCount);
        expect(e.properties.filter((p) => p.inferred).length, row.path).toBe(row.inferredPropertyCount);
        properties += row.propertyCount;
      }
    }
    expect(index.totals["propertyCount"]).toBe(properties);
    expect(index.totals["entityCount"]).toBe(committed.size);
  });

  it("covers the resources and child resources the mappers need", () => {
    for (const p of [
      "workOrders", "workOrders/WorkOrderOperation", "workOrders/WorkOrderOperation/WorkOrderOperationMaterial",
      "workOrders/WorkOrderOperation/WorkOrderOperationResource", "workOrders/WorkOrderOperation/WorkOrderOperationOutput",
      "workOrders/WorkOrderMaterial", "workOrders/WorkOrderResource", "workOrders/WorkOrderLotNumber", "workOrders/WorkOrderSerialNumber",
      "processWorkOrders", "processWorkOrders/Operation", "processWorkOrders/Operation/Material", "processWorkOrders/Operation/Output",
      "itemsV2", "itemsV2/ItemRevision", "itemsV2/ItemCategory", "itemsV2/ItemTranslation", "inventoryItemLots",
      "genealogyObjects", "genealogyObjects/genealogyTransactions", "genealogyRelationships",
      "inspectionEvents", "inspectionEvents/EventDisposition", "inspectionEvents/Sample", "inspectionEvents/Sample/SampleDisposition",
      "inspectionEvents/samplesAndResults", "inspectionEvents/eventCharacteristics",
      "qualityIssues", "qualityIssues/AffectedObjects", "qualityIssues/Relationships", "workOrderStatuses",
    ] as const satisfies readonly OracleCatalogPath[]) {
      expect(committed.has(p), p).toBe(true);
      expect(ORACLE_CATALOGS[p], p).toBeDefined();
    }
  });

  it("maps Oracle JSON types to EDM types and reads lengths", () => {
    expect(prop("workOrders", "PlannedStartQuantity")).toMatchObject({ edmType: "Edm.Decimal", precision: null, scale: null, evidence: "P/C" });
    expect(prop("workOrders", "PlannedStartQuantity").inferred).toBeUndefined();
    expect(prop("workOrders", "WorkOrderId")).toMatchObject({ edmType: "Edm.Int64", nullable: false });
    expect(prop("itemsV2", "ItemId").edmType).toBe("Edm.Int64");
    expect(prop("workOrders", "ClosedDate").edmType).toBe("Edm.DateTimeOffset");
    expect(prop("workOrderStatuses", "InactiveDate").edmType).toBe("Edm.Date");
    expect(prop("workOrders/WorkOrderLotNumber", "LotExpirationDate").edmType).toBe("Edm.Date");
    expect(prop("itemsV2/ItemCategory", "StartDate").edmType).toBe("Edm.Date");
    expect(prop("workOrders", "ExplosionFlag").edmType).toBe("Edm.Boolean");
    expect(prop("workOrders", "CanceledReason")).toMatchObject({ edmType: "Edm.String", maxLength: 240 });
    expect(prop("workOrders", "CompletionSubinventoryCode").maxLength).toBe(10);
    expect(prop("inventoryItemLots", "ActiveLot").maxLength).toBe(80);
    expect(prop("genealogyObjects/genealogyTransactions", "Document").maxLength).toBe(240);
    expect(prop("genealogyObjects/genealogyTransactions", "Quantity").edmType).toBe("Edm.Decimal");
    expect(prop("workOrders/WorkOrderOperation", "OperationSequenceNumber")).toMatchObject({ edmType: "Edm.Decimal" });
    expect(prop("qualityProblemReports/problemReportTasks", "StatusCode").edmType).toBe("Edm.Int64");
    expect(prop("workOrders", "WorkOrderNumber").maxLength).toBeNull();
  });

  it("records keys, and hash keys as path keys rather than attributes", () => {
    expect(entity("workOrders").keys).toEqual(["WorkOrderId"]);
    expect(entity("workOrders/WorkOrderOperation").keys).toEqual(["WorkOrderOperationId"]);
    expect(entity("qualityIssues").keys).toEqual(["IssueId"]);
    expect(entity("inspectionEvents").keys).toEqual(["IpEventId"]);
    expect(prop("inspectionEvents", "IpEventId")).toMatchObject({ edmType: "Edm.Int64", nullable: false });
    // Typed by notes §1 (numeric id in the path), not by the name rule; only its read-only status is assumed.
    expect(prop("inspectionEvents", "IpEventId")).toMatchObject({ oracleType: "integer", readOnly: true, inferredNote: expect.not.stringMatching(/type inferred/) });
    expect(entity("genealogyObjects").keys).toEqual(["GenealogyInstanceId"]);
    expect(entity("itemsV2").keys).toEqual(["ItemId", "OrganizationId"]);
    expect(entity("itemsV2").pathKey?.name).toBe("itemsV2UniqID");
    expect(entity("processWorkOrders").keys).toEqual([]);
    expect(entity("processWorkOrders").pathKey).toMatchObject({ name: "processWorkOrdersUniqID", kind: "hash" });
    expect(entity("inventoryItemLots").pathKey?.name).toBe("inventoryItemLotsUniqID");
    for (const e of committed.values()) {
      for (const k of e.keys) expect(e.properties.find((p) => p.name === k)?.nullable, `${e.path}.${k}`).toBe(false);
      expect(e.properties.some((p) => p.name.endsWith("UniqID")), e.path).toBe(false);
    }
  });

  it("makes child resources collection navigations whose targets are catalogued", () => {
    expect(WORK_ORDER_CATALOG.navigationProperties).toContainEqual({ name: "WorkOrderOperation", multiplicity: "*", target: "workOrders/WorkOrderOperation" });
    expect(entity("workOrders/WorkOrderOperation").navigationProperties.map((n) => n.name)).toEqual(
      expect.arrayContaining(["WorkOrderOperationMaterial", "WorkOrderOperationResource", "WorkOrderOperationOutput"]),
    );
    expect(entity("inspectionEvents/Sample").navigationProperties.map((n) => n.name)).toEqual(["SampleDisposition"]);
    expect(entity("processWorkOrders/Operation").navigationProperties.map((n) => n.name)).toEqual(expect.arrayContaining(["Material", "Output", "Resource"]));
    for (const e of committed.values()) {
      for (const n of e.navigationProperties) {
        expect(n.multiplicity).toBe("*");
        const target = committed.get(n.target);
        expect(target?.parent, `${e.path} -> ${n.name}`).toBe(e.path);
        expect(target?.entitySet).toBe(n.name);
        expect(e.properties.some((p) => p.name === n.name), `${e.path}.${n.name}`).toBe(false);
      }
    }
    // Named only in words by the field catalog: the wire name comes from the notes and is flagged.
    expect(entity("inventoryItemLots").navigationProperties).toContainEqual(expect.objectContaining({ name: "lotStandardDFF", inferred: true }));
  });

  it("closes a code list only where an Oracle document gives it; lookups and tenant codes stay open", () => {
    expect(prop("inspectionEvents/EventDisposition", "Disposition").enumMembers).toEqual(["ACCEPT", "REJECT", "COMPLETE", "PENDING"]);
    expect(prop("inspectionEvents/Sample/SampleDisposition", "Disposition").enumMembers).toEqual(["ACCEPT", "REJECT"]);
    const user = prop("workOrders", "WorkOrderStatusCode");
    expect(user.enumMembers).toBeUndefined();
    expect(user.knownValues).toContain("ORA_RELEASED");
    expect(user.knownValues?.some((v) => v.startsWith("<"))).toBe(false); // the "<user-defined codes>" placeholder
    const system = prop("workOrders", "WorkOrderSystemStatusCode");
    expect(system.enumMembers).toBeUndefined();
    expect(system).toMatchObject({ knownValues: expect.arrayContaining(["RELEASED", "CANCELED"]), inferred: true });
    expect(prop("itemsV2", "LotControlCode").knownValues).toEqual(["1", "2"]);
    expect(prop("inventoryItemLots", "StatusCode").knownValues).toEqual(["Active", "Hold"]);
    const closed = [...committed.values()].flatMap((e) => e.properties.filter((p) => p.enumMembers !== undefined));
    expect(closed).toHaveLength(2);
    for (const p of closed) expect(p.evidence?.split("/")).toContain("D");
  });

  it("marks read-only views, surrogate ids and actuals read-only, and only the views without an assumption", () => {
    const view = entity("workOrders/WorkOrderMaterial");
    expect(view.access).toBe("GET only");
    expect(view.properties.length).toBeGreaterThan(10);
    for (const p of view.properties) expect(p).toMatchObject({ readOnly: true, inferred: true }); // attribute list copied from the operation material
    expect(view.properties.map((p) => p.name)).toEqual(expect.arrayContaining(["OperationSequenceNumber", "Quantity", "MaterialSequenceNumber"]));
    expect(entity("workOrders/WorkOrderResource").properties.every((p) => p.readOnly)).toBe(true);
    expect(prop("workOrders/WorkOrderOperation/WorkOrderOperationMaterial", "BasisType").readOnly).toBeUndefined();
    expect(prop("workOrders", "WorkOrderId")).toMatchObject({ readOnly: true, inferred: true, inferredNote: expect.stringMatching(/surrogate/) });
    expect(prop("workOrders", "CompletedQuantity")).toMatchObject({ readOnly: true, inferred: true, inferredNote: expect.stringMatching(/PATCH/) });
    expect(prop("workOrders", "PlannedStartQuantity").readOnly).toBeUndefined();
    expect(prop("itemsV2", "OrganizationId").readOnly).toBeUndefined(); // POST requires it
  });

  it("marks every fact that rests on an I tag or an assumption as inferred, and explains it", () => {
    expect(prop("inventoryItemLots", "OriginationDate")).toMatchObject({ edmType: "Edm.Date", evidence: "C/I", inferred: true });
    expect(prop("inventoryItemLots", "SupplierLotNumber")).toMatchObject({ evidence: "X/I", inferred: true });
    expect(prop("workOrders/WorkOrderOperation/WorkOrderOperationMaterial", "Quantity")).toMatchObject({ edmType: "Edm.Decimal", evidence: "I", inferred: true });
    expect(prop("unitsOfMeasure", "UOMCode")).toMatchObject({ maxLength: 3, evidence: "P/I", inferred: true });
    // Listed without a type: typed by naming convention, and said so.
    expect(prop("workOrders/WorkOrderOperation", "CountPointOperationFlag")).toMatchObject({ edmType: "Edm.Boolean", oracleType: "(not stated)", inferred: true });
    expect(prop("qualityIssues", "Severity")).toMatchObject({ edmType: "Edm.String", inferred: true });
    // Untyped in the field catalog; typed by a supplement from Oracle's reference, still inferred.
    expect(prop("qualityIssues", "Downtime")).toMatchObject({ edmType: "Edm.Int64", inferred: true, oracleType: "integer" });
    for (const e of committed.values()) {
      for (const p of e.properties) {
        if (p.inferred) expect(p.inferredNote, `${e.path}.${p.name}`).toBeTruthy();
        else expect(p.inferredNote, `${e.path}.${p.name}`).toBeUndefined();
        if (p.evidence?.split("/").includes("I") || p.oracleType === "(not stated)") expect(p.inferred, `${e.path}.${p.name}`).toBe(true);
        if (p.evidence !== undefined) expect(p.evidence, `${e.path}.${p.name}`).toMatch(/^[PDCXI](\/[PDCXI])*$/);
        // A property lacks a tag only where its entity has none in the field catalog.
        else expect(e.evidence, `${e.path}.${p.name}`).toBeUndefined();
        if (p.edmType !== "Edm.String") expect(p.maxLength, `${e.path}.${p.name}`).toBeNull();
      }
    }
  });

  it("exports the same runtime data as typed constants, without docs fields", () => {
    expect(Object.keys(ORACLE_CATALOGS).sort()).toEqual([...committed.keys()].sort());
    for (const [p, c] of Object.entries(ORACLE_CATALOGS)) {
      expect(JSON.parse(JSON.stringify(c)), p).toEqual(runtimeOf(entity(p)));
      for (const q of c.properties) for (const k of Object.keys(q)) expect(RUNTIME_PROPERTY_KEYS, `${p}.${q.name}.${k}`).toContain(k);
    }
    // Each constant is exported by name from the package, under the name the JSON gives it.
    const exported = oracle as unknown as Record<string, unknown>;
    for (const e of committed.values()) expect(exported[e.constName], e.constName).toBe(ORACLE_CATALOGS[e.path as OracleCatalogPath]);
  });

  it("src/index.ts re-exports every generated catalog constant and wire type by name", () => {
    const index = fs.readFileSync(path.join(ROOT, "packages/mappers-oracle/src/index.ts"), "utf8");
    const named = new Set(index.match(/\b[A-Za-z_]\w*\b/g));
    for (const file of ["catalog.ts", "wire-types.ts"]) {
      const src = fs.readFileSync(path.join(ROOT, GENERATED_DIR, file), "utf8");
      for (const m of src.matchAll(/^export (?:const|interface|type) (\w+)/gm)) expect(named.has(m[1] as string), `${file}: ${m[1]}`).toBe(true);
    }
    expect(index).not.toMatch(/export \*/);
  });
});
