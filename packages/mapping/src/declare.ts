import type { IdentifierScope, ObjectName } from "@mfgsync/canonical";
import type { CatalogEntityInfo } from "./catalog.js";
import type { ContextDefaults, MappingContext } from "./context.js";
import type { AnyConverter } from "./converter.js";
import type { WireProfile } from "./profiles/profile.js";

/**
 * One row of a mapper's field table: vendor property (or properties, as the
 * vendor spells them) ↔ canonical path, through a converter.
 *
 * @example
 * ```ts
 * import type { FieldDeclaration } from "@mfgsync/mapping";
 * import { decimal, field, quantity, unitCode } from "@mfgsync/mapping";
 * const row: FieldDeclaration = field(["TotalQuantity", "ProductionUnit"], "plannedQuantity", quantity(decimal(), unitCode()), { required: true });
 * ```
 */
export interface FieldDeclaration {
  /** Vendor properties read and written, in the converter's order. */
  readonly vendor: readonly string[];
  /**
   * Canonical path relative to the object, dot-separated (`material`, `state`); `""` for a converter that
   * reads and writes several fields of the object at once (list them in `fills`); or null for vendor-only
   * bookkeeping (a key repeated from the parent) whose converter never produces a value. A segment
   * `name[key=value]` selects the element of an array whose `key` is `value`, and appends it when it is
   * missing: `crossReferences[scheme=oracle-fusion.work-order-id]` keeps a surrogate id beside the user key.
   */
  readonly canonical: string | null;
  /** The canonical fields an object-level converter (`canonical: ""`) fills. */
  readonly fills?: readonly string[];
  /** The converter. */
  readonly converter: AnyConverter;
  /** Empty vendor values and missing canonical values are issues. */
  readonly required: boolean;
  /** Keep the raw vendor values in the extensions as well, for many-to-one reductions (status flags to one state). */
  readonly carryAlways: boolean;
  /** Remark for the mapping table. */
  readonly note?: string;
  /** What about this vendor fact is uncertain (not verified against a live system). */
  readonly uncertain?: string;
}

/**
 * Builds a {@link FieldDeclaration}.
 *
 * @example
 * ```ts
 * import { field, identifier } from "@mfgsync/mapping";
 * const id = field("ManufacturingOrder", "id", identifier({ crossReferences: true }), { required: true, note: "order number" });
 * ```
 */
export function field(
  vendor: string | readonly string[],
  canonical: string | null,
  converter: AnyConverter,
  options: { readonly required?: boolean; readonly carryAlways?: boolean; readonly fills?: readonly string[]; readonly note?: string; readonly uncertain?: string } = {},
): FieldDeclaration {
  return {
    vendor: typeof vendor === "string" ? [vendor] : [...vendor],
    canonical,
    ...(options.fills === undefined ? {} : { fills: [...options.fills] }),
    converter,
    required: options.required === true,
    carryAlways: options.carryAlways === true,
    ...(options.note === undefined ? {} : { note: options.note }),
    ...(options.uncertain === undefined ? {} : { uncertain: options.uncertain }),
  };
}

/**
 * A navigation to child entities (operations of an order) mapped to a
 * canonical array, or to one child entity mapped to a canonical object.
 *
 * @example
 * ```ts
 * import type { ChildDeclaration } from "@mfgsync/mapping";
 * ```
 */
