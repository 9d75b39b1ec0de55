import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Coded, Converter, EncodeScope } from "@mfgsync/mapping";
import { EMPTY, INVALID, OMIT, coded } from "@mfgsync/mapping";

/**
 * An Oracle display-value attribute (`ItemStatusValue: "Active"`,
 * `UserItemTypeValue`) read as a canonical code through a table of display
 * values; values outside the table read as `fallback` with the value kept as
 * `originalCode`. An empty value (`null`) reads as `fallback` and goes back
 * as `null`; a canonical value without a display value is not written.
 * Uncertain ([inferred]) — the display values are pod set-up (lookups), not a fixed list.
 *
 * @example
 * ```ts
 * import { displayValue } from "@mfgsync/mappers-oracle";
 * displayValue({ list: "oracle:ItemStatus", values: { Active: "Approved" }, fallback: "Other" }).arity; // 1
 * ```
 */
export function displayValue<const V extends string>(options: { readonly list: string; readonly values: Readonly<Record<string, V>>; readonly fallback: V }): Converter<string | null | undefined, Coded<V>> {
  const base = coded({ list: options.list, codes: options.values, fallback: options.fallback, tenant: true });
  return {
    ...base,
    emptyIsProfile: true,
    description: `${base.description}; null reads as ${options.fallback}`,
    decode(value, scope, props) {
      if (value === null || value === undefined || value === "") {
        if (value !== undefined) scope.carry(props[0] ?? "", value);
        return { value: options.fallback };
      }
      return base.decode(value, scope, props);
    },
    encode(value, scope, pointer) {
      if (value === undefined) return EMPTY;
      const original = typeof value.originalCode === "string" && value.originalCode !== "" && (value.originalList === undefined || value.originalList === options.list);
      if (!original && (value.value === options.fallback || !Object.values(options.values).includes(value.value))) return EMPTY;
      // A canonical value without a display value (or with an original code that means something else) is not written.
      const quiet = Object.create(scope, { issue: { value: () => INVALID } }) as EncodeScope;
      const out = base.encode(value, quiet, pointer);
      return out === INVALID ? EMPTY : out;
    },
  };
}

/**
 * An Oracle numeric control code with its display value (`LotControlCode: 2`
 * + `LotControlValue: "Full lot control"`) to a boolean: the codes in
 * `on` mean true, those in `off` false; encoding writes the code that was
 * read while it still means the value, else `write.true`/`write.false`, and
 * the display value only as read.
 *
 * @example
 * ```ts
 * import { controlCode } from "@mfgsync/mappers-oracle";
 * controlCode({ on: [2], off: [1], values: { "Full lot control": 2, "No lot control": 1 }, write: { true: 2, false: 1 } }).arity; // 2
 * ```
 */
export function controlCode(options: { readonly on: readonly number[]; readonly off: readonly number[]; readonly values: Readonly<Record<string, number>>; readonly write: { readonly true: number; readonly false: number } }): Converter<readonly unknown[], boolean> {
  const meaning = (code: number): boolean | undefined => (options.on.includes(code) ? true : options.off.includes(code) ? false : undefined);
  return {
    kind: "control code",
    description: `code ${options.on.join("/")} = true, ${options.off.join("/")} = false; the display value is kept as read`,
    arity: 2,
    decode(values, scope, props) {
      const [rawCode, rawValue] = values;
      const codeProp = props[0] ?? "", valueProp = props[1] ?? "";
      if (rawValue !== undefined && rawValue !== null && typeof rawValue !== "string") return scope.issue(valueProp, ISSUE_CODES.invalidType, `${valueProp} must be a string, got ${JSON.stringify(rawValue)}`);
      if (rawValue !== undefined) scope.carry(valueProp, rawValue);
      let code: number | undefined;
      if (typeof rawCode === "number") code = rawCode;
      else if (rawCode === null || rawCode === undefined) {
        if (rawCode === null) scope.carry(codeProp, null);
        if (typeof rawValue === "string" && Object.prototype.hasOwnProperty.call(options.values, rawValue)) code = options.values[rawValue];
        if (code === undefined) return undefined;
      } else return scope.issue(codeProp, ISSUE_CODES.invalidType, `${codeProp} must be a number, got ${JSON.stringify(rawCode)}`);
      const on = meaning(code);
      if (on === undefined) {
        scope.carry(codeProp, rawCode);
        return undefined;
      }
      // A code other than the one written for its meaning (predefined serials, 2) goes back as read.
      if (typeof rawCode === "number" && rawCode !== (on ? options.write.true : options.write.false)) scope.carry(codeProp, rawCode);
      return on;
    },
    encode(value, scope) {
      if (value === undefined) return [EMPTY, OMIT];
      return [value ? options.write.true : options.write.false, OMIT];
    },
  };
}
