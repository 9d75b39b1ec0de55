import type { IdentifierScope } from "@mfgsync/canonical";
import type { ResolvedContext } from "./context.js";
import type { WireProfile } from "./profiles/profile.js";

/**
 * Returned by a converter when the value cannot be mapped; the converter has
 * already reported an issue through its scope.
 *
 * @example
 * ```ts
 * import { INVALID } from "@mfgsync/mapping";
 * const result: unknown = INVALID;
 * if (result === INVALID) console.log("not mapped");
 * ```
 */
export const INVALID: unique symbol = Symbol("mfgsync.mapping.invalid");
/**
 * The type of {@link INVALID}.
 * @example
 * ```ts
 * import type { Invalid } from "@mfgsync/mapping";
 * ```
 */
export type Invalid = typeof INVALID;

/**
 * Returned by an encoder (alone, or in a tuple slot) when a vendor property
 * should not be written at all.
 *
 * @example
 * ```ts
 * import { OMIT } from "@mfgsync/mapping";
 * const slots: unknown[] = ["500", "PC", OMIT];
 * ```
 */
export const OMIT: unique symbol = Symbol("mfgsync.mapping.omit");
/**
 * The type of {@link OMIT}.
 * @example
 * ```ts
 * import type { Omit as OmitMarker } from "@mfgsync/mapping";
 * ```
 */
export type Omit = typeof OMIT;

/**
 * Returned by an encoder (alone, or in a tuple slot) for "no value": the
 * mapping core writes what the mapper's wire profile says the vendor expects
 * for that property (`""` for OData V2 strings, `null` for Oracle REST,
 * nothing at all for OData V4).
 *
 * @example
 * ```ts
 * import { EMPTY } from "@mfgsync/mapping";
 * const encodeDescription = (text: string | undefined) => text ?? EMPTY;
 * ```
 */
export const EMPTY: unique symbol = Symbol("mfgsync.mapping.empty");
/**
 * The type of {@link EMPTY}.
 * @example
 * ```ts
 * import type { Empty } from "@mfgsync/mapping";
 * ```
 */
export type Empty = typeof EMPTY;

/**
 * What a converter sees while decoding one vendor record.
 *
 * @example
 * ```ts
 * import type { DecodeScope } from "@mfgsync/mapping";
 * const zoneOf = (scope: DecodeScope) => scope.zone();
 * ```
 */
export interface DecodeScope {
  /** The resolved mapping context. */
  readonly context: ResolvedContext;
  /** The raw vendor record being decoded. */
  readonly record: Readonly<Record<string, unknown>>;
  /** The raw parent record (for a navigation child), if any. */
  readonly parentRecord: Readonly<Record<string, unknown>> | undefined;
  /** The mapper's wire profile. */
  readonly profile: WireProfile;
  /** IANA time zone of this record's plant; warns once per plant when it falls back to UTC. */
  zone(): string;
  /** The company or organisation this record's keys are unique in (its `scope` declaration), if any. */
  idScope(): IdentifierScope | undefined;
  /** Reports an issue at a vendor property of this record and returns {@link INVALID}. */
  issue(property: string, code: string, message: string): Invalid;
  /** Reports a warning at a vendor property of this record. */
  warn(property: string, code: string, message: string): void;
  /** Keeps a raw vendor value (`null` included) because the canonical form cannot reproduce it exactly; encode writes it back while it still decodes to the canonical value. */
  carry(property: string, value: unknown): void;
  /**
   * Keeps a whole JSON value (an expanded child collection a converter reads as one canonical field): copied
   * without transport keys, its exact number texts kept in the bookkeeping and restored on encode. Optional:
   * scopes that only verify kept values (or a converter's own test scope) need not keep anything.
   */
  carryJson?(property: string, value: unknown): void;
}

/**
 * What a converter sees while encoding one canonical object (or child object).
 *
 * @example
 * ```ts
 * import type { EncodeScope } from "@mfgsync/mapping";
 * const plantOf = (scope: EncodeScope) => scope.object["plant"];
 * ```
 */
