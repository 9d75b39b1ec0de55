import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter, DecodeScope, EncodeScope, Empty, Invalid, Omit } from "../converter.js";
import { EMPTY } from "../converter.js";
import { describeValue } from "../json/json.js";

/** Message for a value of the wrong JSON type. Internal. */
export function wrongType(expected: string, value: unknown): string {
  return `expected ${expected}, got ${describeValue(value)}`;
}

/**
 * What a one-property converter is made of when built with {@link scalar}:
 * which vendor values it accepts, and the conversion of a present,
 * accepted value in each direction.
 *
 * @example
 * ```ts
 * import type { ScalarSpec } from "@mfgsync/mapping";
 * const spec: ScalarSpec<string, string> = {
 *   kind: "upper", description: "upper-case code", expected: "a string",
 *   accepts: (v): v is string => typeof v === "string",
 *   decode: (v) => v.toUpperCase(), encode: (c) => c,
 * };
 * ```
 */
export interface ScalarSpec<V, C> {
  /** Short name for the mapping tables. */
  readonly kind: string;
  /** One sentence for the mapping tables. */
  readonly description: string;
  /** What the vendor value should be, for the wrong-type message ("a decimal string"). */
  readonly expected: string;
  /** Accepts a vendor value of the right JSON type. */
  accepts(value: unknown): value is V;
  /** Whether `""` is a value (default: `""` means none, like null and absence). */
  readonly emptyStringIsValue?: boolean;
  /** A present, accepted vendor value to the canonical value (or undefined for "none", INVALID after an issue). */
  decode(value: V, scope: DecodeScope, property: string): C | undefined | Invalid;
  /** A present canonical value to the vendor value. */
  encode(value: C, scope: EncodeScope, pointer: string): V | Invalid | Omit | Empty;
}

/**
 * The null and type handling every one-property converter shares: an absent
 * vendor value, `null` and (unless it is a value) `""` decode to "none"; a
 * value of the wrong JSON type is an issue naming the vendor property; an
 * absent canonical value encodes to {@link EMPTY}, the profile's "no value"
 * (and the core keeps any other empty vendor spelling, so it goes back as
 * read).
 *
 * @example
 * ```ts
 * import { scalar } from "@mfgsync/mapping";
 * const upper = scalar<string, string>({
 *   kind: "upper", description: "upper-case code", expected: "a string",
 *   accepts: (v): v is string => typeof v === "string",
 *   decode: (v) => v.toUpperCase(), encode: (c) => c,
 * });
 * upper.arity; // 1
 * ```
 */
export function scalar<V, C>(spec: ScalarSpec<V, C>): Converter<V | null | undefined, C> {
  const emptyIsValue = spec.emptyStringIsValue === true;
  return {
    kind: spec.kind,
    description: spec.description,
    arity: 1,
    emptyIsProfile: true,
    decode(value, scope, props) {
      if (value === undefined || value === null || (value === "" && !emptyIsValue)) return undefined;
      const prop = props[0] ?? "";
      if (!spec.accepts(value)) return scope.issue(prop, ISSUE_CODES.invalidType, wrongType(spec.expected, value));
      return spec.decode(value, scope, prop);
    },
    encode(value, scope, pointer) {
      return value === undefined ? EMPTY : spec.encode(value, scope, pointer);
    },
  };
}
