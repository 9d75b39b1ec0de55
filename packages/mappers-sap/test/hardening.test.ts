// Defects found by a tester (issue 12) and by the fuzz suite: each case is the
// smallest change to a fixture that broke "never throw", "decode ok ⇒ valid"
// or "vendor → canonical → vendor is exact".
import { safeParseObject } from "@mfgsync/canonical";
import type { Mapper } from "@mfgsync/mapping";
import { checkVendorRoundTrip } from "@mfgsync/mapping/conformance";
import { batchMapper, decodeBusinessEvent, decodeBusinessEvents, inspectionMapper, materialMapper, nonconformanceMapper, productionOrderMapper } from "@mfgsync/mappers-sap";
import { describe, expect, it } from "vitest";
import { entitiesOf, fixture } from "./helpers/fixtures.js";

type Row = Record<string, unknown>;
const CONTEXT = { plantTimeZones: { "1710": "America/New_York", "1010": "Europe/Berlin" } };
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const first = (path: string) => copy(entitiesOf(fixture(path))[0] as Row);
const rows = (entity: Row, navigation: string) => (entity[navigation] as { results: Row[] }).results;

const ORDER = first("production-order/order-1000000-teco.json");
const LOT = first("inspection/lot-890000000123-final-accepted.json");
const DEFECT = first("nonconformance/defect-123-order-major.json");
const PRODUCT = first("material/product-a001-service.json");
const BATCH = first("lot/batch-fg226-restricted.json");

/** Decodes with and without the schema check: ok, valid, and back to the same vendor entity. */
function expectExactRoundTrip(mapper: Mapper<unknown, unknown>, vendor: unknown): void {
  for (const validate of [true, false]) {
    const decoded = mapper.decode(vendor, CONTEXT, { validate });
    expect(decoded.ok ? [] : decoded.issues).toEqual([]);
    if (decoded.ok) expect(safeParseObject(mapper.declaration.canonical, decoded.value).ok).toBe(true);
  }
  expect(checkVendorRoundTrip(mapper, vendor, CONTEXT).problems).toEqual([]);
}

const EVENT = { specversion: "1.0", id: "a1", source: "/default/sap.s4.beh/S4P", type: "sap.s4.beh.productionorder.v1.ProductionOrder.Changed.v1" };

describe("SAP business events with keys no URI can hold", () => {
  it("a lone surrogate in a key is an issue at that key, not a URIError", () => {
    for (const key of ["10\uD800", "\uDC00", "a\uDBFF"]) {
      const r = decodeBusinessEvent({ ...EVENT, data: { ManufacturingOrder: key } });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => [i.path, i.code])).toEqual([["/data/ManufacturingOrder", "value.invalid"]]);
    }
    const batch = decodeBusinessEvents([{ ...EVENT, data: { ManufacturingOrder: "\uD800" } }, { ...EVENT, data: { ManufacturingOrder: "1" } }]);
    expect(batch.ok && batch.results.map((r) => r.ok)).toEqual([false, true]);
    if (batch.ok && !batch.results[0]?.ok) expect(batch.results[0]?.issues[0]?.path).toBe("/0/data/ManufacturingOrder");
  });

  it("a surrogate pair is a valid key and is percent-encoded", () => {
    const r = decodeBusinessEvent({ ...EVENT, data: { ManufacturingOrder: "A\uD83D\uDE00" } });
    expect(r.ok && r.value.read.path.startsWith("/A_ProductionOrder_2('A%F0%9F%98%80')")).toBe(true);
  });

  it("JSON text with a duplicate key is refused naming the key", () => {
    const r = decodeBusinessEvents('{"specversion":"1.0","id":"a","id":"b","source":"s","type":"x","data":{}}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toContain('"id"');
  });
});

