import type { Identifier, MaterialRef } from "@mfgsync/canonical";
import { ISSUE_CODES, Identifier as IdentifierSchema } from "@mfgsync/canonical";
import type { Converter, EncodeScope, Invalid } from "../converter.js";
import { EMPTY, INVALID } from "../converter.js";
import { JsonNumber, jsonNumberOf, numberText } from "../json/number.js";
import { MAPPING_CODES } from "../result.js";
import { wrongType } from "./scalar.js";


/** Longest canonical identifier value, read from the canonical schema (`Identifier.value`). */
const MAX_IDENTIFIER = IdentifierSchema.shape.value.maxLength ?? Number.POSITIVE_INFINITY;
/**
 * Options of {@link identifier}.
 *
 * @example
 * ```ts
 * import type { IdentifierOptions } from "@mfgsync/mapping";
 * const workOrderId: IdentifierOptions = { numeric: true, scheme: "oracle-fusion.work-order-id" };
 * ```
 */
export interface IdentifierOptions {
  /** For an object's own `id`: on encode, look for an identifier of the vendor's scheme among `crossReferences` first. */
  readonly crossReferences?: boolean;
  /** Vendor values that mean "no identifier" (SAP's `"0"`), written back as they were. */
  readonly none?: readonly string[];
  /** The vendor sends the identifier as a JSON number (Oracle `WorkOrderId`, int64): read exactly, written as a number. */
  readonly numeric?: boolean;
  /** The identifier is unique only inside the record's scope (its entity's `scope` declaration): decoded with it, and on encode it must be in the record's scope. */
  readonly scoped?: boolean;
  /** A scheme of its own instead of the context's (a surrogate id kept as a cross-reference: `oracle-fusion.work-order-id`). */
  readonly scheme?: string;
}

/**
 * A vendor key or reference to a canonical `Identifier` in the context's
 * scheme and issuer (or a scheme of its own). Encoding refuses identifiers of
 * another scheme; with `crossReferences: true` (for an object's own `id`) it
 * first looks for one of the vendor's scheme among the object's
 * `crossReferences`. With `scoped`, the identifier carries the record's
 * scope (D365 company, Oracle organisation) and encoding refuses one from
 * another scope (compared case-insensitively where the entity's scope
 * declaration says so). With `numeric`, int64 values are read and written as
 * JSON numbers without rounding.
 *
 * @example
 * ```ts
 * import { identifier } from "@mfgsync/mapping";
 * identifier({ crossReferences: true, scoped: true }).kind; // "identifier (scoped)"
 * ```
 */
