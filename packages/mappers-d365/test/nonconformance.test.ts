import type { Nonconformance } from "@mfgsync/canonical";
import { safeParseNonconformance } from "@mfgsync/canonical";
import { arbitraryNonconformance } from "@mfgsync/canonical/testing";
import { D365_SCHEME, nonconformanceMapper } from "@mfgsync/mappers-d365";
import { catalogFit } from "@mfgsync/mapping/conformance";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { fixture, rowsOf, withProps } from "./helpers/fixtures.js";
import { D365_TEST_UNITS, fitNonconformance } from "./helpers/fit.js";

const [VENDOR_NC, INTERNAL, CUSTOMER] = rowsOf(fixture("nonconformance/nonconformances-collection.json")) as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
const fitCatalog = catalogFit(nonconformanceMapper.declaration);

describeConformance("d365:nonconformance", {
  mapper: nonconformanceMapper,
  fixtures: [
    { name: "approved vendor nonconformance with problem type, item and quantity", vendor: VENDOR_NC },
    { name: "new internal nonconformance, no problem type, zero quantity without unit", vendor: INTERNAL },
    { name: "refused and closed customer nonconformance in company DEMF", vendor: CUSTOMER },
  ],
  arbitrary: arbitraryNonconformance({ scheme: D365_SCHEME, units: D365_TEST_UNITS }),
  fit: (n: Nonconformance) => fitCatalog(fitNonconformance(n)) as Nonconformance,
  numRuns: 100,
});

function decoded(row: unknown): Nonconformance {
  const r = nonconformanceMapper.decode(row);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  expect(safeParseNonconformance(r.value).ok).toBe(true);
  return r.value;
}

describe("d365:nonconformance decode", () => {
  it("reads type, approval, closed flag, item and quantity, and derives the description", () => {
    const nc = decoded(VENDOR_NC);
    expect([nc.source.value, nc.type.value, nc.status.value, nc.approval?.state.value, nc.openedAt]).toEqual(["Supplier", "Material", "Open", "Approved", "2026-05-05T00:00:00Z"]);
    expect(nc.description).toBe("DIM-OOT (nonconformance NC-000118)");
    expect(nc.defects).toEqual([{ code: "DIM-OOT" }]);
    const usmf = { scheme: "d365-scm", scope: { type: "company", value: "usmf" } };
    expect(nc.affected).toEqual([{ material: { id: { value: "RM-CORE-12", ...usmf } }, quantity: { value: "12.000", unit: "H87" }, order: { value: "PO-000881", ...usmf } }]);
    expect(decoded(INTERNAL).description).toBe("Nonconformance NC-000119");
    const closed = decoded(CUSTOMER);
    expect([closed.source.value, closed.status.value, closed.approval?.state.value]).toEqual(["Customer", "Closed", "Refused"]);
  });

  it("has no severity field: severity reads as Other, Rush stays in extensions", () => {
    const nc = decoded(withProps(INTERNAL, { Rush: 1 }));
    expect(nc.severity).toEqual({ value: "Other" });
    expect(nc.extensions?.["d365"]).toMatchObject({ Rush: 1 });
  });

  it("reads the source document (InventRefId) as the affected item's order; its kind, the lot id and the dimension id stay in extensions", () => {
    for (const [type, ref] of [["Production", "P004712"], ["Purch", "PO-000881"], ["Sales", "SO-001203"]] as const) {
      const row = withProps(VENDOR_NC, { InventRefId: ref, InventTransType: type });
      const nc = decoded(row);
      expect(nc.affected[0]?.order).toEqual({ value: ref, scheme: "d365-scm", scope: { type: "company", value: "usmf" } });
      expect(nc.extensions?.["d365"]).toMatchObject({ InventTransType: type, InventTransIdRef: "LOT-0091120", InventDimId: "#000231" });
      expect(nc.affected[0]?.lot).toBeUndefined();
      const back = nonconformanceMapper.encode(nc);
      expect(back.ok && back.value).toEqual(row);
    }
    // No item, no quantity, only the document: still an affected entry, written back as read.
    const onlyRef = withProps(INTERNAL, { ItemId: undefined, TestDefectQty: undefined, UnitId: undefined, InventRefId: "P000999" });
    const nc = decoded(onlyRef);
    expect(nc.affected).toEqual([{ order: { value: "P000999", scheme: "d365-scm", scope: { type: "company", value: "usmf" } } }]);
    const back = nonconformanceMapper.encode(nc);
    expect(back.ok && back.value).toEqual(onlyRef);
  });

  it("writes a canonical order reference as InventRefId and refuses one of another system", () => {
    const nc = decoded(INTERNAL);
    const order = { value: "P000321", scheme: "d365-scm" };
    const r = nonconformanceMapper.encode({ ...nc, affected: [{ ...nc.affected[0], order }] });
    expect(r.ok && r.value.InventRefId).toBe("P000321");
    const foreign = nonconformanceMapper.encode({ ...nc, affected: [{ ...nc.affected[0], order: { value: "1000123", scheme: "sap-s4hana" } }] });
    expect(foreign.ok).toBe(false);
    if (!foreign.ok) expect(foreign.issues.map((i) => i.path)).toEqual(["/affected/0/order"]);
  });

  it("does not write the derived description back", () => {
    const nc = decoded(VENDOR_NC);
    const r = nonconformanceMapper.encode({ ...nc, description: "Edited text" });
    expect(r.ok && Object.values(r.value)).not.toContain("Edited text");
  });

  it("refuses bad values naming the property", () => {
    for (const [patch, path] of [
      [{ InventNonConformanceType: "Customer" }, "/InventNonConformanceType"], [{ InventNonConformanceApproval: "Rejected" }, "/InventNonConformanceApproval"],
      [{ Closed: "True" }, "/Closed"], [{ TestDefectQty: "12,0" }, "/TestDefectQty"], [{ NonConformanceDate: "1900-01-01T00:00:00Z" }, "/NonConformanceDate"],
      [{ UnitId: "" }, "/UnitId"], [{ ItemId: "x".repeat(256) }, "/ItemId"], [{ InventRefId: 42 }, "/InventRefId"], [{ InventRefId: "x".repeat(256) }, "/InventRefId"],
    ] as const) {
      const r = nonconformanceMapper.decode(withProps(VENDOR_NC, patch), undefined, { validate: false });
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.path), path).toContain(path);
    }
  });
});

describe("d365:nonconformance encode of outside objects", () => {
  it("refuses an affected entry with neither material, quantity nor order (it would not read back), naming it", () => {
    const decoded = nonconformanceMapper.decode(VENDOR_NC, undefined);
    if (!decoded.ok) throw new Error("decode failed");
    const r = nonconformanceMapper.encode({ ...decoded.value, affected: [{}] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.path, i.code])).toEqual([["/affected/0", "field.required"]]);
  });
});