describe("SAP production order components and operations", () => {
  it("a component without GoodsMovementType, or with null, reads as Consumed and goes back as sent", () => {
    for (const value of [undefined, null]) {
      const order = copy(ORDER);
      const component = rows(order, "to_ProductionOrderComponent")[0] as Row;
      if (value === undefined) delete component["GoodsMovementType"];
      else component["GoodsMovementType"] = value;
      const decoded = productionOrderMapper.decode(order, CONTEXT, { validate: false });
      expect(decoded.ok && decoded.value.components[0]?.materialUse.value).toBe("Consumed");
      expectExactRoundTrip(productionOrderMapper, order);
    }
  });

  it('Plant "" on a component and ProductionPlant "" on an operation come back "", not as the order\'s plant', () => {
    const order = copy(ORDER);
    (rows(order, "to_ProductionOrderComponent")[0] as Row)["Plant"] = "";
    (rows(order, "to_ProductionOrderOperation")[0] as Row)["ProductionPlant"] = "";
    expectExactRoundTrip(productionOrderMapper, order);
  });

  it("/Date(…)/ spellings with a leading zero or -0 come back as sent", () => {
    for (const spelling of ["/Date(01470268800000)/", "/Date(-0)/"]) {
      const order = copy(ORDER);
      order["MfgOrderCreationDate"] = spelling;
      order["MfgOrderPlannedStartDate"] = spelling;
      expectExactRoundTrip(productionOrderMapper, order);
    }
  });
});

describe("SAP inspection lots", () => {
  it("results of a characteristic without InspectionSpecificationUnit measure in C62 and encode back", () => {
    for (const unit of [undefined, null, ""]) {
      const lot = copy(LOT);
      for (const c of rows(lot, "to_InspectionCharacteristic")) {
        if (unit === undefined) delete c["InspectionSpecificationUnit"];
        else c["InspectionSpecificationUnit"] = unit;
      }
      const decoded = inspectionMapper.decode(lot, CONTEXT);
      const measured = decoded.ok ? decoded.value.results.flatMap((r) => (r.measured ? [r.measured.unit] : [])) : [];
      expect(measured.length).toBeGreaterThan(0);
      expect(new Set(measured)).toEqual(new Set(["C62"]));
      expectExactRoundTrip(inspectionMapper, lot);
    }
  });

  it('a Has…Value "X" flag without its value comes back "X"', () => {
    for (const value of [undefined, null]) {
      const lot = copy(LOT);
      for (const c of rows(lot, "to_InspectionCharacteristic")) {
        c["InspSpecHasTargetValue"] = "X";
        c["InspSpecHasUpperLimit"] = "X";
        if (value === undefined) delete c["InspSpecTargetValue"], delete c["InspSpecUpperLimit"];
        else c["InspSpecTargetValue"] = value, c["InspSpecUpperLimit"] = value;
      }
      expectExactRoundTrip(inspectionMapper, lot);
    }
  });
});

describe("SAP defects", () => {
  it('defect codes and code groups containing "/" round-trip', () => {
    for (const [code, group] of [["A/B", "DEF-MACH"], ["0003", "A/B"], ["/", "/"]]) {
      const defect = copy(DEFECT);
      defect["DefectCode"] = code;
      defect["DefectCodeGroup"] = group;
      expectExactRoundTrip(nonconformanceMapper, defect);
    }
  });

  it("an ambiguous location join (\"A/B\" + \"C\" = \"A\" + \"B/C\") comes back as sent", () => {
    for (const [group, code] of [["A/B", "C"], ["A", "B/C"], ["", "B/C"], ["A/", ""], ["", "X/"], ["/", "/"]]) {
      const defect = copy(DEFECT);
      defect["DefectObjectCodeGroup"] = group;
      defect["DefectObjectCode"] = code;
      const decoded = nonconformanceMapper.decode(defect, CONTEXT);
      expect(decoded.ok && decoded.value.defects[0]?.location).toBe(group === "" ? code : `${group}/${code}`);
      expectExactRoundTrip(nonconformanceMapper, defect);
    }
  });

  it("a changed location is written from the canonical value, not from the kept spelling", () => {
    const defect = copy(DEFECT);
    defect["DefectObjectCodeGroup"] = "A/B";
    defect["DefectObjectCode"] = "C";
    const decoded = nonconformanceMapper.decode(defect, CONTEXT);
    if (!decoded.ok) throw new Error("decode failed");
    const changed = { ...decoded.value, defects: [{ ...decoded.value.defects[0], code: "0003", location: "G/H" }] };
    const encoded = nonconformanceMapper.encode(changed, CONTEXT);
    expect(encoded.ok && [encoded.value["DefectObjectCodeGroup"], encoded.value["DefectObjectCode"]]).toEqual(["G", "H"]);
  });
});