export interface ChildDeclaration {
  /** Vendor navigation property. */
  readonly navigation: string;
  /** Canonical path of the array (or object, when `single`). */
  readonly canonical: string;
  /** How each child entity maps. */
  readonly entity: EntityDeclaration;
  /** `many` (an array of children) or `single` (one child or none). */
  readonly cardinality: "many" | "single";
  /** Canonical path inside a child that identifies it, used to pair children with the vendor data kept for them. */
  readonly match?: string;
  /** The canonical array is optional: an absent or unexpanded navigation leaves it out (instead of `[]`), and a missing array is not written. */
  readonly optional: boolean;
  /** Remark for the mapping table. */
  readonly note?: string;
  /**
   * Rows that share a key form one canonical item: the row whose `primary.property` is `primary.value`
   * becomes the item, the others (D365 secondary route rows `Secondary1`, …) are kept whole with it and
   * written back after it.
   */
  readonly group?: { readonly by: string; readonly primary: { readonly property: string; readonly value: unknown } };
  /**
   * The rows become items of an array of the root object rather than of this object (Oracle operation
   * materials become the order's components): `into` is the root's canonical array, `link` names the
   * canonical path in each item that is set to the parent item's `parent` path (`issuingOperation` =
   * the operation's `sequence`), so that encode can put each item back under its parent.
   */
  readonly flatten?: {
    readonly into: string; readonly link: { readonly canonical: string; readonly parent: string };
    /**
     * Which items of the root array are this child's rows, when two children flatten into one array
     * (Oracle process operation materials and outputs both become components): encode writes under this
     * child only the items `when` accepts. The children's `when`s should divide the array between them.
     */
    readonly when?: (item: Readonly<Record<string, unknown>>) => boolean;
  };
}

/**
 * Builds a {@link ChildDeclaration}.
 *
 * @example
 * ```ts
 * import { child, entity, field, text } from "@mfgsync/mapping";
 * const descriptions = child("to_Description", "descriptions", entity({ entity: "A_ProductDescription", fields: [field("ProductDescription", "text", text())] }));
 * ```
 */
export function child(
  navigation: string,
  canonical: string,
  entityDeclaration: EntityDeclaration,
  options: {
    readonly cardinality?: "many" | "single"; readonly match?: string; readonly optional?: boolean; readonly note?: string;
    readonly group?: ChildDeclaration["group"]; readonly flatten?: ChildDeclaration["flatten"]
  } = {},
): ChildDeclaration {
  return {
    navigation, canonical, entity: entityDeclaration, cardinality: options.cardinality ?? "many", optional: options.optional === true,
    ...(options.match === undefined ? {} : { match: options.match }),
    ...(options.note === undefined ? {} : { note: options.note }),
    ...(options.group === undefined ? {} : { group: options.group }),
    ...(options.flatten === undefined ? {} : { flatten: options.flatten }),
  };
}

/**
 * How one vendor entity maps to one canonical object (or child object).
 *
 * @example
 * ```ts
 * import type { EntityDeclaration } from "@mfgsync/mapping";
 * ```
 */
export interface EntityDeclaration {
  /** Vendor entity set name, for the docs. */
  readonly entity: string;
  /** The vendor catalog of the entity: validation before mapping and coverage. */
  readonly catalog?: CatalogEntityInfo;
  /** Canonical fields with fixed values (`schemaVersion`, `kind`). */
  readonly constants?: Readonly<Record<string, unknown>>;
  /** Field table. */
  readonly fields: readonly FieldDeclaration[];
  /** Navigation children. */
  readonly children?: readonly ChildDeclaration[];
  /** Where the plant is, for time zones: the vendor property and the canonical path. Children without a plant use their parent's. */
  readonly plant?: { readonly vendor: string; readonly canonical?: string };
  /** Vendor keys that must be present and non-empty (default: the catalog keys of a root entity, none for children). */
  readonly requiredKeys?: readonly string[];
  /**
   * The property that scopes this record's keys (D365 `dataAreaId`, Oracle `OrganizationCode`): identifiers
   * declared `scoped` take it as their `scope`. On encode it is written from the scope of the identifier at
   * `from` (default `id`; children without `from` repeat their parent's). With `caseInsensitive` (D365),
   * `USMF` and `usmf` are the same company.
   */
  readonly scope?: {
    readonly vendor: string; readonly type: IdentifierScope["type"]; readonly from?: string; readonly caseInsensitive?: boolean;
    /** A canonical path of a plain code (the order's `plant`) written as the scope when the identifier has none (an object from another vendor). */
    readonly fallback?: string;
  };
}

