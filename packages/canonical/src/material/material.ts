import * as z from "zod";
import { codedValue } from "../primitives/coded-value.js";
import { DecimalString } from "../primitives/decimal.js";
import { extensionsField, headerFields } from "../primitives/header.js";
import { Identifier, PlantCode } from "../primitives/identifier.js";
import { Quantity } from "../primitives/quantity.js";
import { UnitCode } from "../primitives/unit.js";
import { LifecycleStatus, MaterialType } from "../vocabularies/quality.js";

/**
 * A description in one language. B2MML: `Description` (with `languageID`).
 *
 * @example
 * ```ts
 * import { LocalizedText } from "@mfgsync/canonical";
 * LocalizedText.parse({ language: "en", text: "Pump housing" });
 * ```
 */
export const LocalizedText = z.strictObject({
  /** BCP 47 language tag (`en`, `de-DE`); SAP's one-letter keys are mapped by the mappers. */
  language: z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, { error: "language must be a BCP 47 tag such as en or de-DE" }),
  /** The text. */
  text: z.string().max(4000),
});
/** A {@link LocalizedText} value. @example `const t: LocalizedText = { language: "en", text: "Bolt" };` */
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * An alternative unit of measure and how it converts to the base unit:
 * one `unit` equals `numerator / denominator` base units (SAP `QuantityNumerator`
 * / `QuantityDenominator`, D365 unit conversions). Exact decimals, no floats.
 *
 * @example
 * ```ts
 * import { AlternativeUnit } from "@mfgsync/canonical";
 * // one dozen (DZN) is 12 pieces; Rec 21 package codes such as XBX are not Rec 20 units
 * AlternativeUnit.parse({ unit: "DZN", numerator: "12", denominator: "1" });
 * ```
 */
export const AlternativeUnit = z.strictObject({
  /** The alternative unit (Rec 20). */
  unit: UnitCode,
  /** Base units in `denominator` alternative units. */
  numerator: DecimalString,
  /** Alternative units that equal `numerator` base units; never zero. */
  denominator: DecimalString,
});
/** An {@link AlternativeUnit} value. @example `const a: AlternativeUnit = { unit: "KGM", numerator: "1", denominator: "1" };` */
export type AlternativeUnit = z.infer<typeof AlternativeUnit>;

/**
 * Plant-specific material data (SAP `A_ProductPlant`, Oracle item
 * organization assignment, D365 site-specific settings).
 *
 * @example
 * ```ts
 * import { MaterialPlant } from "@mfgsync/canonical";
 * MaterialPlant.parse({ plant: "1010", lotControlled: true });
 * ```
 */
export const MaterialPlant = z.strictObject({
  /** Plant or site code. B2MML: `HierarchyScope` at Site level. */
  plant: PlantCode,
  /** Lot (batch) management required in this plant, when it differs from the material-wide setting. */
  lotControlled: z.boolean().optional(),
  /** Serial number profile active in this plant. */
  serialControlled: z.boolean().optional(),
  /** Status of the material in this plant (SAP plant-specific material status). */
  status: codedValue(LifecycleStatus).optional(),
  /** Quality inspection active for this material in this plant. */
  inspectionActive: z.boolean().optional(),
  /** Default storage location for goods receipts from production. */
  storageLocation: z.string().min(1).max(32).optional(),
});
/** A {@link MaterialPlant} value. @example `const p: MaterialPlant = { plant: "1010" };` */
export type MaterialPlant = z.infer<typeof MaterialPlant>;

/**
 * A material (product, item, released product). ISA-95 / B2MML:
 * `MaterialDefinition`.
 *
 * @example
 * ```ts
 * import { parseMaterial } from "@mfgsync/canonical";
 * const material = parseMaterial({
 *   schemaVersion: "1.1", kind: "material",
 *   id: { value: "FG-1000", scheme: "sap-s4hana" },
 *   type: { value: "FinishedGood" }, baseUnit: "H87",
 *   lifecycleStatus: { value: "Approved" },
 * });
 * ```
 */
export const Material = z.strictObject({
  ...headerFields("material"),
  /** Engineering revision currently valid (SAP revision level, Oracle item revision). B2MML: `Version`. */
  revision: z.string().min(1).max(40).optional(),
  /** GS1 Global Trade Item Number (8, 12, 13 or 14 digits). */
  gtin: z.string().regex(/^(?:\d{8}|\d{12,14})$/, { error: "a GTIN has 8, 12, 13 or 14 digits" }).optional(),
  /** Descriptions by language. B2MML: `Description`. */
  descriptions: z.array(LocalizedText).max(100).optional(),
  /** Kind of material; the vendor's type (SAP `FERT`, `ROH`) is kept as `originalCode`. B2MML: `MaterialClassID`. */
  type: codedValue(MaterialType),
  /** Material group (SAP `ProductGroup`, Oracle item class). */
  group: z.string().min(1).max(64).optional(),
  /** Base unit of measure (Rec 20); stock and conversions refer to it. B2MML: property `BaseUnitOfMeasure`. */
  baseUnit: UnitCode,
  /** Alternative units with conversion factors to the base unit. */
  alternativeUnits: z.array(AlternativeUnit).max(100).optional(),
  /** Whether stock is managed in lots/batches. B2MML: `MaterialLotSourceID` implies lots. */
  lotControlled: z.boolean().optional(),
  /** Whether units are serialised. */
  serialControlled: z.boolean().optional(),
  /** Total shelf life in days, used to derive lot expiry dates. */
  shelfLifeDays: z.int().min(0).max(100000).optional(),
  /** Gross weight of one base unit. */
  grossWeight: Quantity.optional(),
  /** Net weight of one base unit. */
  netWeight: Quantity.optional(),
  /** Approval / lifecycle status; only `Approved` materials may be produced (validators: `material/approved`). */
  lifecycleStatus: codedValue(LifecycleStatus),
  /** Plant-specific data. */
  plants: z.array(MaterialPlant).max(1000).optional(),
  /** Specifications the material must meet. B2MML: `TestSpecificationID`. */
  specifications: z.array(Identifier).max(100).optional(),
  /** Inspection plans used for this material. */
  inspectionPlans: z.array(Identifier).max(100).optional(),
  ...extensionsField,
}).meta({ id: "Material", title: "Material", description: "A material (ISA-95 MaterialDefinition)." });
/** A {@link Material} value, as inferred from the schema. @example `import type { Material } from "@mfgsync/canonical";` */
export type Material = z.infer<typeof Material>;
