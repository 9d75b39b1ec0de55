import type { Inspection } from "@mfgsync/canonical";
import { safeParseInspection } from "@mfgsync/canonical";
import { arbitraryInspection } from "@mfgsync/canonical/testing";
import { ORACLE_VENDOR, inspectionMapper } from "@mfgsync/mappers-oracle";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { fixtureEntities, fixtureText } from "./helpers/fixtures.js";
import { ORACLE_TEST_UNITS, SCHEME, fitInspection } from "./helpers/fit.js";

const [SPLIT, PENDING] = fixtureEntities("inspection/inspection-events-v3-receiving-split.json") as [Record<string, unknown>, Record<string, unknown>];
const REJECTED = fixtureEntities("inspection/inspection-event-v2-wip-rejected.json")[0] as Record<string, unknown>;
const PLAIN = fixtureEntities("inspection/inspection-events-plain-array.json");
/** Attributes seen in Oracle's inspectionEvents examples (and QA_IP_EVENTS) but not in the field catalog. */
const UNCATALOGUED = ["OrganizationCode", "EventType", "ItemNumber", "LotNumber", "InspectionPlanId", "QuantityRequested", "UOMCode", "CharacteristicName", "CharacteristicId", "DataType", "SampleNumber"];

describeConformance("oracle:inspection", {
  mapper: inspectionMapper,
  fixtures: [
    { name: "receiving event accepted with a reject split, framework v3 collections, cP and % results, local offsets", vendor: SPLIT },
    { name: "receiving event pending (no decision), empty collections, null date", vendor: PENDING },
    { name: "manufacturing event rejected, framework v2 bare arrays, a result without unit, samples with dispositions", vendor: REJECTED },
    ...PLAIN.map((vendor, i) => ({ name: `event ${i + 1} of a plain array (completed; asset event with nulls)`, vendor })),
  ],
  arbitrary: arbitraryInspection({ scheme: SCHEME, units: ORACLE_TEST_UNITS }),
  fit: fitInspection,
  numRuns: 150,
  allowUncatalogued: UNCATALOGUED,
});

function json(vendor: unknown): unknown {
  return Object.fromEntries(Object.entries(vendor as Record<string, unknown>).filter(([, v]) => v !== undefined));
}

function decoded(vendor: unknown): Inspection {
  const r = inspectionMapper.decode(json(vendor) as never);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  expect(safeParseInspection(r.value).ok).toBe(true);
  return r.value;
}

