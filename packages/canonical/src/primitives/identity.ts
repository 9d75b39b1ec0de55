import type { Identifier, IdentifierScope } from "./identifier.js";

// Equality of identifiers across systems. Pure functions over plain data, so
// that validators, context stores and idempotency keys agree on what "the same
// object" means.

/** Anything with an identifier's fields; references and own ids alike. */
type IdentifierLike = Pick<Identifier, "value" | "scheme"> & { readonly issuer?: string | undefined; readonly scope?: IdentifierScope | undefined };

function sameScope(a: IdentifierScope | undefined, b: IdentifierScope | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.type === b.type && a.value === b.value;
}

/**
 * Whether two identifiers name the same object in the same system: same
 * `scheme`, same `value` and same `scope` (both absent, or the same type and
 * value). The `issuer` is informational and not compared. An identifier with
 * a scope and one without are different: `P000123` in company `usmf` is not
 * `P000123` in an unknown company. Scope values are compared exactly; mappers
 * normalise vendors whose scope codes are case-insensitive (D365 `USMF` and
 * `usmf`) when they decode.
 *
 * @example
 * ```ts
 * import { sameIdentifier } from "@mfgsync/canonical";
 * sameIdentifier({ value: "P1", scheme: "d365", scope: { type: "company", value: "usmf" } },
 *   { value: "P1", scheme: "d365", scope: { type: "company", value: "demf" } }); // false
 * ```
 */
export function sameIdentifier(a: IdentifierLike, b: IdentifierLike): boolean {
  return a.scheme === b.scheme && a.value === b.value && sameScope(a.scope, b.scope);
}

/**
 * A string key for an identifier, equal for exactly the identifiers
 * {@link sameIdentifier} calls equal: use it for maps and sets. It is a JSON
 * array of the compared parts, so no character inside a part can make two
 * identifiers share a key.
 *
 * @example
 * ```ts
 * import { identifierKey } from "@mfgsync/canonical";
 * const seen = new Set([identifierKey({ value: "0000012345", scheme: "sap-s4hana", issuer: "S4P-100" })]);
 * seen.has(identifierKey({ value: "0000012345", scheme: "sap-s4hana" })); // true: the issuer is informational
 * ```
 */
export function identifierKey(id: IdentifierLike): string {
  return JSON.stringify(id.scope === undefined ? [id.scheme, id.value] : [id.scheme, id.value, id.scope.type, id.scope.value]);
}

/**
 * What {@link identitiesOf} and {@link sameObject} accept: an identifier or
 * reference, or an object with `id` and `crossReferences`.
 *
 * @example
 * ```ts
 * import type { Identified } from "@mfgsync/canonical";
 * const ref: Identified = { value: "0000012345", scheme: "sap-s4hana", crossReferences: [{ value: "L-12345", scheme: "mes" }] };
 * ```
 */
export type Identified =
  | (IdentifierLike & { readonly crossReferences?: readonly IdentifierLike[] | undefined })
  | { readonly id: IdentifierLike; readonly crossReferences?: readonly IdentifierLike[] | undefined };

/**
 * Every identifier something is known by: a reference's own identifier and
 * its cross-references, or a canonical object's `id` and `crossReferences`.
 *
 * @example
 * ```ts
 * import { identitiesOf } from "@mfgsync/canonical";
 * identitiesOf({ value: "0000012345", scheme: "sap-s4hana", crossReferences: [{ value: "L-12345", scheme: "mes" }] }).length; // 2
 * ```
 */
export function identitiesOf(x: Identified): IdentifierLike[] {
  const own = "id" in x ? x.id : x;
  return [own, ...(x.crossReferences ?? [])];
}

/**
 * Whether two references (or objects) are known to name the same object: some
 * identifier of one is {@link sameIdentifier} to some identifier of the
 * other, cross-references included. The SAP batch `0000012345` with the MES
 * cross-reference `L-12345` is the same object as a reference `L-12345 (mes)`.
 * Cross-references are what the senders claim; a false claim makes two
 * objects the same here.
 *
 * @example
 * ```ts
 * import { sameObject } from "@mfgsync/canonical";
 * sameObject(
 *   { id: { value: "0000012345", scheme: "sap-s4hana" }, crossReferences: [{ value: "L-12345", scheme: "mes" }] },
 *   { value: "L-12345", scheme: "mes" },
 * ); // true
 * ```
 */
export function sameObject(a: Identified, b: Identified): boolean {
  const keys = new Set(identitiesOf(a).map(identifierKey));
  return identitiesOf(b).some((id) => keys.has(identifierKey(id)));
}
