// The canonical schema's length limits are checked by the core on every decoded field (issue 12): a vendor
// whose catalog states no length must not get an ok decode (validate: false included) that the canonical
// schema refuses. The limits are read from @mfgsync/canonical's schemas, not copied.
import { Identifier, LocalizedText, Material, MaterialRef, SCHEMA_VERSION, safeParseMaterial } from "@mfgsync/canonical";
import type { CatalogEntityInfo, CatalogPropertyInfo } from "@mfgsync/mapping";
import { child, coded, compileMapper, declareMapper, entity, field, identifier, materialRef, oracleRestProfile, text } from "@mfgsync/mapping";
import { describe, expect, it } from "vitest";

const prop = (name: string): CatalogPropertyInfo => ({ name, edmType: "Edm.String", maxLength: null, nullable: true, precision: null, scale: null });
const ITEM: CatalogEntityInfo = {
  entitySet: "items", keys: ["ItemNumber"], derivedFrom: "spec",
  properties: ["ItemNumber", "ItemClass", "ItemType"].map(prop),
  navigationProperties: [{ name: "Translations", multiplicity: "*" }],
};
const TRANSLATION: CatalogEntityInfo = { entitySet: "Translations", keys: [], properties: ["Language", "Text"].map(prop), navigationProperties: [] };

const mapper = compileMapper<Record<string, unknown>, "material">(declareMapper({
  name: "acme-limits:material", title: "ACME items without lengths", canonical: "material", profile: oracleRestProfile, namespace: "acme",
  defaults: { scheme: "acme" },
  root: entity({
    entity: "items", catalog: ITEM, constants: { schemaVersion: SCHEMA_VERSION, kind: "material", baseUnit: "H87", lifecycleStatus: { value: "Approved" } },
    fields: [
      field("ItemNumber", "id", identifier(), { required: true }),
      field("ItemClass", "group", text()),
      field("ItemType", "type", coded({ list: "acme:type", codes: { FG: "FinishedGood" }, fallback: "Other" }), { required: true }),
    ],
    children: [child("Translations", "descriptions", entity({ entity: "Translations", catalog: TRANSLATION, fields: [field("Language", "language", text()), field("Text", "text", text())] }), { optional: true })],
  }),
  knownLoss: [],
}));

const LOT: CatalogEntityInfo = { entitySet: "lots", keys: ["LotNumber"], derivedFrom: "spec", properties: ["LotNumber", "ItemNumber", "ItemRevision"].map(prop), navigationProperties: [] };
const lotMapper = compileMapper<Record<string, unknown>, "lot">(declareMapper({
  name: "acme-limits:lot", title: "ACME lots without lengths", canonical: "lot", profile: oracleRestProfile, namespace: "acme",
  defaults: { scheme: "acme" },
  root: entity({
    entity: "lots", catalog: LOT, constants: { schemaVersion: SCHEMA_VERSION, kind: "lot", disposition: { value: "UnRestricted" } },
    fields: [field("LotNumber", "id", identifier(), { required: true }), field(["ItemNumber", "ItemRevision"], "material", materialRef({ revision: true }), { required: true })],
  }),
  knownLoss: [],
}));

const ITEM_ROW = { ItemNumber: "FG-1", ItemClass: "PUMPS", ItemType: "FG" };
const max = (s: { maxLength: number | null }) => s.maxLength ?? 0;

describe("canonical length limits on decode", () => {
  it("a value within the limits decodes to a valid material", () => {
    const r = mapper.decode({ ...ITEM_ROW, ItemClass: "x".repeat(max(Material.shape.group.unwrap())) });
    expect(r.ok && safeParseMaterial(r.value).ok).toBe(true);
  });

  it("refuses a text over the canonical limit at its vendor property, with validate: false too", () => {
    const limit = max(Material.shape.group.unwrap());
    for (const validate of [true, false]) {
      const r = mapper.decode({ ...ITEM_ROW, ItemClass: "x".repeat(limit + 1) }, undefined, { validate });
      expect(!r.ok && r.issues.map((i) => [i.path, i.code]), String(validate)).toEqual([["/ItemClass", "value.too-big"]]);
      expect(!r.ok && r.issues[0]?.message).toContain(`ItemClass has ${limit + 1} characters; the canonical /group holds at most ${limit}`);
    }
  });

  it("refuses an identifier over the limit of Identifier.value", () => {
    const r = mapper.decode({ ...ITEM_ROW, ItemNumber: "9".repeat(max(Identifier.shape.value) + 1) }, undefined, { validate: false });
    expect(!r.ok && r.issues.map((i) => [i.path, i.code])).toEqual([["/ItemNumber", "value.too-big"]]);
  });

  it("checks nested strings of a converter's value (a vendor code kept as originalCode)", () => {
    const r = mapper.decode({ ...ITEM_ROW, ItemType: "Q".repeat(256) }, undefined, { validate: false });
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(["/ItemType"]);
    expect(!r.ok && r.issues[0]?.message).toContain("/type/originalCode");
  });

  it("names the property of a multi-property converter whose value is too long", () => {
    const limit = max(MaterialRef.shape.revision.unwrap());
    expect(lotMapper.decode({ LotNumber: "L1", ItemNumber: "RM-1", ItemRevision: "R".repeat(limit) }).ok).toBe(true);
    const r = lotMapper.decode({ LotNumber: "L1", ItemNumber: "RM-1", ItemRevision: "R".repeat(limit + 1) }, undefined, { validate: false });
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(["/ItemRevision"]);
    expect(!r.ok && r.issues[0]?.message).toContain("/material/revision");
  });

  it("checks the fields of child rows against the child's schema", () => {
    const limit = max(LocalizedText.shape.text);
    const ok = mapper.decode({ ...ITEM_ROW, Translations: { items: [{ Language: "en", Text: "x".repeat(limit) }] } });
    expect(ok.ok).toBe(true);
    const r = mapper.decode({ ...ITEM_ROW, Translations: { items: [{ Language: "en", Text: "x".repeat(limit + 1) }] } }, undefined, { validate: false });
    expect(!r.ok && r.issues.map((i) => [i.path, i.code])).toEqual([["/Translations/items/0/Text", "value.too-big"]]);
  });
});
