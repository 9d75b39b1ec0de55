import * as z from "zod";

/**
 * Pattern of an identifier scheme: lower-case words joined by `-` or `.`,
 * e.g. `sap-s4hana`, `oracle-fusion`, `d365`, `mes`, `qms`, `gs1.gtin`.
 */
export const SCHEME_PATTERN = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;

/**
 * The unit an identifier is unique in: D365 keys repeat across companies
 * (`dataAreaId`), Oracle keys across inventory organisations. Scope codes
 * are compared case-insensitively by the mapping core where the vendor is
 * case-insensitive (D365 `USMF` and `usmf` are one company).
 *
 * @example
 * ```ts
 * import { IdentifierScope } from "@mfgsync/canonical";
 * IdentifierScope.parse({ type: "organization", value: "M1" });
 * ```
 */
export const IdentifierScope = z.strictObject({
  /** What kind of unit the identifier is unique in: a company (D365 legal entity `dataAreaId`), an inventory organisation (Oracle `OrganizationCode`) or a plant. */
  type: z.enum(["company", "organization", "plant"]),
  /** The unit's code as the issuing system writes it (`usmf`, `M1`, `1010`). */
  value: z.string().min(1).max(64),
}).meta({ id: "IdentifierScope", title: "Identifier scope", description: "The company, organisation or plant inside which an identifier is unique." });
/** An {@link IdentifierScope} value. @example `const s: IdentifierScope = { type: "company", value: "usmf" };` */
export type IdentifierScope = z.infer<typeof IdentifierScope>;

/**
 * An identifier together with the scheme that issued it. The same lot is
 * `0000012345` in SAP, `L-12345` in the MES and `NC-LOT-12345` in the QMS:
 * an id without its scheme is ambiguous. Mirrors B2MML/UN CEFACT
 * `IdentifierType` (`schemeID`, `schemeAgencyID`). Keys that are unique only
 * inside one company or organisation (D365 `dataAreaId`, Oracle
 * organisations) carry that unit as `scope`.
 *
 * @example
 * ```ts
 * import { Identifier } from "@mfgsync/canonical";
 * Identifier.parse({ value: "1000123", scheme: "sap-s4hana", issuer: "S4P-100" });
 * Identifier.parse({ value: "P000123", scheme: "d365", scope: { type: "company", value: "usmf" } });
 * ```
 */
export const Identifier = z.strictObject({
  /** The identifier as the issuing system writes it, leading zeros included. B2MML: `ID` element text. */
  value: z.string().min(1).max(255),
  /** The system or agency that issued the identifier (B2MML `schemeAgencyID`/`schemeID`), e.g. `sap-s4hana`, `mes`, `gs1.gtin`. */
  scheme: z.string().regex(SCHEME_PATTERN, { error: "scheme must be lower-case words joined by '-' or '.', e.g. sap-s4hana" }).max(64),
  /** Which instance of that system issued it (SAP system and client, Oracle pod, D365 environment), when several exist. */
  issuer: z.string().min(1).max(128).optional(),
  /** The company, organisation or plant the identifier is unique in, for vendors whose keys repeat across them. Since 1.1. */
  scope: IdentifierScope.optional(),
}).meta({ id: "Identifier", title: "Identifier", description: "An identifier with the scheme (system or agency) that issued it." });
/** An {@link Identifier} value. @example `const id: Identifier = { value: "1000123", scheme: "sap-s4hana" };` */
export type Identifier = z.infer<typeof Identifier>;

/**
 * The same object's identifiers in other systems.
 *
 * @example
 * ```ts
 * import { CrossReferences } from "@mfgsync/canonical";
 * CrossReferences.parse([{ value: "WO-77", scheme: "mes" }]);
 * ```
 */
export const CrossReferences = z.array(Identifier).max(64);
/** A {@link CrossReferences} value. @example `const refs: CrossReferences = [];` */
export type CrossReferences = z.infer<typeof CrossReferences>;

/**
 * A reference to another object (a component's lot, a genealogy link's lot,
 * the order or lot an event is about): an {@link Identifier} with the same
 * scheme, issuer and scope as the object's own id, plus, optionally, the same
 * object's identifiers in other systems. One batch known as `0000012345` in
 * SAP, `L-12345` in the MES and `NC-LOT-12345` in the QMS is then
 * recognisable from any reference to it (see `sameObject`).
 *
 * Why a flat extension of `Identifier` rather than a wrapper
 * (`{ id, crossReferences }`): every 1.0 reference (a plain identifier) is a
 * valid reference unchanged, equality helpers apply to references and ids
 * alike, and consumers keep reading `ref.value` and `ref.scheme`. Why not
 * cross-references inside `Identifier` itself: cross-references are plain
 * identifiers, so a reference cannot nest references (no cycles, no
 * ambiguity about whose cross-reference a nested one is), and an object's own
 * cross-references stay in one place (the object's `crossReferences`).
 *
 * @example
 * ```ts
 * import { Reference } from "@mfgsync/canonical";
 * Reference.parse({ value: "0000012345", scheme: "sap-s4hana", crossReferences: [{ value: "L-12345", scheme: "mes" }] });
 * ```
 */
export const Reference = Identifier.extend({
  /** The referenced object's identifiers in other systems, when the sender knows them. Since 1.1. */
  crossReferences: CrossReferences.optional(),
}).meta({ id: "Reference", title: "Reference", description: "A reference to another object: its identifier with scheme and scope, and optionally its identifiers in other systems." });
/** A {@link Reference} value. @example `const r: Reference = { value: "0000012345", scheme: "sap-s4hana" };` */
export type Reference = z.infer<typeof Reference>;

/**
 * A plant or site code (ISA-95 hierarchy scope at `Site` level): SAP `Plant`,
 * Oracle organization code, D365 site. Known plants are checked by the
 * validators against the caller's master data.
 *
 * @example
 * ```ts
 * import { PlantCode } from "@mfgsync/canonical";
 * PlantCode.parse("1010");
 * ```
 */
export const PlantCode = z.string().min(1).max(32);
/** A {@link PlantCode} value. @example `const p: PlantCode = "1010";` */
export type PlantCode = z.infer<typeof PlantCode>;

/**
 * A reference to a material, optionally at a given revision.
 *
 * @example
 * ```ts
 * import { MaterialRef } from "@mfgsync/canonical";
 * MaterialRef.parse({ id: { value: "FG-1000", scheme: "sap-s4hana" }, revision: "B" });
 * ```
 */
export const MaterialRef = z.strictObject({
  /** The material's identifier (with its identifiers in other systems, since 1.1). B2MML: `MaterialDefinitionID`. */
  id: Reference,
  /** Engineering revision, when the reference is revision-specific. B2MML: `MaterialDefinition/Version`. */
  revision: z.string().min(1).max(40).optional(),
}).meta({ id: "MaterialRef", title: "Material reference", description: "A reference to a material, optionally at a revision." });
/** A {@link MaterialRef} value. @example `const m: MaterialRef = { id: { value: "RM-1", scheme: "sap-s4hana" } };` */
export type MaterialRef = z.infer<typeof MaterialRef>;
