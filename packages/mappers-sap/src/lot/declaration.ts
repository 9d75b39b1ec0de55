import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { LotHold } from "@mfgsync/canonical";
import type { KnownLoss, MapperDeclaration } from "@mfgsync/mapping";
import { odataV2Profile } from "@mfgsync/mapping";
import { declareMapper, entity, field, identifier, lossNormalizers, materialRef, odataV2Date, odataV2DateTimeOffset, text } from "@mfgsync/mapping";
import { SAP_CONTEXT_DEFAULTS, SAP_NAMESPACE } from "../context.js";
import { Batch_CATALOG } from "../generated/catalog.js";
import { COMMON_LOSSES, codeLoss, issuerLoss } from "../losses.js";
import { BATCH_STATUS_LIST, batchStatus } from "./status.js";

/** Quality status and holds: SAP keeps only the batch status, read through the tenant's table. */
function qualityFactLosses(): KnownLoss[] {
  return [
    {
      path: "/qualityStatus",
      reason: `SAP keeps no quality status: it is read from the batch status through codeTables["${BATCH_STATUS_LIST}"] (restricted without a table: Other), with SAP's own originalCode`,
      normalize: lossNormalizers.codeOnly,
    },
    {
      path: "/holds",
      reason: `SAP keeps no hold records: a restricted batch reads as the one hold codeTables["${BATCH_STATUS_LIST}"].restricted.hold names (none without it), without id, reference, time, user, quantity or note`,
      normalize: (value) => (Array.isArray(value) ? value.map((h) => {
        const hold = h as LotHold;
        return { reason: { value: hold.reason.value }, source: { value: hold.source.value }, blocks: [...hold.blocks].sort() };
      }) : value),
    },
  ];
}

/**
 * The declaration of the SAP batch mapper: API_BATCH_SRV `Batch` ↔ canonical
 * `Lot`. No API_BATCH_SRV specification is stored: the catalog is built from
 * the research notes (section 6) and lists only the properties they name, so
 * other properties of a real tenant's batch arrive as uncatalogued (kept in
 * extensions, with a warning).
 *
 * @example
 * ```ts
 * import { batchDeclaration } from "@mfgsync/mappers-sap";
 * batchDeclaration.root.entity; // "Batch"
 * ```
 */
export const batchDeclaration: MapperDeclaration<"lot"> = declareMapper({
  name: "sap:lot",
  title: "SAP S/4HANA batch (API_BATCH_SRV Batch)",
  canonical: "lot",
  profile: odataV2Profile,
  namespace: SAP_NAMESPACE,
  defaults: SAP_CONTEXT_DEFAULTS,
  notes: ["API_BATCH_SRV has no stored specification: its catalog comes from the research notes and must be verified against a tenant's $metadata."],
  root: entity({
    entity: "Batch",
    catalog: Batch_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "lot" },
    // BatchIdentifyingPlant is a key but empty for batches unique across plants.
    requiredKeys: ["Material", "Batch"],
    fields: [
      field("Batch", "id", identifier({ crossReferences: true }), { required: true, note: "kept as sent, leading zeros included" }),
      field("LastChangeDateTime", "lastChangedAt", odataV2DateTimeOffset(), { uncertain: "whether SAP sends the +0000 suffix is [INFERRED]; both forms are read" }),
      field("Material", "material", materialRef(), { required: true, uncertain: "MaxLength 40 (the old VDM says 16) [SEEN-ref]" }),
      field("BatchIdentifyingPlant", "plant", text(), { note: "empty for batches unique at material or client level (then no plant)" }),
      field("ManufactureDate", "manufacturedAt", odataV2Date()),
      field("ShelfLifeExpirationDate", "expiresOn", odataV2Date(), { note: "expiry is a date; it does not change the disposition" }),
      field(["BatchIsMarkedForDeletion", "MatlBatchIsInRstrcdUseStock"], "", batchStatus(), {
        fills: ["disposition", "qualityStatus", "holds"],
        carryAlways: true,
        note: `deleted → Closed, restricted → Restricted, else UnRestricted; what "restricted" and "unrestricted" mean (quality status, the hold a restricted batch stands for) is the tenant's: codeTables["${BATCH_STATUS_LIST}"]; without one a restricted batch reads as quality status Other (originalCode "restricted") and no hold. QI and blocked are stock types, not batch attributes`,
        uncertain: "the batch status model is [INFERRED] (notes section 6); a restricted batch is not necessarily a QM hold",
      }),
      field("BatchBySupplier", "supplierLot", text()),
      field("Supplier", "supplier", identifier()),
      field("CountryOfOrigin", "countryOfOrigin", text({ pattern: /^[A-Z]{2}$/, patternMessage: "an ISO 3166-1 alpha-2 code", keepMismatch: true }), {
        note: "SAP country keys that are not ISO alpha-2 codes are kept in extensions",
      }),
    ],
  }),
  knownLoss: [
    ...COMMON_LOSSES,
    ...codeLoss(["/disposition"]),
    ...issuerLoss(["/id", "/material/id", "/supplier"]),
    { path: "/material/revision", reason: "a batch names no material revision" },
    { path: "/serialNumbers", reason: "serial numbers are not part of API_BATCH_SRV" },
    { path: "/quantity", reason: "batch stock is in API_MATERIAL_STOCK_SRV, not in the batch master" },
    { path: "/retestOn", reason: "the next inspection date is not among the catalogued batch properties" },
    { path: "/vendorStatus", reason: "SAP batches have no status code besides the flags behind the disposition" },
    { path: "/parents", reason: "genealogy comes from goods movements (confirmations), not from the batch master" },
    { path: "/children", reason: "genealogy comes from goods movements (confirmations), not from the batch master" },
    { path: "/producedBy", reason: "the producing order comes from goods movements, not from the batch master" },
    { path: "/lastChangedAt", reason: "SAP keeps milliseconds", normalize: lossNormalizers.millisecondsWithOffset },
    { path: "/manufacturedAt", reason: "SAP keeps a date only", normalize: lossNormalizers.dateOnly },
    { path: "/expiresOn", reason: "SAP keeps a date only", normalize: lossNormalizers.dateOnly },
    // Since canonical 1.1: SAP keeps the batch status only; quality status and hold come from the tenant's table.
    ...qualityFactLosses(),
  ],
});