/**
 * Builds an {@link EntityDeclaration}.
 *
 * @example
 * ```ts
 * import { entity, field, identifier } from "@mfgsync/mapping";
 * const defect = entity({ entity: "A_Defect", fields: [field("DefectInternalID", "id", identifier(), { required: true })] });
 * ```
 */
export function entity(declaration: EntityDeclaration): EntityDeclaration {
  return declaration;
}

/**
 * What a loss normalizer may consult.
 *
 * @example
 * ```ts
 * import type { LossEnvironment } from "@mfgsync/mapping";
 * const zoneOf = (env: LossEnvironment) => env.zoneOf("1010");
 * ```
 */
export interface LossEnvironment {
  /** The mapping context of the round trip. */
  readonly context: MappingContext;
  /** The whole canonical object. */
  readonly root: unknown;
  /** The object (or child object) that holds the value. */
  readonly parent: unknown;
  /** The IANA zone the mapper uses for a plant (UTC when none is configured). */
  zoneOf(plant: string | undefined): string;
}

/**
 * A canonical field (or part of one) the vendor cannot hold exactly, stated
 * up front so that round-trip tests never discover it by accident.
 * `path` is a JSON Pointer in which `*` matches any array index or key and
 * `**` any number of segments (`/components/**` is everything under the
 * components).
 * Without `normalize` the value is lost entirely; with it, `normalize` says
 * what survives (return `undefined` to drop the field).
 *
 * @example
 * ```ts
 * import type { KnownLoss } from "@mfgsync/mapping";
 * const loss: KnownLoss = { path: "/crossReferences", reason: "SAP keeps no identifiers of other systems" };
 * ```
 */
export interface KnownLoss {
  /** JSON Pointer pattern into the canonical object; `*` matches one segment, `**` any number. */
  readonly path: string;
  /** Why the vendor cannot hold it. */
  readonly reason: string;
  /** What survives the round trip. */
  readonly normalize?: (value: unknown, env: LossEnvironment) => unknown;
}

/**
 * A whole mapper declaration: one vendor entity (with its children) ↔ one
 * canonical object. From it come decode, encode, the mapping table, the
 * coverage report and the conformance tests.
 *
 * @example
 * ```ts
 * import type { MapperDeclaration } from "@mfgsync/mapping";
 * ```
 */
export interface MapperDeclaration<N extends ObjectName = ObjectName> {
  /** Mapper name, `<vendor>:<canonical object>`, e.g. `sap:production-order`. */
  readonly name: string;
  /** Human name of the vendor API, for the docs. */
  readonly title: string;
  /** The canonical object produced. */
  readonly canonical: N;
  /** The protocol: envelopes, transport annotations, collections, JSON encodings of the catalog types. */
  readonly profile: WireProfile;
  /** Extension namespace for vendor fields without a canonical home (`sap`). */
  readonly namespace: string;
  /** The root entity. */
  readonly root: EntityDeclaration;
  /** Context defaults: identifier scheme, unit tables. */
  readonly defaults: ContextDefaults;
  /** What canonical fields the vendor cannot hold. */
  readonly knownLoss: readonly KnownLoss[];
  /** Remarks for the docs: uncertain vendor facts, conventions. */
  readonly notes?: readonly string[];
}

/**
 * Identity helper that type-checks a {@link MapperDeclaration} and keeps its
 * canonical object name as a literal type.
 *
 * @example
 * ```ts
 * import { declareMapper, entity, field, identifier, odataV4Profile } from "@mfgsync/mapping";
 * const declaration = declareMapper({
 *   name: "acme:lot", title: "ACME lots", canonical: "lot", profile: odataV4Profile, namespace: "acme", defaults: { scheme: "acme" }, knownLoss: [],
 *   root: entity({ entity: "Lot", fields: [field("LotId", "id", identifier(), { required: true })] }),
 * });
 * ```
 */
export function declareMapper<const N extends ObjectName>(declaration: MapperDeclaration<N>): MapperDeclaration<N> {
  return declaration;
}
