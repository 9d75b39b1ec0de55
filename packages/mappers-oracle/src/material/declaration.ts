import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { MapperDeclaration } from "@mfgsync/mapping";
import { declareMapper, entity, field, identifier, lossNormalizers, oracleRestProfile, text } from "@mfgsync/mapping";
import { ORACLE_CONTEXT_DEFAULTS, ORACLE_ID_SCHEMES, ORACLE_NAMESPACE } from "../context.js";
import { ITEM_V2_CATALOG } from "../generated/catalog.js";
import { COMMON_LOSSES, codeLoss, issuerLoss } from "../losses.js";
import { unitName } from "../units.js";
import { controlCode, displayValue } from "./converters.js";

/** Item status display values → canonical lifecycle status [inferred: pod lookups; "Active" is seen]. */
const ITEM_STATUS = { Active: "Approved", Inactive: "Blocked", Obsolete: "Obsolete", Pending: "Draft", Prototype: "Draft", "Engineering Hold": "Blocked" } as const;
/** User item types → canonical material type [inferred: pod set-up]. */
const ITEM_TYPE = {
  "Finished Good": "FinishedGood", "Finished Goods": "FinishedGood", "Purchased Item": "RawMaterial", "Raw Material": "RawMaterial", Subassembly: "SemiFinished",
  "Supply Item": "Consumable", Packaging: "Packaging", "Spare Part": "SparePart", Service: "Service",
} as const;

/**
 * The declaration of the Oracle item mapper: Product Hub `itemsV2` ↔
 * canonical `Material`. Items come per organisation (the master and each
 * child organisation), so the item number is scoped by `OrganizationCode`;
 * `ItemId` is kept as a cross-reference. Children (revisions, categories,
 * translations, supplier associations) are kept in the extensions.
 *
 * @example
 * ```ts
 * import { itemDeclaration } from "@mfgsync/mappers-oracle";
 * itemDeclaration.root.entity; // "itemsV2"
 * ```
 */
export const itemDeclaration: MapperDeclaration<"material"> = declareMapper({
  name: "oracle:material",
  title: "Oracle Fusion Cloud SCM item (REST itemsV2)",
  canonical: "material",
  profile: oracleRestProfile,
  namespace: ORACLE_NAMESPACE,
  defaults: ORACLE_CONTEXT_DEFAULTS,
  root: entity({
    entity: "itemsV2",
    catalog: ITEM_V2_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "material" },
    requiredKeys: [],
    scope: { vendor: "OrganizationCode", type: "organization" },
    fields: [
      field("ItemNumber", "id", identifier({ scoped: true, crossReferences: true }), { required: true, note: "user key, scoped by OrganizationCode (one row per organisation)" }),
      field("ItemId", `crossReferences[scheme=${ORACLE_ID_SCHEMES.item}]`, identifier({ numeric: true, scheme: ORACLE_ID_SCHEMES.item }), { note: "int64 surrogate id, kept exactly" }),
      field("ItemDescription", "descriptions[language=en].text", text({ keepEmpty: false }), { note: "the description in the session language", uncertain: "that the session language is English is [inferred]; LongDescription and ItemTranslation are kept in extensions" }),
      field("UserItemTypeValue", "type", displayValue({ list: "oracle:UserItemType", values: ITEM_TYPE, fallback: "Other" }), { note: "user item type display value; null reads as Other", uncertain: "user item type values are pod set-up [inferred]" }),
      field("ItemClass", "group", text(), { note: "item class name" }),
      field("PrimaryUOMValue", "baseUnit", unitName(), { required: true, note: "the unit *name* (\"Each\"), through the unit table" }),
      field("ItemStatusValue", "lifecycleStatus", displayValue({ list: "oracle:ItemStatus", values: ITEM_STATUS, fallback: "Other" }), { note: "item status display value (\"Active\"); null reads as Other", uncertain: "status values other than Active are [inferred]" }),
      field(["LotControlCode", "LotControlValue"], "lotControlled", controlCode({ on: [2], off: [1], values: { "Full lot control": 2, "No lot control": 1 }, write: { true: 2, false: 1 } }), { note: "1 No lot control, 2 Full lot control" }),
      field(["SerialGenerationCode", "SerialGenerationValue"], "serialControlled", controlCode({
        on: [2, 5, 6], off: [1],
        values: { "No serial number control": 1, "Predefined serial numbers": 2, "Dynamic entry at inventory receipt": 5, "Dynamic entry at sales order issue": 6 },
        write: { true: 5, false: 1 },
      }), { note: "1 none; 2 predefined, 5 at receipt, 6 at sales order issue; fresh serial-controlled items are written as 5" }),
    ],
  }),
  knownLoss: [
    ...COMMON_LOSSES,
    { path: "/crossReferences", reason: "only ItemId (oracle-fusion.inventory-item-id) is kept as a cross-reference", normalize: (value) => {
      if (!Array.isArray(value)) return value;
      const kept = (value as { scheme?: unknown }[]).filter((r) => r.scheme === ORACLE_ID_SCHEMES.item).map((r) => {
        const { issuer: _i, scope: _s, ...rest } = r as Record<string, unknown>;
        return rest;
      });
      return kept.length > 0 ? kept.slice(0, 1) : undefined;
    } },
    ...issuerLoss(["/id"], { keepScope: true }),
    { path: "/lastChangedAt", reason: "not among the catalogued itemsV2 attributes" },
    { path: "/revision", reason: "revisions are the ItemRevision rows, kept in extensions" },
    { path: "/gtin", reason: "GTINs are trading-partner item relationships, not itemsV2 attributes" },
    { path: "/descriptions", reason: "one description (ItemDescription) in the session language; translations are kept in extensions", normalize: (value) => {
      if (!Array.isArray(value)) return value;
      const en = (value as { language?: unknown; text?: unknown }[]).find((d) => d.language === "en");
      return en === undefined || en.text === "" ? undefined : [{ language: "en", text: en.text }];
    } },
    { path: "/alternativeUnits", reason: "unit conversions are in unitsOfMeasure/intraclassConversions, not in itemsV2" },
    { path: "/shelfLifeDays", reason: "not among the catalogued itemsV2 attributes" },
    { path: "/grossWeight", reason: "not among the catalogued itemsV2 attributes" },
    { path: "/netWeight", reason: "not among the catalogued itemsV2 attributes" },
    { path: "/plants", reason: "one itemsV2 row per organisation: the organisation is the scope of the id (OrganizationCode); plant-level settings of other organisations are other rows" },
    { path: "/specifications", reason: "specifications are inspection plans, another resource" },
    { path: "/inspectionPlans", reason: "inspection plans are another resource (inspectionPlans)" },
    ...codeLoss(["/type"]),
    ...codeLoss(["/lifecycleStatus"], (v) => (Object.values(ITEM_STATUS).includes(v as never) ? v : "Other")),
    { path: "/group", reason: "an empty ItemClass means none", normalize: lossNormalizers.emptyIsNone },
  ],
});
