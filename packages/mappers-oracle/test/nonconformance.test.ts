import type { Nonconformance } from "@mfgsync/canonical";
import { safeParseNonconformance } from "@mfgsync/canonical";
import { arbitraryNonconformance } from "@mfgsync/canonical/testing";
import { ORACLE_VENDOR, qualityIssueMapper } from "@mfgsync/mappers-oracle";
import type { MappingContext } from "@mfgsync/mapping";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { fixtureEntities, fixtureText } from "./helpers/fixtures.js";
import { NONCONFORMANCE_CONTEXT, fitNonconformance } from "./helpers/fit-nonconformance.js";
import { ORACLE_TEST_UNITS, SCHEME } from "./helpers/fit.js";

const [BURR, CUSTOMER] = fixtureEntities("nonconformance/quality-issues-v3-affected-and-actions.json") as [Record<string, unknown>, Record<string, unknown>];
const SUPPLIER = fixtureEntities("nonconformance/quality-issue-v2-bare-arrays.json")[0] as Record<string, unknown>;
/** Attributes seen in Oracle's qualityIssues reference and use case but not in the field catalog. */
const UNCATALOGUED = ["OrganizationCode", "ReportedBy", "ReportedDate"];

describeConformance("oracle:nonconformance", {
  mapper: qualityIssueMapper,
  fixtures: [
    { name: "issue with item, lot, work order and inspection rows and an action, framework v3 collections, local offsets", vendor: BURR },
    { name: "customer issue without description or severity, empty collections", vendor: CUSTOMER },
    { name: "supplier issue, framework v2 bare arrays, a lot row without id, an action as source, Security rows", vendor: SUPPLIER },
  ],
  arbitrary: arbitraryNonconformance({ scheme: SCHEME, units: ORACLE_TEST_UNITS }),
  fit: fitNonconformance,
  context: NONCONFORMANCE_CONTEXT,
  numRuns: 150,
  allowUncatalogued: UNCATALOGUED,
});

function decoded(vendor: unknown, context: MappingContext | undefined = NONCONFORMANCE_CONTEXT): Nonconformance {
  const r = qualityIssueMapper.decode(vendor as never, context);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  expect(safeParseNonconformance(r.value).ok).toBe(true);
  return r.value;
}

describe("oracle:nonconformance decode", () => {
  it("reads the issue number as the id, IssueId as a cross-reference, and the tenant codes through the code tables", () => {
    const nc = decoded(BURR);
    expect(nc.id).toEqual({ value: "ISSUE151", scheme: "oracle-fusion" });
    expect(nc.crossReferences).toEqual([{ value: "300100115930062", scheme: "oracle-fusion.quality-issue-id" }]);
    expect([nc.type, nc.severity, nc.source, nc.status, nc.disposition]).toEqual([
      { value: "Product", originalCode: "300100190000301", originalList: "oracle:QualityTypeId" },
      { value: "Major", originalCode: "ORA_HIGH", originalList: "oracle:QualityIssueSeverity" },
      { value: "Internal", originalCode: "ORA_QUALITY", originalList: "oracle:QualityIssueSource" },
      { value: "UnderInvestigation", originalCode: "300100190000102", originalList: "oracle:WorkflowStatusId" },
      { value: "Rework", originalCode: "ORA_REWORK", originalList: "oracle:QualityIssueDisposition" },
    ]);
    expect([nc.title, nc.plant, nc.reportedBy, Date.parse(nc.openedAt), Date.parse(nc.dueAt ?? "")]).toEqual([
      "Burr on flange face of GBX-220 housings", "MX1", "SHIFT.LEAD", Date.parse("2026-12-04T01:30:00Z"), Date.parse("2026-12-10T23:00:00Z"),
    ]);
    expect(nc.extensions?.["oracle"]).toMatchObject({ Downtime: 20, AssignedTo: "QUALITY.ENGINEER", DispositionComment: "Deburr and re-inspect", OrganizationId: 300100000000204 });
  });

  it("reads codes no table names as Other with the code kept, and empty codes as Other", () => {
    const nc = decoded(BURR, {});
    expect([nc.type.value, nc.severity.value, nc.status.value, nc.severity.originalCode]).toEqual(["Other", "Other", "Other", "ORA_HIGH"]);
    expect(decoded(CUSTOMER).severity).toEqual({ value: "Other" });
    expect(decoded(SUPPLIER).type).toEqual({ value: "Other" });
  });

  it("reads the affected objects: item, lot and work order by id; other types name nothing", () => {
    expect(decoded(BURR).affected).toEqual([
      { material: { id: { value: "300100111016254", scheme: "oracle-fusion.inventory-item-id" } } },
      { lot: { value: "300100111099001", scheme: "oracle-fusion.lot-id" } },
      { order: { value: "300100120005521", scheme: "oracle-fusion.work-order-id" } },
      {},
    ]);
    expect(decoded(SUPPLIER).affected).toEqual([{ material: { id: { value: "300100111020040", scheme: "oracle-fusion.inventory-item-id" } } }, {}]);
    const tenant = { ...NONCONFORMANCE_CONTEXT, codeTables: { ...NONCONFORMANCE_CONTEXT.codeTables, "oracle:SupportedEntityCode": { ORA_ITEM: "material", ITEM: "none" } } };
    expect(decoded({ ...SUPPLIER, AffectedObjects: [{ SupportedEntityCode: "ORA_ITEM", ObjectId: 7 }, { SupportedEntityCode: "ITEM", ObjectId: 8 }] }, tenant).affected).toEqual([
      { material: { id: { value: "7", scheme: "oracle-fusion.inventory-item-id" } } }, {},
    ]);
  });

  it("reads the relationships to quality actions as CAPA references, whichever side the action is on", () => {
    expect(decoded(BURR).capaReferences).toEqual([{ value: "300100116000017", scheme: "oracle-fusion.quality-action-id" }]);
    expect(decoded(SUPPLIER).capaReferences).toEqual([{ value: "300100116000031", scheme: "oracle-fusion.quality-action-id" }]);
    expect(decoded(CUSTOMER).capaReferences).toBeUndefined();
  });

  it("reads a missing Description as the Name, and CustomerId as the customer complaint", () => {
    const nc = decoded(CUSTOMER);
    expect(nc.description).toBe("Customer return: cracked bracket");
    expect(nc.complaint).toEqual({ party: { value: "Customer" }, partner: { value: "300100050001234", scheme: "oracle-fusion.customer-id" } });
    expect(decoded({ ...CUSTOMER, Name: null }).description).toBe("Quality issue ISSUE159");
  });
});

