
/**
 * One property of a vendor entity as its metadata states it. Shaped after
 * OData (EDM) metadata, which SAP and Microsoft publish; other vendors'
 * catalogs use the closest EDM type.
 *
 * @example
 * ```ts
 * import type { CatalogPropertyInfo } from "@mfgsync/mapping";
 * const p: CatalogPropertyInfo = { name: "TotalQuantity", edmType: "Edm.Decimal", maxLength: null, nullable: true, precision: 13, scale: 3 };
 * ```
 */
export interface CatalogPropertyInfo {
  /** Property name as on the wire. */
  readonly name: string;
  /**
   * EDM type, e.g. `Edm.String`, `Edm.Decimal`, `Edm.Date`, `Edm.DateTimeOffset`, or `Edm.Enum` (see
   * `enumMembers`). The type is abstract: the wire profile decides how it looks in the protocol's JSON.
   */
  readonly edmType: string;
  /** Maximum length of strings, or null. */
  readonly maxLength: number | null;
  /** False when the metadata says the property cannot be null. */
  readonly nullable: boolean;
  /** Total digits of decimals, or null. */
  readonly precision: number | null;
  /** Fraction digits of decimals, or null. */
  readonly scale: number | null;
  /** Vendor display format (`Date`, `NonNegative`), or null. */
  readonly displayFormat?: string | null;
  /** Whether some fact was inferred rather than read from a specification. */
  readonly inferred?: boolean;
  /** What was inferred. */
  readonly inferredNote?: string;
  /** Qualified enum type of an `Edm.Enum` property, e.g. `Microsoft.Dynamics.DataEntities.ProdStatus`. */
  readonly enumType?: string;
  /** Member names of a closed enum: any other value is refused. */
  readonly enumMembers?: readonly string[];
  /** Documented values of an open code list (lookups, tenant-defined codes): shown in the docs, never enforced. */
  readonly knownValues?: readonly string[];
  /** The vendor never accepts writes to this property: patch encodes leave it out. */
  readonly readOnly?: boolean;
  /** The source's evidence tag for this property (Oracle `P/C`, D365 `seen-csdl`), for the docs. */
  readonly evidence?: string;
}

/**
 * A vendor entity's catalog: keys, properties and navigation properties.
 * The SAP catalogs generated from the OData metadata have this shape.
 *
 * @example
 * ```ts
 * import type { CatalogEntityInfo } from "@mfgsync/mapping";
 * const entity: CatalogEntityInfo = {
 *   entitySet: "A_Defect", keys: ["DefectInternalID"],
 *   properties: [{ name: "DefectInternalID", edmType: "Edm.String", maxLength: 12, nullable: false, precision: null, scale: null }],
 *   navigationProperties: [],
 * };
 * ```
 */
export interface CatalogEntityInfo {
  /** Entity set (or resource) name. */
  readonly entitySet: string;
  /** Key property names. */
  readonly keys: readonly string[];
  /** Structural properties. */
  readonly properties: readonly CatalogPropertyInfo[];
  /** Navigation properties. */
  readonly navigationProperties: readonly { readonly name: string; readonly multiplicity?: string; readonly target?: string | null }[];
  /** `spec` when read from machine-readable metadata, `notes` when reconstructed from research notes. */
  readonly derivedFrom?: string;
}

/**
 * A compiled check of one property: undefined when fine, else the issue code
 * and message. Compiled by a wire profile ({@link WireProfile.compileCheck}).
 *
 * @example
 * ```ts
 * import type { PropertyCheck } from "@mfgsync/mapping";
 * const anything: PropertyCheck = () => undefined;
 * ```
 */
export type PropertyCheck = (value: unknown) => { readonly code: string; readonly message: string } | undefined;
