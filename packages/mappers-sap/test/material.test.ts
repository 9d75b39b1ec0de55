import type { Material } from "@mfgsync/canonical";
import { safeParseMaterial } from "@mfgsync/canonical";
import { arbitraryMaterial } from "@mfgsync/canonical/testing";
import { materialMapper } from "@mfgsync/mappers-sap";
import { describeConformance } from "@mfgsync/mapping/testing";
import { describe, expect, it } from "vitest";
import { entitiesOf, fixture } from "./helpers/fixtures.js";
import { SAP_TEST_UNITS, SCHEME, clean, fitDate, fitDecimal, fitId, fitOptionalText, fitQuantity, fitText, withoutSap } from "./helpers/fit.js";

const SERVICE = entitiesOf(fixture("material/product-a001-service.json"))[0] as Record<string, unknown>;
const SEAL = entitiesOf(fixture("material/products-seal-collection.json"))[0] as Record<string, unknown>;
const CONTEXT = { statusRules: { "sap:CrossPlantStatus": { states: { "01": "InReview", "99": "Draft" } } } };

function uniqueBy<T>(items: readonly T[] | undefined, key: (item: T) => string): T[] | undefined {
  if (items === undefined) return undefined;
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
}

/** The materials SAP can hold: SAP lengths, a representable type and status, one description per language. */
function fitMaterial(m: Material): Material {
  const unit = m.grossWeight?.unit;
  const lifecycle = ["Approved", "Obsolete"].includes(m.lifecycleStatus.value) ? { value: m.lifecycleStatus.value }
    : m.lifecycleStatus.value === "Draft" ? { value: "Draft" as const, originalCode: "99" } : { value: "Blocked" as const, originalCode: "05" };
  return clean({
    ...m,
    extensions: withoutSap(m.extensions),
    id: fitId(m.id, 40),
    revision: fitOptionalText(m.revision, 2),
    lastChangedAt: fitDate(m.lastChangedAt),
    descriptions: uniqueBy(m.descriptions?.map((d) => ({ language: (d.language.split("-")[0] ?? "en").slice(0, 2).padEnd(2, "x").toLowerCase(), text: d.text.slice(0, 40) })), (d) => d.language),
    type: m.type.value === "Other" ? { value: "Other" as const, originalCode: "HAWA" } : { value: m.type.value },
    group: fitOptionalText(m.group, 9),
    alternativeUnits: uniqueBy(m.alternativeUnits?.map((a) => ({ unit: a.unit, numerator: fitDecimal(a.numerator, 5, 0), denominator: fitDecimal(a.denominator, 5, 0) })), (a) => a.unit),
    grossWeight: m.grossWeight && fitQuantity(m.grossWeight),
    netWeight: m.netWeight && unit ? fitQuantity(m.netWeight, unit) : undefined,
    lifecycleStatus: lifecycle,
    plants: uniqueBy(m.plants?.map((p) => clean({
      ...p, plant: fitText(p.plant, 4),
      status: p.status && { value: "Blocked" as const, originalCode: "01" },
      storageLocation: fitOptionalText(p.storageLocation, 4),
    })), (p) => p.plant),
  });
}

describeConformance("sap:material", {
  mapper: materialMapper,
  fixtures: [
    { name: "service product with ten descriptions (sandbox data)", vendor: SERVICE },
    { name: "batch-managed product with plants, units of measure and a cross-plant status", vendor: SEAL, context: CONTEXT },
  ],
  arbitrary: arbitraryMaterial({ scheme: SCHEME, units: SAP_TEST_UNITS }),
  fit: fitMaterial,
  context: CONTEXT,
  numRuns: 150,
});

describe("sap:material", () => {
  it("maps the sandbox service product: AU is an activity unit (C62), SERV a service", () => {
    const r = materialMapper.decode(SERVICE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(safeParseMaterial(r.value).ok).toBe(true);
    expect(r.value).toMatchObject({ id: { value: "A001" }, type: { value: "Service", originalCode: "SERV" }, baseUnit: "C62", lifecycleStatus: { value: "Approved" }, grossWeight: { value: "0.000", unit: "KGM" } });
    expect(r.value.descriptions?.find((d) => d.language === "ja")?.text).toBe("請求対象勘定");
  });

  it("maps plants, alternative units, GTIN and the cross-plant status through the context", () => {
    const r = materialMapper.decode(SEAL, CONTEXT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      gtin: "4006381333931", revision: "B", lotControlled: true, netWeight: { value: "1.100", unit: "KGM" },
      lifecycleStatus: { value: "InReview", originalCode: "01" },
      alternativeUnits: [{ unit: "H87", numerator: "1", denominator: "1" }, { unit: "KGM", numerator: "4", denominator: "5" }],
      plants: [{ plant: "1010", lotControlled: true, storageLocation: "101E" }, { plant: "1710", lotControlled: false, status: { value: "Blocked", originalCode: "02" } }],
    });
    expect(r.value.descriptions?.map((d) => d.language)).toEqual(["en", "de", "zh-Hant"]);
    expect(materialMapper.decode(SEAL).ok && (materialMapper.decode(SEAL) as { value: Material }).value.lifecycleStatus.value).toBe("Blocked");
  });

  it("writes a material from another system with the SAP spellings", () => {
    const material: Material = {
      schemaVersion: "1.0", kind: "material", id: { value: "FG-1000", scheme: "sap-s4hana" }, type: { value: "RawMaterial" }, baseUnit: "KGM",
      lifecycleStatus: { value: "Approved" }, descriptions: [{ language: "de-CH", text: "Schraube" }],
    };
    const r = materialMapper.encode(material);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ Product: "FG-1000", ProductType: "ROH", BaseUnit: "KG", CrossPlantStatus: "", IsMarkedForDeletion: false });
    expect(r.value.to_Description).toEqual({ results: [{ Language: "DE", ProductDescription: "Schraube", Product: "FG-1000" }] });
    const blocked = materialMapper.encode({ ...material, lifecycleStatus: { value: "Blocked" } });
    expect(blocked.ok).toBe(false);
  });
});