describe("oracle:nonconformance encode", () => {
  const strip = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === "links" ? undefined : x)));
  it("writes every fixture back exactly: nulls, exact ids, offsets as read, collection shapes", () => {
    for (const vendor of [BURR, CUSTOMER, SUPPLIER]) {
      const r = qualityIssueMapper.encodeWire(decoded(vendor), NONCONFORMANCE_CONTEXT);
      expect(r.ok ? JSON.parse(r.value) : r.issues).toEqual(strip(JSON.parse(JSON.stringify(vendor, (_k, x: unknown) => (typeof x === "object" && x !== null && "text" in x ? Number((x as { text: string }).text) : x)))));
    }
    const wire = qualityIssueMapper.encodeWire(decoded(BURR), NONCONFORMANCE_CONTEXT);
    expect(wire.ok && wire.value).toContain('"ReportedDate":"2026-12-03T19:30:00-06:00"');
    expect(wire.ok && wire.value).toContain('"Description":null,"QualityTypeId"'.slice(0, 0) + '"Downtime":20');
  });

  it("writes changed CAPA references: kept rows stay, new actions get a row", () => {
    const nc = decoded(BURR);
    const r = qualityIssueMapper.encode({ ...nc, capaReferences: [{ value: "300100116000099", scheme: "oracle-fusion.quality-action-id" }, { value: "300100116000017", scheme: "oracle-fusion.quality-action-id" }] }, NONCONFORMANCE_CONTEXT);
    expect(r.ok ? [] : r.issues).toEqual([]);
    const rows = ((r.ok ? r.value : {}) as { Relationships: { items: Record<string, unknown>[] } }).Relationships.items;
    expect(rows.map((x) => [x["DestObjType"], Number(x["DestObjId"])])).toEqual([["ORA_ISSUE", 300100115930001], ["ORA_ACTION", 300100116000099], ["ORA_ACTION", 300100116000017]]);
  });

  it("writes a fresh nonconformance from another system through the code tables", () => {
    const { extensions: _e, ...nc } = decoded(BURR);
    const fresh: Nonconformance = { ...nc, severity: { value: "Critical" }, status: { value: "Closed" }, affected: [{ lot: { value: "42", scheme: "oracle-fusion.lot-id" } }], capaReferences: undefined };
    const r = qualityIssueMapper.encode(fresh, NONCONFORMANCE_CONTEXT);
    expect(r.ok ? [] : r.issues).toEqual([]);
    const out = (r.ok ? r.value : {}) as Record<string, unknown>;
    expect([out["Severity"], out["WorkflowStatusId"], out["AffectedObjects"], "Relationships" in out]).toEqual(["ORA_CRITICAL", 300100190000104, [{ SupportedEntityCode: "LOT", ObjectId: 42 }], false]);
  });

  it("refuses what an Oracle quality issue cannot hold, naming the canonical path", () => {
    const nc = decoded(BURR);
    const paths = (c: Nonconformance, context?: MappingContext) => {
      const r = qualityIssueMapper.encode(c, context ?? NONCONFORMANCE_CONTEXT);
      return r.ok ? [] : r.issues.map((i) => i.path);
    };
    expect(paths({ ...nc, affected: [{ material: { id: { value: "1", scheme: "oracle-fusion.inventory-item-id" } }, lot: { value: "2", scheme: "oracle-fusion.lot-id" } }] })).toEqual(["/affected/0/lot"]);
    expect(paths({ ...nc, affected: [{ order: { value: "WO-1", scheme: "oracle-fusion.work-order-id" } }] })).toEqual(["/affected/0/order/value"]);
    expect(paths({ ...nc, severity: { value: "Critical" } }, {})).toContain("/severity/value");
    expect(paths({ ...nc, capaReferences: [{ value: "CAPA-1", scheme: "qms" }] })).toEqual(["/capaReferences/0"]);
    expect(paths({ ...nc, complaint: { party: { value: "Supplier" } } })).toEqual(["/complaint/party/value"]);
  });
});

