import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter } from "../converter.js";
import { EMPTY, OMIT } from "../converter.js";
import { scalar, wrongType } from "./scalar.js";

export { wrongType } from "./scalar.js";

const isString = (v: unknown): v is string => typeof v === "string";

/**
 * Text: a vendor string to a canonical string. The vendor's empty string
 * (and `null`) means "no value"; the core keeps the exact empty spelling so
 * that it goes back as read. `maxLength` refuses canonical strings the
 * canonical schema would refuse (the vendor's own limit is checked from the
 * catalog). With `pattern`, text that does not match is an issue, or, with
 * `keepMismatch`, kept in the extensions instead.
 *
 * @example
 * ```ts
 * import { text } from "@mfgsync/mapping";
 * const description = text();
 * description.kind; // "text"
 * ```
 */
export function text(options: { readonly maxLength?: number; readonly pattern?: RegExp; readonly patternMessage?: string; readonly keepMismatch?: boolean; readonly keepEmpty?: boolean } = {}): Converter<string | null | undefined, string> {
  const max = options.maxLength;
  const pattern = options.pattern;
  const keepMismatch = options.keepMismatch === true;
  const describe = options.patternMessage ?? (pattern ? `matching ${String(pattern)}` : "");
  return scalar<string, string>({
    kind: pattern ? "text (checked)" : "text",
    description: pattern ? `string as is, ${describe}; "" means none` : options.keepEmpty === true ? "string as is" : 'string as is; "" means none',
    expected: "a string",
    accepts: isString,
    emptyStringIsValue: options.keepEmpty === true,
    decode(value, scope, prop) {
      if (max !== undefined && value.length > max) return scope.issue(prop, ISSUE_CODES.tooBig, `text is longer than the canonical limit of ${max} characters`);
      if (pattern !== undefined && !pattern.test(value)) {
        if (keepMismatch) {
          scope.carry(prop, value);
          return undefined;
        }
        return scope.issue(prop, ISSUE_CODES.invalidFormat, `"${value.length > 40 ? value.slice(0, 40) + "…" : value}" is not ${describe}`);
      }
      return value;
    },
    encode: (value) => value,
  });
}

/**
 * A JSON boolean (`Edm.Boolean`, Oracle `…Flag`) to a canonical boolean;
 * with `negate`, inverted. Strings such as `"Y"` or `"true"` are refused.
 *
 * @example
 * ```ts
 * import { boolean } from "@mfgsync/mapping";
 * boolean().kind; // "boolean"
 * ```
 */
export function boolean(options: { readonly negate?: boolean } = {}): Converter<boolean | null | undefined, boolean> {
  const negate = options.negate === true;
  return scalar<boolean, boolean>({
    kind: negate ? "boolean (negated)" : "boolean",
    description: negate ? "true/false, inverted" : "true/false",
    expected: "true or false",
    accepts: (v): v is boolean => typeof v === "boolean",
    decode: (value) => (negate ? !value : value),
    encode: (value) => (negate ? !value : value),
  });
}

/**
 * A D365 `NoYes` enum (`"Yes"`/`"No"`) to a canonical boolean. Anything
 * else (`"True"`, `true`, `1`) is refused naming the property.
 *
 * @example
 * ```ts
 * import { noYes } from "@mfgsync/mapping";
 * noYes().kind; // "NoYes"
 * ```
 */
export function noYes(options: { readonly negate?: boolean } = {}): Converter<string | null | undefined, boolean> {
  const negate = options.negate === true;
  return scalar<string, boolean>({
    kind: negate ? "NoYes (negated)" : "NoYes",
    description: negate ? '"Yes" = false, "No" = true' : '"Yes" = true, "No" = false',
    expected: 'the NoYes member "Yes" or "No"',
    accepts: (v): v is string => typeof v === "string",
    decode(value, scope, prop) {
      if (value === "Yes") return !negate;
      if (value === "No") return negate;
      return scope.issue(prop, ISSUE_CODES.invalidValue, wrongType('the NoYes member "Yes" or "No"', value));
    },
    encode: (value) => ((negate ? !value : value) ? "Yes" : "No"),
  });
}

/**
 * An integer (`Edm.Int16`/`Int32`/`Byte`, JSON number) to a canonical
 * integer. With `zeroIsNone`, 0 means none and is written for none.
 *
 * @example
 * ```ts
 * import { integer } from "@mfgsync/mapping";
 * integer({ min: 0 }).kind; // "integer"
 * ```
 */
