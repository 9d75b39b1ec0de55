import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter, EncodeScope } from "../converter.js";
import { EMPTY, OMIT } from "../converter.js";
import { MAPPING_CODES } from "../result.js";
import { scalar, wrongType } from "./scalar.js";

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
 * Options of {@link coded}.
 *
 * @example
 * ```ts
 * import type { CodedOptions } from "@mfgsync/mapping";
 * const batchStatus: CodedOptions<"UnRestricted" | "Restricted" | "Other"> = { list: "d365:BatchDispositionCode", codes: {}, fallback: "Other", tenant: true };
 * ```
 */
export interface CodedOptions<V extends string> {
  /** The vendor code list, kept as `originalList` (`sap:ProductType`); also the key of the tenant code table in the context. */
  readonly list: string;
  /** Vendor code → canonical value. */
  readonly codes: Readonly<Record<string, V>>;
  /** Canonical value of codes not in the list (unless `closed`). */
  readonly fallback: V;
  /** Vendor code to write per canonical value when the object carries none (default: the first code that maps to it). */
  readonly encode?: Readonly<Partial<Record<V, string>>>;
  /** An empty vendor code reads as this canonical value (and is written back empty while the value is unchanged). */
  readonly empty?: V;
  /** Codes outside the list are refused naming the property instead of read as `fallback` (enum member names). */
  readonly closed?: boolean;
  /** Tenant-defined codes: the context's `codeTables[list]` (vendor code → canonical value) is merged over `codes`. */
  readonly tenant?: boolean;
}

/**
 * A vendor code to a canonical coded value that keeps the vendor's code
 * (`originalCode`) and list (`originalList`). Unknown codes map to
 * `fallback` (or, `closed`, are refused). Encoding writes `originalCode`
 * when it still agrees with `value` (so a changed canonical value wins), else
 * the code `encode` names for the value (by default the first code that maps
 * to it). With `tenant`, tenant-defined codes come from the context's code
 * table of the list (Oracle user work order statuses, D365 batch
 * disposition codes).
 *
 * @example
 * ```ts
 * import { coded } from "@mfgsync/mapping";
 * const productType = coded({ list: "sap:ProductType", codes: { FERT: "FinishedGood", ROH: "RawMaterial" }, fallback: "Other" });
 * productType.kind; // "code list sap:ProductType"
 * ```
 */
export function coded<const V extends string>(options: CodedOptions<V>): Converter<string | null | undefined, Coded<V>> {
  const { list, fallback, empty } = options;
  const closed = options.closed === true;
  const codes = new Map<string, V>(Object.entries(options.codes));
  const reverse = new Map<string, string>();
  for (const [code, value] of codes) if (!reverse.has(value)) reverse.set(value, code);
  for (const [value, code] of Object.entries(options.encode ?? {})) if (typeof code === "string") reverse.set(value, code);
  const tableOf = (scope: { context: { codeTable(list: string): ReadonlyMap<string, unknown> | undefined } }) => (options.tenant === true ? scope.context.codeTable(list) : undefined);
  const canonicalOf = (code: string, table: ReadonlyMap<string, unknown> | undefined): V | undefined => {
    const fromTable = table?.get(code);
    if (typeof fromTable === "string") return fromTable as V;
    return codes.get(code) ?? (closed ? undefined : fallback);
  };
  const known = [...codes.keys()];
  const base = scalar<string, Coded<V>>({
    kind: `code list ${list}`,
    description: `vendor code kept as originalCode; ${[...codes].map(([c, v]) => `${c}→${v}`).join(", ")}${codes.size > 0 ? ", " : ""}${closed ? "any other code is refused" : `otherwise ${fallback}`}${options.tenant === true ? `; tenant codes from codeTables["${list}"]` : ""}`,
    expected: "a code",
    accepts: (v): v is string => typeof v === "string",
    decode(value, scope, prop) {
      const canonical = canonicalOf(value, tableOf(scope));
      if (canonical === undefined) return scope.issue(prop, ISSUE_CODES.invalidValue, `${wrongType(`one of ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", …" : ""}`, value)} (${list})`);
      return { value: canonical, originalCode: value, originalList: list };
    },
    encode(value, scope, pointer) {
      const original = value.originalCode;
      const table = tableOf(scope);
      if (typeof original === "string" && original !== "" && (value.originalList === undefined || value.originalList === list) && canonicalOf(original, table) === value.value) return original;
      if (table !== undefined) for (const [code, meaning] of table) if (meaning === value.value) return code;
      const code = reverse.get(value.value);
      if (code !== undefined) return code;
      return scope.issue(pointer + "/value", MAPPING_CODES.noVendorCode, `no ${list} code is known for "${value.value}"; set originalCode${options.tenant === true ? ` or give the context a codeTables["${list}"] entry` : ""}`);
    },
  });
  if (empty === undefined) return base;
  return {
    ...base,
    emptyIsProfile: false,
    decode(value, scope, props) {
      if (value === "") {
        scope.carry(props[0] ?? "", "");
        return { value: empty };
      }
      return base.decode(value, scope, props);
    },
    encode(value, scope, pointer) {
      return value === undefined ? EMPTY : base.encode(value, scope, pointer);
    },
  };
}