export interface EncodeScope {
  /** The resolved mapping context. */
  readonly context: ResolvedContext;
  /** The canonical object at this level (the order, or one of its operations). */
  readonly object: Readonly<Record<string, unknown>>;
  /** The vendor record being built. */
  readonly target: Readonly<Record<string, unknown>>;
  /** The vendor record built for the parent, if any. */
  readonly parentTarget: Readonly<Record<string, unknown>> | undefined;
  /** The mapper's wire profile. */
  readonly profile: WireProfile;
  /** IANA time zone of this object's plant. */
  zone(): string;
  /** The scope this record is written in (its `scope` declaration: the root identifier's scope, or the parent's), if any. */
  idScope(): IdentifierScope | undefined;
  /** Whether two scope codes name the same company or organisation (case-insensitively where the entity's scope declaration says so). */
  sameScope(a: string, b: string): boolean;
  /** Reports an issue at a JSON Pointer relative to this canonical object and returns {@link INVALID}. */
  issue(pointer: string, code: string, message: string): Invalid;
  /** Reports a warning at a JSON Pointer relative to this canonical object. */
  warn(pointer: string, code: string, message: string): void;
  /** The vendor value kept for a property of this record (`null` included), if any (written back when it still agrees). */
  kept(property: string): unknown;
  /** Whether the property was absent from the record read (a converter that writes one of several attributes leaves it out). */
  wasAbsent?(property: string): boolean;
}

/**
 * A bidirectional converter between vendor values and a canonical value. A
 * converter with `arity` 1 receives and returns one vendor value; with
 * arity n it receives the values of its n vendor properties as an array (in
 * declaration order, `undefined` when absent) and returns an array of n
 * (use {@link OMIT} to leave one out). Converters never throw: they report
 * through the scope and return {@link INVALID}.
 *
 * `decode` returns `undefined` for an empty vendor value (the canonical field
 * is then left out; the mapping core keeps the raw value when the encoder
 * would not write it back as it was); `encode` receives `undefined` for an
 * absent canonical field and returns the vendor's empty value, or
 * {@link EMPTY} to let the wire profile decide.
 *
 * @example
 * ```ts
 * import type { Converter } from "@mfgsync/mapping";
 * import { EMPTY, INVALID } from "@mfgsync/mapping";
 * const upper: Converter<string, string> = {
 *   kind: "text", description: "upper-case code", arity: 1,
 *   decode: (v, scope, props) => typeof v === "string" ? (v === "" ? undefined : v) : scope.issue(props[0] ?? "", "type.invalid", "expected a string"),
 *   encode: (c) => c ?? EMPTY,
 * };
 * void INVALID;
 * ```
 */
export interface Converter<V = unknown, C = unknown> {
  /** Short name of the conversion, shown in the mapping tables (`decimal`, `X/"" flag`, `date+time@plant`). */
  readonly kind: string;
  /** One sentence for the mapping tables. */
  readonly description: string;
  /** Number of vendor properties the converter reads and writes. */
  readonly arity: number;
  /** Vendor value(s) to canonical value. */
  decode(value: V, scope: DecodeScope, props: readonly string[]): C | undefined | Invalid;
  /** Canonical value to vendor value(s); `pointer` is the field's JSON Pointer relative to `scope.object`. */
  encode(value: C | undefined, scope: EncodeScope, pointer: string): V | Invalid | Omit | Empty;
  /** Set when `encode(undefined)` is always {@link EMPTY}: empty vendor values then need no keeping. */
  readonly emptyIsProfile?: boolean;
}

/**
 * Any converter, whatever its value types; the form declarations store.
 *
 * @example
 * ```ts
 * import type { AnyConverter } from "@mfgsync/mapping";
 * import { decimal } from "@mfgsync/mapping";
 * const c: AnyConverter = decimal();
 * ```
 */
// Methods are bivariant in TypeScript, so every Converter<V, C> is assignable to this.
export type AnyConverter = Converter<unknown, unknown>;