describe("SAP product descriptions", () => {
  it('Language "ro" reads as ro and comes back "ro" (not "RO")', () => {
    const product = copy(PRODUCT);
    for (const d of rows(product, "to_Description")) d["Language"] = String(d["Language"]).toLowerCase();
    const decoded = materialMapper.decode(product, CONTEXT);
    expect(decoded.ok && decoded.value.descriptions?.some((d) => d.language === "zh" || d.language === "en")).toBe(true);
    expectExactRoundTrip(materialMapper, product);
    const mixed = copy(PRODUCT);
    (rows(mixed, "to_Description")[3] as Row)["Language"] = "rO"; // the RO row (another row in "rO" would be a second Romanian description)
    expectExactRoundTrip(materialMapper, mixed);
  });
});

describe("found by the fuzz suite", () => {
  it("a characteristic navigation marked __deferred holds no units for the results: an issue, not an unencodable lot", () => {
    const lot = copy(LOT);
    (lot["to_InspectionCharacteristic"] as Row)["__deferred"] = { uri: "x" };
    const decoded = inspectionMapper.decode(lot, CONTEXT);
    if (decoded.ok) expect(inspectionMapper.encode(decoded.value, CONTEXT).ok).toBe(true);
    else expect(decoded.issues.some((i) => i.path.includes("/to_InspectionResult/"))).toBe(true);
  });

  it("a defect location whose split would not fit the code's length goes back as read", () => {
    const defect = copy(DEFECT);
    defect["DefectObjectCodeGroup"] = "/Date()/";
    defect["DefectObjectCode"] = "";
    expectExactRoundTrip(nonconformanceMapper, defect);
  });

  it("kept vendor values the catalog refuses are issues on encode, not entities decode refuses", () => {
    const decoded = batchMapper.decode(BATCH, CONTEXT);
    if (!decoded.ok) throw new Error("decode failed");
    const { countryOfOrigin: _c, ...rest } = decoded.value;
    const extensions = decoded.value.extensions as { sap: Row };
    const tampered = { ...rest, extensions: { ...extensions, sap: { ...extensions.sap, CountryOfOrigin: "sap:batch-status" } } };
    const r = batchMapper.encode(tampered, CONTEXT);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: "/countryOfOrigin", code: "value.too-big" });
    const defect = nonconformanceMapper.decode(first("nonconformance/defects-sandbox-collection.json"), CONTEXT);
    if (!defect.ok) throw new Error("decode failed");
    const sap = (defect.value.extensions as { sap: Row }).sap;
    const blank = nonconformanceMapper.encode({ ...defect.value, extensions: { ...defect.value.extensions, sap: { ...sap, DefectiveQuantity: "" } } }, CONTEXT);
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.issues[0]?.code).toBe("decimal.format");
  });
});

describe("numbers no double can hold", () => {
  it("1e400 inside a navigation kept in extensions is an issue naming it, with and without the schema check (not an invalid object)", () => {
    const text = JSON.stringify(ORDER).replace('"StatusName":"Pre-costed"', '"StatusName":1e400');
    expect(text).toContain("1e400");
    for (const validate of [true, false]) {
      const r = productionOrderMapper.decodeWire(text, CONTEXT, { validate });
      const issues = r.ok ? r.results.flatMap((x) => (x.ok ? [] : x.issues)) : r.issues;
      if (r.ok) for (const x of r.results) if (x.ok) expect(safeParseObject("production-order", x.value).ok).toBe(true);
      expect(issues.map((i) => [i.path, i.code])).toEqual([["/to_ProductionOrderStatus/results/1/StatusName", "value.too-big"]]);
      expect(issues[0]?.message).toContain("to_ProductionOrderStatus");
    }
  });
});
