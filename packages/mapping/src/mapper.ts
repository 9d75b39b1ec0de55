import type { CanonicalObject, Issue, ObjectName } from "@mfgsync/canonical";
import { checkObject } from "@mfgsync/canonical";
import { compileEntity } from "./compile/compiled.js";
import { DecodeCall, decodeEntity } from "./compile/decode.js";
import { EncodeCall, encodeEntity } from "./compile/encode.js";
import type { ContextDefaults, MappingContext } from "./context.js";
import { resolveContext } from "./context.js";
import type { EntityDeclaration, MapperDeclaration } from "./declare.js";
import type { MapResult } from "./result.js";
import { MAPPING_CODES } from "./result.js";
import { isRecord } from "./util/json.js";

/**
 * Options of {@link Mapper.decode}.
 *
 * @example
 * ```ts
 * import type { DecodeOptions } from "@mfgsync/mapping";
 * const options: DecodeOptions = { basePath: "/d/results/3", validate: true };
 * ```
 */
export interface DecodeOptions {
  /** JSON Pointer of the entity inside a larger payload; prefixed to every issue path. */
  readonly basePath?: string;
  /** Also check the result against the canonical schema (the mappers are tested to produce valid objects, so this is off by default). */
  readonly validate?: boolean;
}

/**
 * Options of {@link Mapper.encode}.
 *
 * @example
 * ```ts
 * import type { EncodeOptions } from "@mfgsync/mapping";
 * const options: EncodeOptions = { trusted: true };
 * ```
 */
export interface EncodeOptions {
  /** Skip the canonical schema check of the input: only for objects that already passed it. */
  readonly trusted?: boolean;
}

/**
 * A compiled mapper: vendor entity ↔ canonical object, both directions from
 * one declaration. Neither direction throws on any input.
 *
 * @example
 * ```ts
 * import type { Mapper } from "@mfgsync/mapping";
 * function toCanonical<V, C>(mapper: Mapper<V, C>, payload: unknown) {
 *   const result = mapper.decode(payload, { plantTimeZones: { "1010": "Europe/Berlin" } });
 *   return result.ok ? result.value : undefined;
 * }
 * ```
 */
export interface Mapper<V, C> {
  /** The declaration the mapper was compiled from. */
  readonly declaration: MapperDeclaration;
  /** Vendor entity (bare, transport annotations allowed) to canonical object. */
  decode(input: unknown, context?: MappingContext, options?: DecodeOptions): MapResult<C>;
  /** Canonical object to the bare vendor entity (no transport annotations). */
  encode(input: unknown, context?: MappingContext, options?: EncodeOptions): MapResult<V>;
}

function internal(error: unknown): MapResult<never> {
  return { ok: false, issues: [{ path: "", code: MAPPING_CODES.internal, message: `mapper failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` }], warnings: [] };
}

function failed(issues: Issue[], warnings: readonly Issue[]): MapResult<never> {
  return { ok: false, issues: issues as unknown as [Issue, ...Issue[]], warnings };
}

/**
 * Compiles a mapper declaration once into decode and encode functions.
 * Throws only when the declaration itself is broken (a bug in the mapper
 * package, found when its module loads).
 *
 * @example
 * ```ts
 * import { compileMapper, declareMapper, entity, field, identifier, text } from "@mfgsync/mapping";
 * const mapper = compileMapper<Record<string, unknown>, "lot">(declareMapper({
 *   name: "acme:lot", title: "ACME lots", canonical: "lot", namespace: "acme", defaults: { scheme: "acme" }, knownLoss: [],
 *   root: entity({ entity: "Lot", fields: [field("LotId", "id", identifier(), { required: true }), field("Supplier", "supplierLot", text())] }),
 * }));
 * ```
 */
