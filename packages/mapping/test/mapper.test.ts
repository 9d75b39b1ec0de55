import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { Lot } from "@mfgsync/canonical";
import { arbitraryLot } from "@mfgsync/canonical/testing";
import type { CatalogEntityInfo } from "@mfgsync/mapping";
import {
  child, compileMapper, coverageReport, coded, odataV2Decimal, declareMapper, entity, field, abapFlag, identifier, lossNormalizers, materialRef, odataV2Date, quantity,
  odataV2Profile, renderMappingTable, sameAsParent, text, unitCode,
} from "@mfgsync/mapping";
import { checkCoverage, describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";

// A small vendor ("ACME") with a lot entity and expanded genealogy links, to
// test the core without any real vendor's quirks.

const prop = (name: string, edmType: string, maxLength: number | null = null, extra: Partial<CatalogEntityInfo["properties"][number]> = {}) =>
  ({ name, edmType, maxLength, nullable: true, precision: null, scale: null, ...extra });

const LOT_CATALOG: CatalogEntityInfo = {
  entitySet: "Lots", keys: ["LotId"], derivedFrom: "spec",
  properties: [
    prop("LotId", "Edm.String", 10, { nullable: false }), prop("Item", "Edm.String", 20), prop("Qty", "Edm.Decimal", null, { precision: 13, scale: 3 }),
    prop("Uom", "Edm.String", 3), prop("Blocked", "Edm.String", 1), prop("Expiry", "Edm.DateTime"), prop("Origin", "Edm.String", 3), prop("Note", "Edm.String", 40),
    prop("Bin", "Edm.String", 10),
  ],
  navigationProperties: [{ name: "Parents" }, { name: "Docs" }],
};
const LINK_CATALOG: CatalogEntityInfo = {
  entitySet: "LotLinks", keys: ["LotId", "ParentLot"],
  properties: [prop("LotId", "Edm.String", 10), prop("ParentLot", "Edm.String", 10), prop("LinkQty", "Edm.Decimal", null, { precision: 13, scale: 3 }), prop("LinkUom", "Edm.String", 3), prop("Weight", "Edm.String", 5)],
  navigationProperties: [],
};

const declaration = declareMapper({
  name: "acme:lot", title: "ACME lots", canonical: "lot", profile: odataV2Profile, namespace: "acme",
  defaults: { scheme: "acme", units: { KG: "KGM", PC: "H87" }, unitsOut: { KGM: "KG", H87: "PC" } },
  root: entity({
    entity: "Lots", catalog: LOT_CATALOG, constants: { schemaVersion: SCHEMA_VERSION, kind: "lot" },
    fields: [
      field("LotId", "id", identifier({ crossReferences: true }), { required: true }),
      field("Item", "material", materialRef(), { required: true }),
      field(["Qty", "Uom"], "quantity", quantity(odataV2Decimal(), unitCode())),
      field("Blocked", "disposition", coded({ list: "acme:blocked", codes: { X: "Restricted" }, fallback: "Other", empty: "UnRestricted", encode: { UnRestricted: "" } }), { required: true, note: "X = blocked" }),
      field("Expiry", "expiresOn", odataV2Date()),
      field("Origin", "countryOfOrigin", text({ pattern: /^[A-Z]{2}$/, keepMismatch: true })),
    ],
    children: [child("Parents", "parents", entity({
      entity: "LotLinks", catalog: LINK_CATALOG,
      fields: [
        field("ParentLot", "lot", identifier(), { required: true }),
        field(["LinkQty", "LinkUom"], "quantity", quantity(odataV2Decimal(), unitCode())),
        field("LotId", null, sameAsParent("LotId")),
      ],
    }), { match: "lot.value", optional: true })],
  }),
  knownLoss: [
    { path: "/crossReferences", reason: "not kept" }, { path: "/extensions", reason: "checked by the vendor round trip" },
    { path: "/disposition", reason: "only blocked or not", normalize: lossNormalizers.codeOnly },
    { path: "/id", reason: "issuer from context", normalize: lossNormalizers.withoutIssuer },
    { path: "/material", reason: "no revision", normalize: (v) => ({ id: lossNormalizers.withoutIssuer((v as Lot["material"]).id) }) },
    { path: "/parents/*/lot", reason: "issuer from context", normalize: lossNormalizers.withoutIssuer },
    { path: "/expiresOn", reason: "a date only", normalize: lossNormalizers.dateOnly },
    ...["/plant", "/serialNumbers", "/manufacturedAt", "/retestOn", "/vendorStatus", "/supplierLot", "/supplier", "/children", "/producedBy", "/lastChangedAt",
      "/parents/*/material", "/parents/*/order", "/parents/*/relationship", "/qualityStatus", "/holds", "/parents/*/movement", "/parents/*/movedAt", "/parents/*/serialLinks"].map((path) => ({ path, reason: "ACME has no such field" })),
  ],
});
const mapper = compileMapper<Record<string, unknown>, "lot">(declaration);

const LOT = {
  __metadata: { uri: "https://acme/Lots('L1')" }, LotId: "L1", Item: "FG-1", Qty: "12.500", Uom: "KG", Blocked: "X", Expiry: "/Date(1772409600000)/", Origin: "DE",
  Note: "keep me", Bin: "", Docs: { __deferred: { uri: "https://acme/Lots('L1')/Docs" } },
  Parents: { results: [
    { LotId: "L1", ParentLot: "P1", LinkQty: "5", LinkUom: "PC", Weight: "heavy" },
    { LotId: "L1", ParentLot: "P2", LinkQty: "7", LinkUom: "KG", Weight: "" },
  ] },
};

function fitLot(lot: Lot): Lot {
  const fit = (s: string, n: number) => s.slice(0, n) || "X";
  const { extensions: _e, ...rest } = lot;
  return {
    ...rest,
    id: { value: fit(lot.id.value, 10), scheme: "acme" },
    material: { id: { value: fit(lot.material.id.value, 20), scheme: "acme" } },
    quantity: lot.quantity && { value: lot.quantity.value.replace(/^(\d{0,10})\d*/, "$1").replace(/(\.\d{0,3})\d*$/, "$1").replace(/\.$/, "").replace(/^$/, "0").replace(/^0+(?=\d)/, ""), unit: lot.quantity.unit },
    disposition: { value: lot.disposition.value === "Restricted" ? "Restricted" : "UnRestricted" },
    expiresOn: lot.expiresOn && (/^(19|2\d)/.test(lot.expiresOn) ? lot.expiresOn : "2026" + lot.expiresOn.slice(4).replace(/^-02-29/, "-02-28")),
    countryOfOrigin: lot.countryOfOrigin,
    parents: lot.parents?.map((p, i) => ({ lot: { value: `P${i}`, scheme: "acme" }, ...(p.quantity ? { quantity: { value: "1", unit: p.quantity.unit } } : {}) })),
  };
}

describeConformance("acme:lot (core test mapper)", {
  mapper, fixtures: [{ name: "lot with two parents", vendor: LOT }], arbitrary: arbitraryLot({ scheme: "acme", units: ["KGM", "H87", "LTR"] }), fit: fitLot, numRuns: 100,
});

describe("compiled mappers", () => {
  it("decodes the field table, carries the rest under the namespace and drops transport annotations", () => {
    const r = mapper.decode(LOT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      schemaVersion: SCHEMA_VERSION, kind: "lot", id: { value: "L1", scheme: "acme" }, quantity: { value: "12.500", unit: "KGM" },
      disposition: { value: "Restricted", originalCode: "X" }, expiresOn: "2026-03-02", countryOfOrigin: "DE",
      parents: [{ lot: { value: "P1" }, quantity: { value: "5", unit: "H87" } }, { lot: { value: "P2" } }],
    });
    // Vendor values under the namespace, the core's bookkeeping (child match keys) apart under mfgsync.
    expect(r.value.extensions).toEqual({
      acme: { Note: "keep me", Bin: "", Parents: [{ Weight: "heavy" }, { Weight: "" }] },
      mfgsync: { acme: { children: { Parents: [{ key: "P1" }, { key: "P2" }] } } },
    });
  });

  it("pairs kept child data by key when children are reordered, and drops it for removed children", () => {
    const r = mapper.decode(LOT);
    if (!r.ok) throw new Error("decode");
    const reordered = { ...r.value, parents: [r.value.parents![1]!, { lot: { value: "P9", scheme: "acme" } }] };
    const e = mapper.encode(reordered);
    expect(e.ok).toBe(true);
    if (!e.ok) return;
    const results = (e.value["Parents"] as { results: Record<string, unknown>[] }).results;
    expect(results.map((x) => [x["ParentLot"], x["Weight"], x["LotId"]])).toEqual([["P2", "", "L1"], ["P9", undefined, "L1"]]);
  });

  it("lets changed canonical values win and writes absent properties back as absent", () => {
    const partial = { LotId: "L2", Item: "FG-2", Blocked: "", Origin: "XK1" };
    const r = mapper.decode(partial);
    if (!r.ok) throw new Error("decode");
    expect(r.value.disposition).toEqual({ value: "UnRestricted" });
    expect((r.value.extensions?.["mfgsync"]?.["acme"] as { absent?: string[] }).absent).toEqual(["Qty", "Uom", "Expiry", "Parents"]);
    expect(mapper.encode(r.value)).toMatchObject({ ok: true, value: partial });
    const changed = mapper.encode({ ...r.value, quantity: { value: "1", unit: "KGM" }, countryOfOrigin: "FR", disposition: { value: "Restricted" } });
    expect(changed).toMatchObject({ ok: true, value: { Qty: "1", Uom: "KG", Origin: "FR", Blocked: "X" } });
  });

  it("checks vendor values against the catalog before mapping and encoded values after", () => {
    const r = mapper.decode({ ...LOT, Note: "x".repeat(41), Qty: "1.2345", Blocked: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => `${i.path} ${i.code}`).sort()).toEqual(["/Blocked type.invalid", "/Note value.too-big", "/Qty decimal.scale"]);
    const decoded = mapper.decode(LOT);
    if (!decoded.ok) throw new Error("decode");
    const e = mapper.encode({ ...decoded.value, id: { value: "L".repeat(11), scheme: "acme" }, extensions: { acme: { Note: 5 } } });
    expect(e.ok).toBe(false);
    if (!e.ok) expect(e.issues.map((i) => `${i.path} ${i.code}`).sort()).toEqual(["/extensions/acme/Note type.invalid", "/id value.too-big"]);
  });

  it("prefixes issue paths with basePath and can validate its output", () => {
    const r = mapper.decode({ ...LOT, Qty: "12,5" }, {}, { basePath: "/d/results/4" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path).toBe("/d/results/4/Qty");
    expect(mapper.decode(LOT, {}, { validate: true }).ok).toBe(true);
  });

  it("refuses broken declarations when they are compiled", () => {
    expect(() => compileMapper({ ...declaration, root: entity({ entity: "X", fields: [field(["A", "B"], "quantity", odataV2Decimal())] }) })).toThrow(/2 properties/);
    expect(() => compileMapper({ ...declaration, root: entity({ entity: "X", fields: [field("A", "id", identifier()), field("A", "supplierLot", text())] }) })).toThrow(/used by/);
  });
});

describe("mapping tables and coverage", () => {
  it("reports mapped, carried and unfilled fields per entity", () => {
    const report = coverageReport(declaration);
    expect(report.entities.map((e) => [e.entity, e.canonicalPath, e.mapped.length, e.carried, e.carriedNavigation])).toEqual([
      ["Lots", "", 7, ["Note", "Bin"], ["Docs"]],
      ["LotLinks", "/parents/*", 4, ["Weight"], []],
    ]);
    expect(report.entities[0]?.canonicalUnfilled).toContain("supplier");
    expect(checkCoverage(declaration).problems).toEqual([]);
    expect(checkCoverage({ ...declaration, knownLoss: [] }).problems).toContain("Lots: canonical /supplier is not filled and not declared as a known loss");
    const typo = { ...declaration, root: { ...declaration.root, fields: [...declaration.root.fields, field("Colour", "supplierLot", text())] } };
    expect(checkCoverage(typo).problems).toContain("Lots: Colour is not in the catalog");
  });

  it("renders the field table as Markdown from the declaration", () => {
    const markdown = renderMappingTable(declaration, { vendor: "ACME" });
    expect(markdown).toContain("## ACME lots");
    expect(markdown).toContain("| Qty + Uom | Edm.Decimal(13,3) + Edm.String(3) | `quantity` |");
    expect(markdown).toContain("Carried in `extensions.acme`: `Note`, `Bin`.");
    expect(markdown).toContain("| `/crossReferences` | not kept |");
  });
});
