import type { CanonicalEvent, CanonicalEventOf, CanonicalObject, EventName, Issue, ObjectName, Result } from "@mfgsync/canonical";
import { safeParseEvent, safeParseEventOf, safeParseObject } from "@mfgsync/canonical";
import type { DecodeOptions, EncodeOptions, MappingContext, MapResult, Mapper } from "@mfgsync/mapping";
import type { Either } from "fp-ts/lib/Either.js";

// The values built here are plain fp-ts Eithers (`{ _tag: "Left", left }` /
// `{ _tag: "Right", right }`, exactly what fp-ts's own constructors return),
// so this module needs fp-ts for its types only, not at runtime.

/**
 * The issues of a failed parse: never empty.
 *
 * @example
 * ```ts
 * import type { Issues } from "@mfgsync/fp";
 * const issues: Issues = [{ path: "/kind", code: "value.invalid", message: "expected \"lot\"" }];
 * ```
 */
export type Issues = readonly [Issue, ...Issue[]];

/**
 * A successful mapping: the value and the warnings the mapper gave with it
 * (a default time zone used, a unit passed through). `Right` of
 * {@link decodeEither} and {@link encodeEither}.
 *
 * @example
 * ```ts
 * import type { Mapped } from "@mfgsync/fp";
 * const mapped: Mapped<string> = { value: "1000123", warnings: [] };
 * ```
 */
export interface Mapped<T> {
  /** The mapped value. */
  readonly value: T;
  /** What the mapper assumed; never a reason to stop. */
  readonly warnings: readonly Issue[];
}

/**
 * A failed mapping: the issues that stopped it and the warnings given so far.
 * `Left` of {@link decodeEither} and {@link encodeEither}.
 *
 * @example
 * ```ts
 * import type { MappingFailure } from "@mfgsync/fp";
 * const failure: MappingFailure = { issues: [{ path: "/Batch", code: "field.required", message: "Batch is required" }], warnings: [] };
 * ```
 */
export interface MappingFailure {
  /** Why the mapping failed: at least one issue, each with a JSON Pointer path into the input. */
  readonly issues: Issues;
  /** Warnings given before the mapping failed. */
  readonly warnings: readonly Issue[];
}

const left = <E>(e: E): Either<E, never> => ({ _tag: "Left", left: e });
const right = <A>(a: A): Either<never, A> => ({ _tag: "Right", right: a });

/**
 * Turns the `Result` of any `safe*` function of mfgsync into an fp-ts `Either`:
 * `Left` with the issues, `Right` with the value.
 *
 * @example
 * ```ts
 * import { safeParseLot } from "@mfgsync/canonical";
 * import { fromResult } from "@mfgsync/fp";
 * const either = fromResult(safeParseLot({})); // { _tag: "Left", left: [...issues] }
 * ```
 */
export function fromResult<T>(result: Result<T>): Either<Issues, T> {
  return result.ok ? right(result.value) : left(result.issues);
}

/**
 * Turns the `MapResult` of a mapper into an fp-ts `Either`, keeping the
 * warnings on both sides.
 *
 * @example
 * ```ts
 * import { fromMapResult } from "@mfgsync/fp";
 * const either = fromMapResult({ ok: true, value: 1, warnings: [] }); // { _tag: "Right", right: { value: 1, warnings: [] } }
 * ```
 */
export function fromMapResult<T>(result: MapResult<T>): Either<MappingFailure, Mapped<T>> {
  return result.ok ? right({ value: result.value, warnings: result.warnings }) : left({ issues: result.issues, warnings: result.warnings });
}

/**
 * Parses a canonical object by name: `Right` with the parsed object, `Left`
 * with the issues (JSON Pointer path, stable code, message). Never throws.
 *
 * @example
 * ```ts
 * import { parseEither } from "@mfgsync/fp";
 * const lot = parseEither("lot", JSON.parse('{"kind":"lot"}'));
 * if (lot._tag === "Left") console.log(lot.left.map((i) => `${i.path} ${i.code}`));
 * ```
 */
export function parseEither<N extends ObjectName>(name: N, input: unknown): Either<Issues, CanonicalObject<N>> {
  return fromResult(safeParseObject(name, input));
}

/**
 * Parses any canonical event (or, with a name, one kind of event) into an
 * `Either`. Never throws.
 *
 * @example
 * ```ts
 * import { parseEventEither } from "@mfgsync/fp";
 * const any = parseEventEither(JSON.parse('{"specversion":"1.0"}'));
 * const created = parseEventEither(JSON.parse("{}"), "lot-created");
 * ```
 */
export function parseEventEither(input: unknown): Either<Issues, CanonicalEvent>;
export function parseEventEither<N extends EventName>(input: unknown, name: N): Either<Issues, CanonicalEventOf<N>>;
export function parseEventEither(input: unknown, name?: EventName): Either<Issues, CanonicalEvent> {
  return fromResult(name === undefined ? safeParseEvent(input) : safeParseEventOf(name, input));
}

/**
 * Decodes a vendor payload with any `@mfgsync/mapping` mapper (for example
 * `batchMapper` of `@mfgsync/mappers-sap`): `Right` with the canonical object
 * and warnings, `Left` with the issues. Never throws.
 *
 * @example
 * ```ts
 * import { batchMapper } from "@mfgsync/mappers-sap";
 * import { decodeEither } from "@mfgsync/fp";
 * const lot = decodeEither(batchMapper, { Material: "FG226", BatchIdentifyingPlant: "1710", Batch: "0000000008" });
 * ```
 */
export function decodeEither<V, C>(mapper: Mapper<V, C>, input: unknown, context?: MappingContext, options?: DecodeOptions): Either<MappingFailure, Mapped<C>> {
  return fromMapResult(mapper.decode(input, context, options));
}

/**
 * Encodes a canonical object with any `@mfgsync/mapping` mapper into the
 * vendor entity: `Right` with the payload and warnings, `Left` with the
 * issues. The input is typed by the mapper, so the compiler checks it is the
 * mapper's canonical object. Never throws.
 *
 * @example
 * ```ts
 * import type { Lot } from "@mfgsync/canonical";
 * import { batchMapper } from "@mfgsync/mappers-sap";
 * import { encodeEither } from "@mfgsync/fp";
 * declare const lot: Lot;
 * const batch = encodeEither(batchMapper, lot);
 * ```
 */
export function encodeEither<V, C>(mapper: Mapper<V, C>, input: C, context?: MappingContext, options?: EncodeOptions): Either<MappingFailure, Mapped<V>> {
  return fromMapResult(mapper.encode(input, context, options));
}
