import * as z from "zod";
import { VendorCode, codedValue } from "../primitives/coded-value.js";
import { extensionsField, headerFields } from "../primitives/header.js";
import { MaterialRef, PlantCode, Reference } from "../primitives/identifier.js";
import { Quantity } from "../primitives/quantity.js";
import { DateOrTimestamp, PlainDate, Timestamp } from "../primitives/time.js";
import { AssemblyRelationship, Disposition } from "../vocabularies/b2mml.js";
import { QualityStatus } from "../vocabularies/lot-quality.js";
import { LotHold } from "./holds.js";

const SerialNumber = z.string().min(1).max(64);

/**
 * A serial-level genealogy link: which unit of the other lot went into (or
 * came from) which unit of this lot. B2MML: `MaterialSubLot` assembly.
 * Since 1.1.
 *
 * @example
 * ```ts
 * import { SerialLink } from "@mfgsync/canonical";
 * SerialLink.parse({ serialNumber: "PH40-000981", linkedSerialNumber: "RM200-55017" });
 * ```
 */
export const SerialLink = z.strictObject({
  /** This lot's unit, when this lot is serialised. */
  serialNumber: SerialNumber.optional(),
  /** The other lot's unit that went into (or came from) it. */
  linkedSerialNumber: SerialNumber,
}).meta({ id: "SerialLink", title: "Serial link", description: "Which unit of the other lot went into (or came from) which unit of this lot." });
/** A {@link SerialLink} value. @example `const s: SerialLink = { linkedSerialNumber: "RM200-55017" };` */
export type SerialLink = z.infer<typeof SerialLink>;

/**
 * One genealogy link between lots: which lot went into which, how much, and
 * which order did it. B2MML: `AssemblyLotID` with `AssemblyRelationship`;
 * `MaterialActual` of an `OperationsResponse` for the quantity.
 *
 * @example
 * ```ts
 * import { GenealogyLink } from "@mfgsync/canonical";
 * GenealogyLink.parse({
 *   lot: { value: "RM-LOT-7", scheme: "sap-s4hana", crossReferences: [{ value: "L-7", scheme: "mes" }] },
 *   quantity: { value: "4.5", unit: "KGM" },
 *   order: { value: "1000123", scheme: "sap-s4hana" },
 *   movement: { value: "4900000483/2026/1", scheme: "sap-s4hana" }, movedAt: "2026-03-02T06:45:00+01:00",
 * });
 * ```
 */
export const GenealogyLink = z.strictObject({
  /** The other lot. */
  lot: Reference,
  /** The other lot's material, when known. */
  material: MaterialRef.optional(),
  /** Quantity of the parent lot consumed into the child lot. */
  quantity: Quantity.optional(),
  /** The production order that made the child from the parent. */
  order: Reference.optional(),
  /** Permanent (physically contained) or transient link. B2MML: `AssemblyRelationship`. */
  relationship: AssemblyRelationship.optional(),
  /** The goods movement that made the link (SAP material document and item, Oracle genealogy transaction or document). Since 1.1. */
  movement: Reference.optional(),
  /** When that movement happened. Since 1.1. */
  movedAt: Timestamp.optional(),
  /** Serial-level links: which units of the other lot went into which units of this one. Since 1.1. */
  serialLinks: z.array(SerialLink).max(100000).optional(),
}).meta({ id: "GenealogyLink", title: "Genealogy link", description: "A genealogy link to another lot, with the movement that made it." });
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
 *   schemaVersion: "1.1", kind: "lot",
 *   id: { value: "0000012345", scheme: "sap-s4hana" },
 *   material: { id: { value: "FG-1000", scheme: "sap-s4hana" } },
 *   disposition: { value: "Restricted", originalCode: "X", originalList: "sap:MatlBatchIsInRstrcdUseStock" },
 *   qualityStatus: { value: "Quarantined", originalCode: "QUAR", originalList: "oracle:lot-status" },
 *   holds: [{ reason: { value: "Investigation" }, source: { value: "Manual" }, blocks: ["All"] }],
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
  serialNumbers: z.array(SerialNumber).max(100000).optional(),
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
  /** The lot's quality status (awaiting inspection, accepted, rejected, on hold, quarantined); the vendor's status as `originalCode`. Since 1.1. */
  qualityStatus: codedValue(QualityStatus).optional(),
  /** Active holds on the lot: why, by whom, what they block. Released holds are not listed. Since 1.1. */
  holds: z.array(LotHold).max(1000).optional(),
  /** The vendor's own lot status, kept apart from the disposition. B2MML: `Status`. */
  vendorStatus: VendorCode.optional(),
  /** The supplier's lot number for purchased material. */
  supplierLot: z.string().min(1).max(64).optional(),
  /** Supplier that delivered the lot. */
  supplier: Reference.optional(),
  /** ISO 3166-1 alpha-2 country of origin. */
  countryOfOrigin: z.string().regex(/^[A-Z]{2}$/, { error: "country must be an ISO 3166-1 alpha-2 code" }).optional(),
  /** Lots consumed to make this lot. */
  parents: z.array(GenealogyLink).max(10000).optional(),
  /** Lots this lot was consumed into. */
  children: z.array(GenealogyLink).max(10000).optional(),
  /** Order that produced the lot. */
  producedBy: Reference.optional(),
  ...extensionsField,
}).meta({ id: "Lot", title: "Lot", description: "A lot or batch (ISA-95 MaterialLot) with disposition, quality status, holds and genealogy." });
/** A {@link Lot} value. @example `import type { Lot } from "@mfgsync/canonical";` */
export type Lot = z.infer<typeof Lot>;