describe("oracle:inspection decode", () => {
  it("reads the event: IpEventId scoped by organisation, origin, subject, plan, exact quantity in the unit code", () => {
    const i = decoded(SPLIT);
    expect(i.id).toEqual({ value: "300100190001001", scheme: "oracle-fusion", scope: { type: "organization", value: "MX1" } });
    expect(i.origin).toEqual({ value: "Receiving", originalCode: "RCV", originalList: "oracle:EventType" });
    expect(i.subject).toMatchObject({ plant: "MX1", material: { id: { value: "RESIN-40" } }, lot: { value: "R40-2612-07", scope: { value: "MX1" } } });
    expect(i.specification).toEqual({ value: "300100180000123", scheme: "oracle-fusion.inspection-plan-id" });
    expect(i.inspectedQuantity).toEqual({ value: "100.0", unit: "KGM" });
    expect([decoded(REJECTED).origin.value, decoded(PLAIN[0]).origin.value]).toEqual(["InProcess", "Other"]);
  });

  it("reads characteristics and numeric and character results with their units (cP, %, none)", () => {
    const i = decoded(SPLIT);
    expect(i.characteristics.map((c) => [c.id, c.kind, c.unit, c.master?.value])).toEqual([
      ["Viscosity", "Quantitative", "C7", "300100170000501"], ["Moisture", "Quantitative", "P1", "300100170000502"], ["Appearance", "Qualitative", undefined, "300100170000503"],
    ]);
    expect(i.results.map((r) => [r.characteristic, r.sample, r.measured, r.attributeCode?.code, r.remark])).toEqual([
      ["Viscosity", "1", { value: "1250.50", unit: "C7" }, undefined, undefined],
      ["Moisture", "1", { value: "0.080", unit: "P1" }, undefined, "oven method"],
      ["Appearance", "1", undefined, "Clear, no specks", undefined],
    ]);
    expect(Date.parse(i.results[0]?.recordedAt ?? "")).toBe(Date.parse("2026-12-03T21:10:00Z"));
    expect(decoded(REJECTED).results[1]?.measured).toEqual({ value: "-0.5", unit: "C62" });
  });

  it("reads the dispositions as the decision with its quantity split; PENDING is no decision, COMPLETE is Other", () => {
    expect(decoded(SPLIT).decision).toEqual({
      outcome: { value: "Accepted", originalCode: "ACCEPT", originalList: "oracle:EventDisposition" },
      quantities: { accepted: { value: "90.000", unit: "KGM" }, rejected: { value: "8.50", unit: "KGM" } },
      decidedAt: "2026-12-03T16:45:00-06:00",
    });
    expect(decoded(REJECTED).decision).toMatchObject({ outcome: { value: "Rejected" }, quantities: { rejected: { value: "12", unit: "H87" } } });
    expect(decoded(PENDING).decision).toBeUndefined();
    expect(decoded(PLAIN[0]).decision).toEqual({ outcome: { value: "Other", originalCode: "COMPLETE", originalList: "oracle:EventDisposition" }, decidedAt: "2026-12-01T12:00:00+00:00" });
    expect(decoded(PLAIN[1]).decision).toBeUndefined();
    const twoAccepts = decoded({ ...REJECTED, EventDisposition: [{ Disposition: "ACCEPT", Quantity: 4.25 }, { Disposition: "ACCEPT", Quantity: 7.75 }] });
    expect(twoAccepts.decision?.quantities).toEqual({ accepted: { value: "12.00", unit: "H87" } });
  });
});

describe("oracle:inspection encode", () => {
  it("writes the dispositions back as read while the decision is unchanged, in the shape read", () => {
    const wire = inspectionMapper.encodeWire(decoded(SPLIT));
    expect(wire.ok && wire.value).toContain('"Quantity":90.000');
    expect(wire.ok && wire.value).toContain('"Quantity":8.50');
    expect(wire.ok && wire.value).toContain('"IpEventId":300100190001001');
    expect(wire.ok && wire.value).toContain('"DispositionDate":"2026-12-03T16:45:00-06:00"');
    const v2 = inspectionMapper.encode(decoded(REJECTED));
    expect(v2.ok && Array.isArray((v2.value as Record<string, unknown>)["EventDisposition"])).toBe(true);
  });

  it("writes a changed split as one row per quantity, keeping the row attributes read, and a changed date in UTC", () => {
    const i = decoded(SPLIT);
    const changed = { ...i, decision: { ...i.decision!, quantities: { accepted: { value: "95", unit: "KGM" }, rejected: { value: "5", unit: "KGM" } }, decidedAt: "2026-12-03T17:45:00-06:00" } };
    const r = inspectionMapper.encode(changed);
    expect(r.ok ? [] : r.issues).toEqual([]);
    const out = (r.ok ? r.value : {}) as Record<string, unknown>;
    const rows = (out["EventDisposition"] as { items: Record<string, unknown>[]; count: number }).items;
    expect(rows.map((x) => [x["Disposition"], Number(x["Quantity"]), x["IpEventDispositionId"]])).toEqual([["ACCEPT", 95, 300100190004001], ["REJECT", 5, 300100190004002]]);
    expect((out["EventDisposition"] as { count: number }).count).toBe(2);
    expect(out["DispositionDate"]).toBe("2026-12-03T23:45:00+00:00");
  });

  it("writes a fresh decision from another system, refusing split quantities in another unit than the event's", () => {
    const { extensions: _e, ...fresh } = decoded(REJECTED);
    const accepted = inspectionMapper.encode({ ...fresh, decision: { outcome: { value: "Accepted" }, quantities: { accepted: { value: "10", unit: "H87" }, rejected: { value: "2", unit: "H87" } } } });
    expect(accepted.ok && (accepted.value as Record<string, unknown>)["EventDisposition"]).toEqual([{ Disposition: "ACCEPT", Quantity: 10 }, { Disposition: "REJECT", Quantity: 2 }]);
    const wrongUnit = inspectionMapper.encode({ ...fresh, decision: { outcome: { value: "Accepted" }, quantities: { accepted: { value: "10", unit: "KGM" } } } });
    expect(!wrongUnit.ok && wrongUnit.issues[0]?.path).toBe("/decision/quantities/accepted/unit");
  });
});