export function identifier(options: IdentifierOptions = {}): Converter<unknown, Identifier> {
  const useCrossReferences = options.crossReferences === true;
  const none = new Set(options.none ?? []);
  const numeric = options.numeric === true;
  const scoped = options.scoped === true;
  const ownScheme = options.scheme;
  const schemeOf = (scope: { context: { scheme: string } }) => ownScheme ?? scope.context.scheme;
  const matches = (id: Identifier, scope: EncodeScope): boolean => {
    const ctx = scope.context;
    if (id.scheme !== schemeOf(scope)) return false;
    if (ownScheme === undefined && ctx.issuer !== undefined && id.issuer !== undefined && id.issuer !== ctx.issuer) return false;
    return true;
  };
  const out = (id: Identifier, scope: EncodeScope, pointer: string): unknown => {
    if (scoped) {
      const record = scope.idScope();
      if (id.scope !== undefined && record !== undefined && !(id.scope.type === record.type && scope.sameScope(id.scope.value, record.value))) {
        return scope.issue(pointer + "/scope", MAPPING_CODES.foreignScheme, `identifier "${id.value}" is scoped to ${id.scope.type} ${id.scope.value}, but this record is written in ${record.type} ${record.value}`);
      }
    }
    if (!numeric) return id.value;
    if (!/^-?(?:0|[1-9]\d{0,18})$/.test(id.value)) return scope.issue(pointer + "/value", ISSUE_CODES.invalidFormat, `"${id.value}" is not a numeric identifier (the vendor keeps it as an integer)`);
    return jsonNumberOf(id.value);
  };
  return {
    kind: scoped ? "identifier (scoped)" : numeric ? "identifier (number)" : "identifier",
    description: `value with ${ownScheme ? `scheme ${ownScheme}` : "the context's scheme and issuer"}${scoped ? ", scoped by the record's company or organisation" : ""}${numeric ? ", sent as a JSON number" : ""}`,
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "";
      if (value === undefined || value === "") return undefined;
      if (value === null || (typeof value === "string" && none.has(value))) {
        scope.carry(prop, value);
        return undefined;
      }
      let text: string;
      if (typeof value === "string" && !numeric) text = value;
      else if (numeric && (typeof value === "number" || value instanceof JsonNumber)) {
        const t = numberText(value) ?? "";
        if (!/^-?(?:0|[1-9]\d*)$/.test(t)) return scope.issue(prop, ISSUE_CODES.invalidValue, `${t} is not an integer identifier`);
        text = t;
      } else return scope.issue(prop, ISSUE_CODES.invalidType, wrongType(numeric ? "an integer (JSON number)" : "an identifier string", value));
      // The canonical limit, for vendors whose catalog states none (a decode that says ok gives a valid object).
      if (text.length > MAX_IDENTIFIER) return scope.issue(prop, ISSUE_CODES.tooBig, `an identifier has at most ${MAX_IDENTIFIER} characters, this one ${text.length}`);
      const ctx = scope.context;
      const id: Identifier = ownScheme !== undefined ? { value: text, scheme: ownScheme } : ctx.issuer === undefined ? { value: text, scheme: ctx.scheme } : { value: text, scheme: ctx.scheme, issuer: ctx.issuer };
      if (scoped) {
        const s = scope.idScope();
        if (s !== undefined) id.scope = s;
      }
      return id;
    },
    encode(value, scope, pointer): unknown {
      if (value === undefined) return EMPTY;
      if (matches(value, scope)) return out(value, scope, pointer);
      if (useCrossReferences) {
        const refs = scope.object["crossReferences"];
        if (Array.isArray(refs)) for (const ref of refs as Identifier[]) if (matches(ref, scope)) return out(ref, scope, pointer);
      }
      if (scope.context.keepForeignIdentifiers && ownScheme === undefined) {
        scope.warn(pointer, MAPPING_CODES.foreignKept, `identifier "${value.value}" of ${value.scheme} is written as the ${scope.context.scheme} key (identifiers.foreign: "keep")`);
        return out(value, scope, pointer);
      }
      return foreign(scope, pointer, value, schemeOf(scope));
    },
  } as Converter<unknown, Identifier>;
}

function foreign(scope: EncodeScope, pointer: string, id: Identifier, scheme: string): Invalid {
  const ctx = scope.context;
  return scope.issue(pointer, MAPPING_CODES.foreignScheme, `identifier "${id.value}" was issued by ${id.scheme}${id.issuer ? ` (${id.issuer})` : ""}, not by ${scheme}${ctx.issuer ? ` (${ctx.issuer})` : ""}`);
}

/**
 * A material number (and optionally a revision property) to a canonical
 * `MaterialRef`. With `scoped`, the material's identifier carries the
 * record's scope (D365 released products are company-scoped).
 *
 * @example
 * ```ts
 * import { materialRef } from "@mfgsync/mapping";
 * materialRef({ revision: true }).arity; // 2
 * ```
 */
export function materialRef(options: { readonly revision?: boolean; readonly scoped?: boolean } = {}): Converter<unknown, MaterialRef> {
  const withRevision = options.revision === true;
  const id = identifier({ scoped: options.scoped === true });
  return {
    kind: withRevision ? "material + revision" : "material",
    description: withRevision ? "material number with the context's scheme, and its revision" : "material number with the context's scheme",
    arity: withRevision ? 2 : 1,
    emptyIsProfile: true,
    decode(input, scope, props) {
      const values = (withRevision ? input : [input]) as readonly unknown[];
      const material = id.decode(values[0], scope, props);
      if (material === INVALID) return INVALID;
      if (!withRevision) return material === undefined ? undefined : { id: material };
      const revision = values[1];
      if (revision !== undefined && revision !== null && typeof revision !== "string") return scope.issue(props[1] ?? "", ISSUE_CODES.invalidType, wrongType("a revision string", revision));
      if (revision === null) scope.carry(props[1] ?? "", null);
      if (material === undefined) {
        if (typeof revision === "string" && revision !== "") scope.carry(props[1] ?? "", revision);
        return undefined;
      }
      return typeof revision === "string" && revision !== "" ? { id: material, revision } : { id: material };
    },
    encode(value, scope, pointer) {
      const material = id.encode(value?.id, scope, pointer + "/id");
      if (material === INVALID) return INVALID;
      return withRevision ? [material, value?.revision ?? EMPTY] : material;
    },
  };
}
