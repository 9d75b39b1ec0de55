import type { Identifier, MaterialRef } from "@mfgsync/canonical";
import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter, EncodeScope, Invalid } from "../converter.js";
import { INVALID } from "../converter.js";
import { MAPPING_CODES } from "../result.js";
import { wrongType } from "./basic.js";

/**
 * A canonical coded value: the canonical code plus the vendor's own.
 *
 * @example
 * ```ts
 * import type { Coded } from "@mfgsync/mapping";
 * const c: Coded<"Production" | "Other"> = { value: "Production", originalCode: "PP01", originalList: "sap:ManufacturingOrderType" };
 * ```
 */
export interface Coded<V extends string = string> {
  /** Canonical code. */
  value: V;
  /** Free text for `Other`. */
  otherValue?: string;
  /** The vendor's code as sent. */
  originalCode?: string;
  /** The vendor code list. */
  originalList?: string;
}

/**
 * A vendor code to a canonical coded value that keeps the vendor's code
 * (`originalCode`) and list (`originalList`). Unknown codes map to
 * `fallback`. Encoding writes `originalCode` when it still agrees with
 * `value` (so a changed canonical value wins), else the code `encode` names
 * for the value (by default the first code that maps to it). With `empty`, an
 * empty vendor code reads as that canonical value (and is written back empty
 * while the value is unchanged).
 *
 * @example
 * ```ts
 * import { coded } from "@mfgsync/mapping";
 * const productType = coded({ list: "sap:ProductType", codes: { FERT: "FinishedGood", ROH: "RawMaterial" }, fallback: "Other" });
 * productType.kind; // "code list sap:ProductType"
 * ```
 */
export function coded<const V extends string>(options: {
  readonly list: string;
  readonly codes: Readonly<Record<string, V>>;
  readonly fallback: V;
  readonly encode?: Readonly<Partial<Record<V, string>>>;
  readonly empty?: V;
}): Converter<string | null | undefined, Coded<V>> {
  const { list, fallback, empty } = options;
  const codes = new Map<string, V>(Object.entries(options.codes));
  const reverse = new Map<string, string>();
  for (const [code, value] of codes) if (!reverse.has(value)) reverse.set(value, code);
  for (const [value, code] of Object.entries(options.encode ?? {})) if (typeof code === "string") reverse.set(value, code);
  const canonicalOf = (code: string): V => codes.get(code) ?? fallback;
  return {
    kind: `code list ${list}`,
    description: `vendor code kept as originalCode; ${[...codes].map(([c, v]) => `${c}→${v}`).join(", ")}${codes.size > 0 ? ", " : ""}otherwise ${fallback}`,
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "";
      if (value === "" && empty !== undefined) {
        scope.carry(prop, "");
        return { value: empty };
      }
      if (value === undefined || value === "") return undefined;
      if (value === null) {
        scope.carry(prop, null);
        return undefined;
      }
      if (typeof value !== "string") return scope.issue(prop, ISSUE_CODES.invalidType, wrongType("a code", value));
      return { value: canonicalOf(value), originalCode: value, originalList: list };
    },
    encode(value, scope, pointer) {
      if (value === undefined) return "";
      const original = value.originalCode;
      if (typeof original === "string" && original !== "" && (value.originalList === undefined || value.originalList === list) && canonicalOf(original) === value.value) return original;
      const code = reverse.get(value.value);
      if (code !== undefined) return code;
      return scope.issue(pointer + "/value", MAPPING_CODES.noVendorCode, `no ${list} code is known for "${value.value}"; set originalCode`);
    },
  };
}

function identifierMatches(id: Identifier, scope: EncodeScope): boolean {
  const ctx = scope.context;
  return id.scheme === ctx.scheme && (ctx.issuer === undefined || id.issuer === undefined || id.issuer === ctx.issuer);
}

function foreign(scope: EncodeScope, pointer: string, id: Identifier): Invalid {
  const ctx = scope.context;
  return scope.issue(pointer, MAPPING_CODES.foreignScheme, `identifier "${id.value}" was issued by ${id.scheme}${id.issuer ? ` (${id.issuer})` : ""}, not by ${ctx.scheme}${ctx.issuer ? ` (${ctx.issuer})` : ""}`);
}

/**
 * A vendor key or reference to a canonical `Identifier` in the
 * context's scheme and issuer. Encoding refuses identifiers of another
 * scheme; with `crossReferences: true` (for an object's own `id`) it first
 * looks for one of the vendor's scheme among the object's `crossReferences`.
 * Values in `none` (SAP's `"0"` for an empty numeric reference) mean "no
 * identifier" and are written back as they were.
 *
 * @example
 * ```ts
 * import { identifier } from "@mfgsync/mapping";
 * identifier({ crossReferences: true }).kind; // "identifier"
 * ```
 */
export function identifier(options: { readonly crossReferences?: boolean; readonly none?: readonly string[] } = {}): Converter<string | null | undefined, Identifier> {
  const useCrossReferences = options.crossReferences === true;
  const none = new Set(options.none ?? []);
  return {
    kind: "identifier",
    description: "value with the context's scheme and issuer",
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "";
      if (value === undefined || value === "") return undefined;
      if (value === null || none.has(value)) {
        scope.carry(prop, value);
        return undefined;
      }
      if (typeof value !== "string") return scope.issue(prop, ISSUE_CODES.invalidType, wrongType("an identifier string", value));
      const ctx = scope.context;
      return ctx.issuer === undefined ? { value, scheme: ctx.scheme } : { value, scheme: ctx.scheme, issuer: ctx.issuer };
    },
    encode(value, scope, pointer) {
      if (value === undefined) return "";
      if (identifierMatches(value, scope)) return value.value;
      if (useCrossReferences) {
        const refs = scope.object["crossReferences"];
        if (Array.isArray(refs)) for (const ref of refs as Identifier[]) if (identifierMatches(ref, scope)) return ref.value;
      }
      return foreign(scope, pointer, value);
    },
  };
}

/**
 * A material number (and optionally a revision property) to a canonical
 * `MaterialRef`.
 *
 * @example
 * ```ts
 * import { materialRef } from "@mfgsync/mapping";
 * materialRef({ revision: true }).arity; // 2
 * ```
 */
export function materialRef(options: { readonly revision?: boolean } = {}): Converter<unknown, MaterialRef> {
  const withRevision = options.revision === true;
  const id = identifier();
  return {
    kind: withRevision ? "material + revision" : "material",
    description: withRevision ? "material number with the context's scheme, and its revision" : "material number with the context's scheme",
    arity: withRevision ? 2 : 1,
    decode(input, scope, props) {
      const values = (withRevision ? input : [input]) as readonly unknown[];
      const material = id.decode(values[0] as string | null | undefined, scope, props);
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
      return withRevision ? [material, value?.revision ?? ""] : material;
    },
  };
}