describe("oracle:nonconformance bad input", () => {
  const bad = (patch: Record<string, unknown>, base: Record<string, unknown> = BURR) => {
    const r = qualityIssueMapper.decode({ ...base, ...patch } as never, NONCONFORMANCE_CONTEXT);
    return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.message}`);
  };
  it("refuses bad attributes with a JSON Pointer naming the Oracle attribute", () => {
    expect(bad({ Downtime: "20" })[0]).toMatch(/^\/Downtime /);
    expect(bad({ ReportedDate: undefined })[0]).toMatch(/^\/ReportedDate /);
    expect(bad({ ReportedDate: "03.12.2026" })[0]).toMatch(/^\/ReportedDate /);
    expect(bad({ WorkflowStatusId: "300100190000102" })[0]).toMatch(/^\/WorkflowStatusId /);
    expect(bad({ Disposition: "X".repeat(31) })[0]).toMatch(/^\/Disposition .*30/);
    expect(bad({ Severity: "X".repeat(31) })[0]).toMatch(/^\/Severity .*30/);
    expect(bad({ Source: "X".repeat(256) })[0]).toMatch(/^\/Source .*255/);
    expect(bad({ Description: "x".repeat(10001) })[0]).toMatch(/^\/Description /);
    expect(bad({ IssueNumber: null })[0]).toMatch(/^\/IssueNumber /);
    expect(bad({ OrganizationCode: "O".repeat(33) })[0]).toMatch(/^\/OrganizationCode /);
  });
  it("refuses bad child rows naming the row and attribute", () => {
    expect(bad({ AffectedObjects: [{ SupportedEntityCode: "ITEM", ObjectId: "300100111016254" }] })[0]).toMatch(/^\/AffectedObjects\/0\/ObjectId /);
    expect(bad({ AffectedObjects: [{ SupportedEntityCode: 5 }] })[0]).toMatch(/^\/AffectedObjects\/0\/SupportedEntityCode /);
    expect(bad({ Relationships: [{ DestObjType: "ORA_ACTION", DestObjId: 1.5 }] })[0]).toMatch(/^\/Relationships Relationships\/0\/DestObjId/);
    expect(bad({ Relationships: [7] })[0]).toMatch(/^\/Relationships Relationships\/0/);
    expect(bad({ Relationships: { rows: [] } })[0]).toMatch(/^\/Relationships /);
  });
});

describe("ORACLE_VENDOR nonconformance", () => {
  it("registers the nonconformance mapper and reads whole payloads", () => {
    const mapper = ORACLE_VENDOR.mappers.nonconformance;
    expect(mapper?.entitySet).toBe("qualityIssues");
    const wire = mapper?.decodeWire(fixtureText("nonconformance/quality-issues-v3-affected-and-actions.json"));
    expect(wire?.ok && wire.results.map((r) => r.ok)).toEqual([true, true]);
  });
});
