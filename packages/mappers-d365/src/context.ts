import type { ContextDefaults } from "@mfgsync/mapping";

/**
 * Identifier scheme of Dynamics 365 SCM identifiers (`Identifier.scheme`).
 *
 * @example
 * ```ts
 * import { D365_SCHEME } from "@mfgsync/mappers-d365";
 * D365_SCHEME; // "d365-scm"
 * ```
 */
export const D365_SCHEME = "d365-scm";

/**
 * Extension namespace of D365 properties kept in canonical `extensions`.
 *
 * @example
 * ```ts
 * import { D365_NAMESPACE } from "@mfgsync/mappers-d365";
 * D365_NAMESPACE; // "d365"
 * ```
 */
export const D365_NAMESPACE = "d365";

/**
 * D365 unit symbols to UN/ECE Rec 20 codes. D365 unit symbols are
 * user-defined per tenant [inferred]: these are the common demo-data symbols;
 * a tenant adds its own with the context's `units`.
 *
 * @example
 * ```ts
 * import { D365_UNITS_IN } from "@mfgsync/mappers-d365";
 * D365_UNITS_IN.ea; // "H87"
 * ```
 */
export const D365_UNITS_IN: Readonly<Record<string, string>> = {
  ea: "H87", pcs: "H87", Pcs: "H87", kg: "KGM", g: "GRM", mg: "MGM", t: "TNE", l: "LTR", ml: "MLT", m: "MTR", cm: "CMT", mm: "MMT",
  m2: "MTK", m3: "MTQ", h: "HUR", min: "MIN", s: "SEC", d: "DAY", lb: "LBR", oz: "ONZ", gal: "GLL", ft: "FOT", in: "INH", box: "BX", pk: "PK",
};

/**
 * UN/ECE Rec 20 codes to the D365 unit symbol written for them.
 *
 * @example
 * ```ts
 * import { D365_UNITS_OUT } from "@mfgsync/mappers-d365";
 * D365_UNITS_OUT.H87; // "ea"
 * ```
 */
export const D365_UNITS_OUT: Readonly<Record<string, string>> = {
  H87: "ea", KGM: "kg", GRM: "g", MGM: "mg", TNE: "t", LTR: "l", MLT: "ml", MTR: "m", CMT: "cm", MMT: "mm",
  MTK: "m2", MTQ: "m3", HUR: "h", MIN: "min", SEC: "s", DAY: "d", LBR: "lb", ONZ: "oz", GLL: "gal", FOT: "ft", INH: "in", BX: "box", PK: "pk",
};

/**
 * Context defaults of every D365 mapper: scheme `d365-scm` and the D365 unit
 * tables. Callers override them with a `MappingContext`.
 *
 * @example
 * ```ts
 * import { D365_CONTEXT_DEFAULTS } from "@mfgsync/mappers-d365";
 * D365_CONTEXT_DEFAULTS.scheme; // "d365-scm"
 * ```
 */
export const D365_CONTEXT_DEFAULTS: ContextDefaults = { scheme: D365_SCHEME, units: D365_UNITS_IN, unitsOut: D365_UNITS_OUT };

/**
 * The X++ "no date" (dateNull) D365 sends for an unset date [inferred,
 * standard platform behaviour]: read as no date, written back as sent.
 *
 * @example
 * ```ts
 * import { D365_NO_DATE } from "@mfgsync/mappers-d365";
 * D365_NO_DATE; // "1900-01-01T00:00:00Z"
 * ```
 */
export const D365_NO_DATE = "1900-01-01T00:00:00Z";

/**
 * Stable issue and warning codes the D365 package adds to those of
 * `@mfgsync/mapping` (`MAPPING_CODES`).
 *
 * @example
 * ```ts
 * import { D365_CODES } from "@mfgsync/mappers-d365";
 * D365_CODES.unitMissing; // "d365.unit.missing"
 * ```
 */
export const D365_CODES = {
  /** The production order header has no unit and `ReleasedProductV2` was not expanded (warning). */
  unitMissing: "d365.unit.missing",
  /** A bundle row that belongs to no header of the bundle. */
  bundleOrphan: "d365.bundle.orphan",
  /** A `value` page with keys that are neither OData annotations nor `value` (warning). */
  envelopeExtra: "d365.envelope.extra",
  /** A bundle that is not shaped as documented. */
  bundleInvalid: "d365.bundle.invalid",
} as const;