/**
 * An enum sent as member names (OData V4 / D365 `"Released"`) to a canonical
 * coded value: a closed {@link coded} list, so an unknown member (`"Ended"`)
 * is refused naming the property.
 *
 * @example
 * ```ts
 * import { enumMember } from "@mfgsync/mapping";
 * const state = enumMember({ list: "d365:ProdStatus", members: { Created: "Forecast", Released: "Released" }, fallback: "Other" });
 * state.kind; // "code list d365:ProdStatus"
 * ```
 */
export function enumMember<const V extends string>(options: { readonly list: string; readonly members: Readonly<Record<string, V>>; readonly fallback: V; readonly encode?: Readonly<Partial<Record<V, string>>> }): Converter<string | null | undefined, Coded<V>> {
  return coded({ list: options.list, codes: options.members, fallback: options.fallback, closed: true, ...(options.encode ? { encode: options.encode } : {}) });
}

/**
 * A code and its display value sent side by side (Oracle `LotControlCode`
 * with `LotControlValue`, `WorkOrderStatusCode` with `WorkOrderStatusName`):
 * the code maps like {@link coded}, the display value is kept and written
 * back as read while the code is unchanged. A fresh value writes the code
 * only (Oracle refuses free text in enumerated `…Value` fields). When only
 * the display value is sent, it is looked up in `values` (display value →
 * vendor code). With `numericCode`, codes are written as JSON numbers.
 *
 * @example
 * ```ts
 * import { codeAndValue } from "@mfgsync/mapping";
 * const lotControl = codeAndValue({ list: "oracle:LotControlCode", codes: { "1": "None", "2": "Full" }, fallback: "Other", values: { "No lot control": "1", "Full lot control": "2" } });
 * lotControl.arity; // 2
 * ```
 */
export function codeAndValue<const V extends string>(options: CodedOptions<V> & { readonly values?: Readonly<Record<string, string>>; readonly numericCode?: boolean }): Converter<readonly unknown[], Coded<V>> {
  const code = coded(options);
  const byValue = new Map(Object.entries(options.values ?? {}));
  return {
    kind: `code + value ${options.list}`,
    description: `${code.description}; the display value is kept as read and not written for new codes`,
    arity: 2,
    emptyIsProfile: code.emptyIsProfile === true,
    decode(values, scope, props) {
      const [rawCode, rawValue] = values;
      const codeProp = props[0] ?? "", valueProp = props[1] ?? "";
      if (rawValue !== undefined && rawValue !== null && typeof rawValue !== "string") return scope.issue(valueProp, ISSUE_CODES.invalidType, wrongType("a display value string", rawValue));
      let text: unknown = rawCode;
      // Oracle sends some codes as numbers (LotControlCode 2).
      if (typeof rawCode === "number" && Number.isInteger(rawCode)) {
        text = String(rawCode);
        scope.carry(codeProp, rawCode);
      }
      if ((text === undefined || text === null || text === "") && typeof rawValue === "string" && rawValue !== "") {
        const looked = byValue.get(rawValue);
        if (looked === undefined) {
          scope.carry(valueProp, rawValue);
          return undefined;
        }
        text = looked;
        if (rawCode !== undefined) scope.carry(codeProp, rawCode);
      }
      const decoded = code.decode(text as string | null | undefined, scope, [codeProp]);
      if (rawValue !== undefined) scope.carry(valueProp, rawValue);
      return decoded;
    },
    encode(value, scope: EncodeScope, pointer) {
      let out: unknown = code.encode(value, scope, pointer);
      if (out === OMIT || (typeof out === "symbol" && out !== EMPTY)) return out as typeof OMIT;
      if (options.numericCode === true && typeof out === "string" && /^-?\d{1,15}$/.test(out)) out = Number(out);
      return [out, value === undefined ? EMPTY : OMIT];
    },
  };
}