export function integer(options: { readonly min?: number; readonly max?: number; readonly zeroIsNone?: boolean } = {}): Converter<number | null | undefined, number> {
  const { min, max } = options;
  const zeroIsNone = options.zeroIsNone === true;
  const base = scalar<number, number>({
    kind: "integer",
    description: zeroIsNone ? "JSON number; 0 means none" : "JSON number",
    expected: "an integer",
    accepts: (v): v is number => typeof v === "number" && Number.isInteger(v),
    decode(value, scope, prop) {
      if (zeroIsNone && value === 0) return undefined;
      if (min !== undefined && value < min) return scope.issue(prop, ISSUE_CODES.tooSmall, `${value} is below ${min}`);
      if (max !== undefined && value > max) return scope.issue(prop, ISSUE_CODES.tooBig, `${value} is above ${max}`);
      return value;
    },
    encode: (value) => value,
  });
  if (!zeroIsNone) return base;
  return {
    ...base,
    emptyIsProfile: false,
    // null and 0 both mean none; null is kept so that it goes back as null, not as the 0 written for none.
    decode(value, scope, props) {
      if (value === null) scope.carry(props[0] ?? "", null);
      return base.decode(value, scope, props);
    },
    encode: (value, scope, pointer) => (value === undefined ? 0 : base.encode(value, scope, pointer)),
  };
}

/**
 * A vendor property that repeats a property of the parent record (the order
 * number on every operation). It has no canonical field: decoding keeps the
 * value when it differs from the parent's; encoding copies the parent's.
 *
 * @example
 * ```ts
 * import { sameAsParent } from "@mfgsync/mapping";
 * sameAsParent("ManufacturingOrder").kind; // "= parent"
 * ```
 */
export function sameAsParent(parentProperty: string): Converter<unknown, never> {
  return {
    kind: "= parent",
    description: `same value as the parent's ${parentProperty}`,
    arity: 1,
    decode(value, scope, props) {
      if (value !== undefined && scope.parentRecord?.[parentProperty] !== value) scope.carry(props[0] ?? "", value);
      return undefined;
    },
    encode(_value, scope) {
      const parent = scope.parentTarget?.[parentProperty];
      return parent === undefined ? OMIT : parent;
    },
  };
}

/**
 * A vendor property that usually equals a parent property and is mapped to
 * an optional canonical field only when it differs (an operation's plant).
 * An empty value is kept as it was read (it does not become the parent's).
 *
 * @example
 * ```ts
 * import { unlessSameAsParent } from "@mfgsync/mapping";
 * unlessSameAsParent("ProductionPlant").kind; // "≠ parent"
 * ```
 */
export function unlessSameAsParent(parentProperty: string): Converter<string | null | undefined, string> {
  return {
    kind: "≠ parent",
    description: `set only when it differs from the parent's ${parentProperty}`,
    arity: 1,
    decode(value, scope, props) {
      if (value === undefined) return undefined;
      if (value === null || value === "") {
        scope.carry(props[0] ?? "", value);
        return undefined;
      }
      if (typeof value !== "string") return scope.issue(props[0] ?? "", ISSUE_CODES.invalidType, wrongType("a string", value));
      return scope.parentRecord?.[parentProperty] === value ? undefined : value;
    },
    encode(value, scope) {
      if (value !== undefined) return value;
      const parent = scope.parentTarget?.[parentProperty];
      return typeof parent === "string" ? parent : EMPTY;
    },
  };
}

/**
 * A vendor property whose value is fixed for the rows a mapper writes (D365
 * `OperationPriority` is `Primary` on the primary route row): encoding writes
 * the value; decoding reads nothing from it and keeps any other value as it
 * was read.
 *
 * @example
 * ```ts
 * import { fixed } from "@mfgsync/mapping";
 * fixed("Primary").kind; // "fixed"
 * ```
 */
export function fixed(value: string | number | boolean): Converter<unknown, never> {
  return {
    kind: "fixed",
    description: `always ${JSON.stringify(value)}`,
    arity: 1,
    decode(raw, scope, props) {
      if (raw !== undefined && raw !== value) scope.carry(props[0] ?? "", raw);
      return undefined;
    },
    encode: () => value,
  };
}
