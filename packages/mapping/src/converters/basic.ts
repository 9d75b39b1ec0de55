import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter } from "../converter.js";
import { OMIT } from "../converter.js";

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? `"${value.length > 40 ? value.slice(0, 40) + "…" : value}"` : typeof value;
}

/** Message for a value of the wrong JSON type. Internal. */
export function wrongType(expected: string, value: unknown): string {
  return `expected ${expected}, got ${describeValue(value)}`;
}

/**
 * Text: a vendor string to a canonical string. The vendor's empty string
 * (and `null`) means "no value"; `null` is remembered so that it comes back
 * as `null`. `maxLength` refuses canonical strings the canonical schema would
 * refuse (the vendor's own limit is checked from the catalog).
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
  const keepEmpty = options.keepEmpty === true;
  const pattern = options.pattern;
  const keepMismatch = options.keepMismatch === true;
  return {
    kind: pattern ? "text (checked)" : "text",
    description: pattern ? `string as is, ${options.patternMessage ?? `matching ${String(pattern)}`}; "" means none` : 'string as is; "" means none',
    arity: 1,
    decode(value, scope, props) {
      if (value === "" && keepEmpty) return "";
      if (value === undefined || value === "") return undefined;
      if (value === null) {
        scope.carry(props[0] ?? "", null);
        return undefined;
      }
      if (typeof value !== "string") return scope.issue(props[0] ?? "", ISSUE_CODES.invalidType, wrongType("a string", value));
      if (max !== undefined && value.length > max) return scope.issue(props[0] ?? "", ISSUE_CODES.tooBig, `text is longer than the canonical limit of ${max} characters`);
      if (pattern !== undefined && !pattern.test(value) && keepMismatch) {
        scope.carry(props[0] ?? "", value);
        return undefined;
      }
      if (pattern !== undefined && !pattern.test(value)) return scope.issue(props[0] ?? "", ISSUE_CODES.invalidFormat, `"${value}" is not ${options.patternMessage ?? `matching ${String(pattern)}`}`);
      return value;
    },
    encode(value) {
      return value === undefined ? "" : value;
    },
  };
}

/**
 * A boolean stored as an ABAP flag: `"X"` is true, `""` is false. A missing
 * canonical value is written as `null` so that it reads back as missing.
 *
 * @example
 * ```ts
 * import { flag } from "@mfgsync/mapping";
 * flag().kind; // 'X/"" flag'
 * ```
 */
export function flag(): Converter<string | null | undefined, boolean> {
  return {
    kind: 'X/"" flag',
    description: '"X" = true, "" = false',
    arity: 1,
    decode(value, scope, props) {
      if (value === "X") return true;
      if (value === "") return false;
      if (value === undefined || value === null) return undefined;
      return scope.issue(props[0] ?? "", ISSUE_CODES.invalidValue, `${wrongType('"X" or ""', value)}`);
    },
    encode(value) {
      return value === undefined ? null : value ? "X" : "";
    },
  };
}

/**
 * A JSON boolean (OData `Edm.Boolean`). A missing canonical value is written
 * as `null`.
 *
 * @example
 * ```ts
 * import { boolean } from "@mfgsync/mapping";
 * boolean().kind; // "boolean"
 * ```
 */
export function boolean(options: { readonly negate?: boolean } = {}): Converter<boolean | null | undefined, boolean> {
  const negate = options.negate === true;
  return {
    kind: negate ? "boolean (negated)" : "boolean",
    description: negate ? "true/false, inverted" : "true/false",
    arity: 1,
    decode(value, scope, props) {
      if (value === undefined || value === null) return undefined;
      if (typeof value !== "boolean") return scope.issue(props[0] ?? "", ISSUE_CODES.invalidType, wrongType("true or false", value));
      return negate ? !value : value;
    },
    encode(value) {
      return value === undefined ? null : negate ? !value : value;
    },
  };
}

/**
 * An integer (OData `Edm.Int16`/`Int32`/`Byte`) to a canonical integer.
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
  return {
    kind: "integer",
    description: zeroIsNone ? "JSON number; 0 means none" : "JSON number",
    arity: 1,
    decode(value, scope, props) {
      if (value === undefined || value === null) return undefined;
      if (typeof value !== "number" || !Number.isInteger(value)) return scope.issue(props[0] ?? "", ISSUE_CODES.invalidType, wrongType("an integer", value));
      if (zeroIsNone && value === 0) return undefined;
      if (min !== undefined && value < min) return scope.issue(props[0] ?? "", ISSUE_CODES.tooSmall, `${value} is below ${min}`);
      if (max !== undefined && value > max) return scope.issue(props[0] ?? "", ISSUE_CODES.tooBig, `${value} is above ${max}`);
      return value;
    },
    encode(value) {
      return value === undefined ? (zeroIsNone ? 0 : null) : value;
    },
  };
}

/**
 * A vendor property that repeats a property of the parent record (the order
 * number on every operation). It has no canonical field: decoding checks the
 * value equals the parent's (and keeps it in the extensions when it does
 * not); encoding copies the parent's value.
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
      if (value === undefined || value === "") return undefined;
      if (typeof value !== "string") {
        if (value === null) {
          scope.carry(props[0] ?? "", null);
          return undefined;
        }
        return scope.issue(props[0] ?? "", ISSUE_CODES.invalidType, wrongType("a string", value));
      }
      return scope.parentRecord?.[parentProperty] === value ? undefined : value;
    },
    encode(value, scope) {
      if (value !== undefined) return value;
      const parent = scope.parentTarget?.[parentProperty];
      return typeof parent === "string" ? parent : "";
    },
  };
}