describe("oracle:inspection bad input", () => {
  const bad = (base: Record<string, unknown>, patch: Record<string, unknown>) => {
    const r = inspectionMapper.decode(json({ ...base, ...patch }) as never);
    return r.ok ? "" : r.issues.map((i) => `${i.path} ${i.message}`).join("\n");
  };
  it("refuses unknown dispositions, quantities as strings and ids that are not int64 numbers, naming row and attribute", () => {
    expect(bad(REJECTED, { EventDisposition: [{ Disposition: "ACCEPTED" }] })).toMatch(/^\/EventDisposition EventDisposition\/0\/Disposition/);
    expect(bad(REJECTED, { EventDisposition: [{ Disposition: "ACCEPT", Quantity: "12,5" }] })).toMatch(/^\/EventDisposition .*Quantity/);
    expect(bad(REJECTED, { EventDisposition: [{ Disposition: "ACCEPT", IpEventDispositionId: "3001" }] })).toMatch(/IpEventDispositionId/);
    expect(bad(REJECTED, { EventDisposition: { rows: [] } })).toMatch(/^\/EventDisposition /);
  });
  it("refuses over-long unit codes on decode and encode, bad dates and an unknown data type, naming the attribute", () => {
    expect(bad(REJECTED, { UOMCode: "EACH" })).toMatch(/^\/UOMCode/);
    expect(bad(REJECTED, { samplesAndResults: [{ CharacteristicName: "X", ResultValueNumber: 1, SampleResultUOMCode: "PERC" }] })).toMatch(/^\/samplesAndResults\/0\/SampleResultUOMCode/);
    expect(bad(REJECTED, { DispositionDate: "04.12.2026" })).toMatch(/^\/DispositionDate/);
    expect(bad(REJECTED, { eventCharacteristics: [{ CharacteristicName: "X", DataType: "BLOB" }] })).toMatch(/^\/eventCharacteristics\/0\/DataType/);
    expect(bad(REJECTED, { IpEventId: "300100190001101" })).toMatch(/^\/IpEventId/);
    expect(bad(REJECTED, { OrganizationCode: undefined })).toMatch(/^\/OrganizationCode/);
    const r = inspectionMapper.encode(decoded(REJECTED), { unitsOut: { H87: "EACH" }, units: { EACH: "H87" } });
    expect(!r.ok && r.issues.map((i) => i.message).join("\n")).toMatch(/UOMCode/);
  });
});

describe("ORACLE_VENDOR inspection", () => {
  it("registers the inspection mapper and reads whole payloads", () => {
    const mapper = ORACLE_VENDOR.mappers.inspection;
    expect(mapper?.entitySet).toBe("inspectionEvents");
    const wire = mapper?.decodeWire(fixtureText("inspection/inspection-events-plain-array.json"));
    expect(wire?.ok && wire.results.map((r) => r.ok)).toEqual([true, true]);
  });
});
