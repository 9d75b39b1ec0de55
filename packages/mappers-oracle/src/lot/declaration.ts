import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { LossEnvironment, MapperDeclaration } from "@mfgsync/mapping";
import { declareMapper, entity, field, identifier, isoDate, lossNormalizers, materialRef, oracleRestProfile, text } from "@mfgsync/mapping";
import { ORACLE_CODE_LISTS, ORACLE_CONTEXT_DEFAULTS, ORACLE_ID_SCHEMES, ORACLE_NAMESPACE } from "../context.js";
import { organizationPlant } from "../converters.js";
import { INVENTORY_ITEM_LOT_CATALOG } from "../generated/catalog.js";
import { COMMON_LOSSES, issuerLoss } from "../losses.js";
import { lotStatus, lotStatusCode, lotStatusFields } from "./status.js";

/** What survives of the status fields: what the code written for the lot means. */
function statusLoss(field: "disposition" | "qualityStatus" | "holds" | "vendorStatus") {
  return (_value: unknown, env: LossEnvironment): unknown => {
    const table = env.context.codeTables?.[ORACLE_CODE_LISTS.lotStatus];
    return lotStatusFields(lotStatusCode(env.root as Record<string, unknown>, table), table)[field];
  };
}

/**
 * The declaration of the Oracle lot mapper: Inventory `inventoryItemLots`
 * ↔ canonical `Lot`. The lot number is scoped by `OrganizationCode` (the
 * user key is organisation + item + lot); the material status
 * (`StatusCode`, tenant-defined) gives disposition, quality status and holds
 * through the context's code table; dates are plain dates.
 *
 * @example
 * ```ts
 * import { lotDeclaration } from "@mfgsync/mappers-oracle";
 * lotDeclaration.root.entity; // "inventoryItemLots"
 * ```
 */
export const lotDeclaration: MapperDeclaration<"lot"> = declareMapper({
  name: "oracle:lot",
  title: "Oracle Fusion Cloud SCM lot (REST inventoryItemLots)",
  canonical: "lot",
  profile: oracleRestProfile,
  namespace: ORACLE_NAMESPACE,
  defaults: ORACLE_CONTEXT_DEFAULTS,
  root: entity({
    entity: "inventoryItemLots",
    catalog: INVENTORY_ITEM_LOT_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "lot" },
    requiredKeys: [],
    scope: { vendor: "OrganizationCode", type: "organization", fallback: "plant" },
    fields: [
      field("LotNumber", "id", identifier({ scoped: true }), { required: true, note: "user key: organisation + item + lot number" }),
      field([], "plant", organizationPlant("OrganizationCode"), { note: "OrganizationCode (the scope); OrganizationId is kept in extensions", uncertain: "that lots carry OrganizationCode is [inferred] in the notes (seen in the field catalog)" }),
      field("ItemNumber", "material", materialRef({ scoped: true }), { required: true, note: "ItemDescription is kept in extensions" }),
      field("InventoryItemId", `material.id.crossReferences[scheme=${ORACLE_ID_SCHEMES.item}]`, identifier({ numeric: true, scheme: ORACLE_ID_SCHEMES.item }), { note: "int64 surrogate id, kept exactly" }),
      field("StatusCode", "", lotStatus(), {
        fills: ["disposition", "qualityStatus", "holds", "vendorStatus"],
        note: "material status: tenant codes through codeTables[\"oracle:lot-status\"]; the code is kept as vendorStatus",
        uncertain: "material statuses are user-defined; the defaults for Active, Hold, Quarantine and Rejected are [inferred]",
      }),
      field("OriginationDate", "manufacturedAt", isoDate(), { uncertain: "that lot dates are plain dates is [inferred]" }),
      field("ExpirationDate", "expiresOn", isoDate(), { uncertain: "that lot dates are plain dates is [inferred]" }),
      field("SupplierLotNumber", "supplierLot", text(), { uncertain: "SupplierLotNumber is [inferred]" }),
    ],
  }),
  knownLoss: [
    ...COMMON_LOSSES,
    { path: "/crossReferences", reason: "Oracle lots have no surrogate id in the catalog (the hash key inventoryItemLotsUniqID is not data)" },
    ...issuerLoss(["/id"], { keepScope: true }),
    ...issuerLoss(["/material/id"], { crossReferences: [ORACLE_ID_SCHEMES.item] }),
    { path: "/material/revision", reason: "lots carry no item revision" },
    {
      path: "/plant",
      reason: "OrganizationCode is both the plant and the scope of the keys: a lot written without a plant reads back with its organisation as plant",
      normalize: (value, env) => value ?? ((env.root as { id?: { scope?: { value?: unknown } } } | undefined)?.id?.scope?.value),
    },
    { path: "/lastChangedAt", reason: "not among the catalogued inventoryItemLots attributes" },
    { path: "/serialNumbers", reason: "serials are inventoryItemSerialNumbers, another resource" },
    { path: "/quantity", reason: "on-hand quantities are inventoryOnhandBalances, another resource" },
    { path: "/manufacturedAt", reason: "OriginationDate is a date", normalize: lossNormalizers.dateOnly },
    { path: "/expiresOn", reason: "ExpirationDate is a date", normalize: lossNormalizers.dateOnly },
    { path: "/retestOn", reason: "the catalog has no retest date (MaturityDate and HoldDate are kept in extensions)" },
    { path: "/disposition", reason: "one material status per lot: the disposition is what the status means", normalize: statusLoss("disposition") },
    { path: "/qualityStatus", reason: "one material status per lot: the quality status is what the status means", normalize: statusLoss("qualityStatus") },
    { path: "/holds", reason: "one material status per lot: a status in hold reads as one manual hold that blocks everything", normalize: statusLoss("holds") },
    { path: "/vendorStatus", reason: "the material status code is the vendor status (list oracle:lot-status)", normalize: statusLoss("vendorStatus") },
    { path: "/supplier", reason: "the supplier of a lot is on the receipt, not in inventoryItemLots" },
    { path: "/countryOfOrigin", reason: "not among the catalogued inventoryItemLots attributes" },
    { path: "/parents", reason: "genealogy is genealogyObjects/genealogyRelationships (not mapped in this release); ParentLotNumber is kept in extensions" },
    { path: "/children", reason: "genealogy is genealogyObjects/genealogyRelationships (not mapped in this release)" },
    { path: "/producedBy", reason: "the producing work order is in WorkOrderLotNumber and genealogy, not in inventoryItemLots" },
    { path: "/supplierLot", reason: "an empty SupplierLotNumber means none", normalize: lossNormalizers.emptyIsNone },
  ],
});
