import { z } from "zod";
import { VendorCode, codedValue } from "../primitives/coded-value.js";
import { extensionsField, headerFields } from "../primitives/header.js";
import { Identifier, MaterialRef, PlantCode } from "../primitives/identifier.js";
import { Quantity } from "../primitives/quantity.js";
import { DateOrTimestamp, PlainDate } from "../primitives/time.js";
import { AssemblyRelationship, Disposition } from "../vocabularies/b2mml.js";

/**
 * One genealogy link between lots: which lot went into which, how much, and
 * which order did it. B2MML: `AssemblyLotID` with `AssemblyRelationship`;
 * `MaterialActual` of an `OperationsResponse` for the quantity.
 *
 * @example
 * ```ts
 * import { GenealogyLink } from "@mfgsync/canonical";
 * GenealogyLink.parse({
 *   lot: { value: "RM-LOT-7", scheme: "sap-s4hana" },
 *   quantity: { value: "4.5", unit: "KGM" },
 *   order: { value: "1000123", scheme: "sap-s4hana" },
 * });
 * ```
 */
export const GenealogyLink = z.strictObject({
  /** The other lot. */
  lot: Identifier,
  /** The other lot's material, when known. */
  material: MaterialRef.optional(),
  /** Quantity of the parent lot consumed into the child lot. */
  quantity: Quantity.optional(),
  /** The production order that made the child from the parent. */
  order: Identifier.optional(),
  /** Permanent (physically contained) or transient link. B2MML: `AssemblyRelationship`. */
  relationship: AssemblyRelationship.optional(),
});
/** A {@link GenealogyLink} value. @example `import type { GenealogyLink } from "@mfgsync/canonical";` */
export type GenealogyLink = z.infer<typeof GenealogyLink>;

/**
 * A lot or batch (and, for serialised material, its serial numbers). ISA-95 /
 * B2MML: `MaterialLot` (serials as `MaterialSubLot`).
 *
 * @example
 * ```ts
 * import { parseLot } from "@mfgsync/canonical";
 * parseLot({
 *   schemaVersion: "1.0", kind: "lot",
 *   id: { value: "0000012345", scheme: "sap-s4hana" },
 *   material: { id: { value: "FG-1000", scheme: "sap-s4hana" } },
 *   disposition: { value: "Restricted", originalCode: "X", originalList: "sap:BatchIsMarkedForDeletion" },
 * });
 * ```
 */
export const Lot = z.strictObject({
  ...headerFields("lot"),
  /** Material of the lot. B2MML: `MaterialDefinitionID`. */
  material: MaterialRef,
  /** Plant the lot belongs to; absent when lots are unique across plants (SAP cross-plant batches). B2MML: `HierarchyScope`. */
  plant: PlantCode.optional(),
  /** Serial numbers of the units in the lot, for serialised material. B2MML: `MaterialSubLot/ID`. */
  serialNumbers: z.array(z.string().min(1).max(64)).max(100000).optional(),
  /** Quantity currently in the lot. B2MML: `Quantity`. */
  quantity: Quantity.optional(),
  /** Date or instant of manufacture. B2MML: property `ManufactureDate`. */
  manufacturedAt: DateOrTimestamp.optional(),
  /** Shelf-life expiry. B2MML: property `ExpiryDate`. */
  expiresOn: DateOrTimestamp.optional(),
  /** Next inspection (retest) date. */
  retestOn: PlainDate.optional(),
  /** Whether the lot may be used: the portable, enumerated status. B2MML: `Disposition`. */
  disposition: codedValue(Disposition),
  /** The vendor's own lot status, kept apart from the disposition. B2MML: `Status`. */
  vendorStatus: VendorCode.optional(),
  /** The supplier's lot number for purchased material. */
  supplierLot: z.string().min(1).max(64).optional(),
  /** Supplier that delivered the lot. */
  supplier: Identifier.optional(),
  /** ISO 3166-1 alpha-2 country of origin. */
  countryOfOrigin: z.string().regex(/^[A-Z]{2}$/, { error: "country must be an ISO 3166-1 alpha-2 code" }).optional(),
  /** Lots consumed to make this lot. */
  parents: z.array(GenealogyLink).max(10000).optional(),
  /** Lots this lot was consumed into. */
  children: z.array(GenealogyLink).max(10000).optional(),
  /** Order that produced the lot. */
  producedBy: Identifier.optional(),
  ...extensionsField,
}).meta({ id: "Lot", title: "Lot", description: "A lot or batch (ISA-95 MaterialLot) with disposition and genealogy." });
/** A {@link Lot} value. @example `import type { Lot } from "@mfgsync/canonical";` */
export type Lot = z.infer<typeof Lot>;
