import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { MapperDeclaration } from "@mfgsync/mapping";
import { odataV2Profile } from "@mfgsync/mapping";
import { declareMapper, entity, field, identifier, lossNormalizers, materialRef, odataV2Date, odataV2DateTimeOffset, text } from "@mfgsync/mapping";
import { SAP_CONTEXT_DEFAULTS, SAP_NAMESPACE } from "../context.js";
import { Batch_CATALOG } from "../generated/catalog.js";
import { COMMON_LOSSES, codeLoss, issuerLoss } from "../losses.js";
import { batchDisposition } from "./disposition.js";

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
      field(["BatchIsMarkedForDeletion", "MatlBatchIsInRstrcdUseStock"], "disposition", batchDisposition(), {
        carryAlways: true,
        note: "deleted → Closed, restricted → Restricted, else UnRestricted; QI and blocked are stock types, not batch attributes",
        uncertain: "the batch status model is [INFERRED] (notes section 6)",
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
    // Since canonical 1.1:
    { path: "/qualityStatus", reason: "not mapped in this release: API_BATCH_SRV has only the restricted flag behind the disposition, and mapping it to a quality status is a follow-up" },
    { path: "/holds", reason: "not mapped in this release: a restricted batch is one flag without hold records (reason, source, blocks); the flag is kept as the disposition" },
  ],
});