export function compileMapper<V, N extends ObjectName>(declaration: MapperDeclaration & { readonly canonical: N }): Mapper<V, CanonicalObject<N>> {
  const root = compileEntity(declaration.root, true);
  const namespace = declaration.namespace;
  return {
    declaration,
    decode(input, context, options) {
      try {
        const resolved = resolveContext(context, declaration.defaults);
        if (!resolved.ok) return failed(resolved.issues, []);
        const call = new DecodeCall(resolved.value);
        const decoded = decodeEntity(root, input, options?.basePath ?? "", call, undefined);
        if (call.issues.length > 0 || decoded === undefined) {
          if (call.issues.length === 0) call.issues.push({ path: options?.basePath ?? "", code: MAPPING_CODES.internal, message: "nothing decoded" });
          return failed(call.issues, call.warnings);
        }
        const value = decoded.value;
        if (decoded.carried !== undefined) value["extensions"] = { [namespace]: decoded.carried };
        if (options?.validate === true) {
          // Check only: the decoded object is ours, no parsed copy is needed.
          const problems = checkObject(declaration.canonical, value);
          if (problems) return failed(problems.map((i) => ({ ...i, message: `decoded ${declaration.canonical} is not valid at ${i.path || "/"}: ${i.message}`, path: options.basePath ?? "" })), call.warnings);
        }
        return { ok: true, value: value as CanonicalObject<N>, warnings: call.warnings };
      } catch (error) {
        return internal(error);
      }
    },
    encode(input, context, options) {
      try {
        const resolved = resolveContext(context, declaration.defaults);
        if (!resolved.ok) return failed(resolved.issues, []);
        const object: unknown = input;
        if (options?.trusted !== true) {
          // Check only: canonical schemas have no defaults or transforms, so the input is what a parse would give.
          const problems = checkObject(declaration.canonical, input);
          if (problems) return failed([...problems], []);
        }
        if (!isRecord(object)) return failed([{ path: "", code: MAPPING_CODES.invalidType, message: "expected a canonical object" }], []);
        const call = new EncodeCall(resolved.value);
        const extensions = object["extensions"];
        const kept = isRecord(extensions) && isRecord(extensions[namespace]) ? (extensions[namespace] as Record<string, unknown>) : undefined;
        const target = encodeEntity(root, object, "", call, undefined, kept, `/extensions/${namespace}`);
        if (call.issues.length > 0) return failed(call.issues, call.warnings);
        return { ok: true, value: target as V, warnings: call.warnings };
      } catch (error) {
        return internal(error);
      }
    },
  };
}

/**
 * A decode-only mapper into a shape of the mapper package's own (an event
 * payload, an intermediate record) rather than a canonical object.
 *
 * @example
 * ```ts
 * import type { Decoder } from "@mfgsync/mapping";
 * const read = (decoder: Decoder<Record<string, unknown>>, entity: unknown) => decoder.decode(entity);
 * ```
 */
export interface Decoder<T> {
  /** The entity declaration it was compiled from. */
  readonly declaration: EntityDeclaration;
  /** Vendor entity to the declared shape; vendor properties without a field are returned separately in `kept`. */
  decode(input: unknown, context?: MappingContext, options?: { readonly basePath?: string }): MapResult<{ readonly value: T; readonly kept: Readonly<Record<string, unknown>> | undefined }>;
}

/**
 * Compiles an entity declaration into a decode-only mapper with the same
 * catalog validation, converters and issue paths as {@link compileMapper},
 * for vendor data that becomes something other than a canonical object
 * (events built from confirmations, for example).
 *
 * @example
 * ```ts
 * import { compileDecoder, entity, field, identifier } from "@mfgsync/mapping";
 * const decoder = compileDecoder<{ order: { value: string } }>(entity({ entity: "Confirmation", fields: [field("OrderID", "order", identifier(), { required: true })] }), { scheme: "acme" });
 * const r = decoder.decode({ OrderID: "1000123" });
 * ```
 */
export function compileDecoder<T>(declaration: EntityDeclaration, defaults: ContextDefaults): Decoder<T> {
  const root = compileEntity(declaration, true);
  return {
    declaration,
    decode(input, context, options) {
      try {
        const resolved = resolveContext(context, defaults);
        if (!resolved.ok) return failed(resolved.issues, []);
        const call = new DecodeCall(resolved.value);
        const decoded = decodeEntity(root, input, options?.basePath ?? "", call, undefined);
        if (call.issues.length > 0 || decoded === undefined) {
          if (call.issues.length === 0) call.issues.push({ path: options?.basePath ?? "", code: MAPPING_CODES.internal, message: "nothing decoded" });
          return failed(call.issues, call.warnings);
        }
        return { ok: true, value: { value: decoded.value as T, kept: decoded.carried }, warnings: call.warnings };
      } catch (error) {
        return internal(error);
      }
    },
  };
}
