import type { CanonicalObject, Issue, ObjectName } from "@mfgsync/canonical";
import { ObjectSchemas, checkObject } from "@mfgsync/canonical";
import type { CompiledEntity } from "./compile/compiled.js";
import { compileEntity } from "./compile/compiled.js";
import { DecodeCall, decodeEntity } from "./compile/decode.js";
import { ETAG, EncodeCall, encodeEntity, reportUnclaimed } from "./compile/encode.js";
import type { RecordState } from "./compile/state.js";
import { BOOKKEEPING_NAMESPACE, asState, isEmptyState } from "./compile/state.js";
import type { ContextDefaults, MappingContext } from "./context.js";
import { resolveContext } from "./context.js";
import type { EntityDeclaration, MapperDeclaration } from "./declare.js";
import { isRecord } from "./json/json.js";
import { stringifyWireJson } from "./json/wire-json.js";
import type { CollectionShape, PagingInfo, WireProfile } from "./profiles/profile.js";
import type { EncodedResource, ResourceOptions } from "./resources.js";
import { collectResources, patchBody } from "./resources.js";
import type { MapResult } from "./result.js";
import { MAPPING_CODES } from "./result.js";

/**
 * Options of {@link Mapper.decode}.
 *
 * @example
 * ```ts
 * import type { DecodeOptions } from "@mfgsync/mapping";
 * const options: DecodeOptions = { basePath: "/d/results/3" };
 * ```
 */
export interface DecodeOptions {
  /** JSON Pointer of the entity inside a larger payload; prefixed to every issue path. */
  readonly basePath?: string;
  /**
   * Check the result against the canonical schema (default `true`): a decode that says ok returns an object
   * that passes its schema. `false` skips the check for callers that validate the object themselves next
   * (the mappers are fuzz-tested to produce valid objects).
   */
  readonly validate?: boolean;
  /** How each root navigation's rows were delivered, when not inside the record (rows given beside the header as a bundle). */
  readonly collectionShapes?: Readonly<Record<string, CollectionShape>>;
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
  /**
   * `full` (default) writes the whole entity as read, with kept vendor values; `patch` writes only the
   * properties that changed against `original` (all mapped properties when no original is given), never
   * read-only catalog properties, keys or child collections: the body of a PATCH/MERGE call.
   */
  readonly mode?: "full" | "patch";
  /** The object as it was decoded, for `patch` mode. */
  readonly original?: unknown;
}

/**
 * Outcome of reading a whole vendor payload: one result per entity (issue
 * paths into the whole payload, e.g. `/d/results/3/TotalQuantity`), with the
 * payload's paging facts, or the issues that stopped the payload from being
 * read at all (not JSON, an error response, no entity).
 *
 * @example
 * ```ts
 * import type { WireResult } from "@mfgsync/mapping";
 * const mapped = (result: WireResult<unknown>) => (result.ok ? result.results.filter((r) => r.ok).length : 0);
 * ```
 */
export type WireResult<C> =
  | { readonly ok: true; readonly collection: boolean; readonly results: readonly MapResult<C>[]; readonly paging?: PagingInfo }
  | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]] };

/**
 * A compiled mapper: vendor entity ↔ canonical object, both directions from
 * one declaration, through its wire profile. No method throws on any input.
 *
 * @example
 * ```ts
 * import type { Mapper } from "@mfgsync/mapping";
 * function toCanonical<V, C>(mapper: Mapper<V, C>, payload: string) {
 *   const result = mapper.decodeWire(payload, { plantTimeZones: { "1010": "Europe/Berlin" } });
 *   return result.ok ? result.results.flatMap((r) => (r.ok ? [r.value] : [])) : [];
 * }
 * ```
 */
export interface Mapper<V, C> {
  /** The declaration the mapper was compiled from. */
  readonly declaration: MapperDeclaration;
  /** The wire profile (protocol). */
  readonly profile: WireProfile;
  /** Entity set (resource) of the root entity. */
  readonly entitySet: string;
  /** Vendor entity (bare, transport annotations allowed) to canonical object. */
  decode(input: unknown, context?: MappingContext, options?: DecodeOptions): MapResult<C>;
  /** Reads a whole payload (JSON text or parsed: envelope, collection, single entity, plain array); one result per entity. */
  decodeWire(payload: unknown, context?: MappingContext, options?: DecodeOptions): WireResult<C>;
  /** Canonical object to the bare vendor entity (no transport annotations). The input is checked against its canonical schema unless `trusted`. */
  encode(input: C, context?: MappingContext, options?: EncodeOptions): MapResult<V>;
  /** Canonical object (or array of them) to JSON text, numbers with their exact digits. */
  encodeWire(input: C | readonly C[], context?: MappingContext, options?: EncodeOptions & { readonly space?: number }): MapResult<string>;
  /** Canonical object to one entry per vendor resource (the root and every child row): entity set, key, key path, ETag and body. */
  encodeResources(input: C, context?: MappingContext, options?: EncodeOptions & ResourceOptions): MapResult<readonly EncodedResource[]>;
  /** The ETag the root entity was read with, for an `If-Match` header, if the vendor sent one. */
  etag(input: C): string | undefined;
}

function internal(error: unknown): MapResult<never> {
  return { ok: false, issues: [{ path: "", code: MAPPING_CODES.internal, message: `mapper failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` }], warnings: [] };
}

function failed(issues: readonly Issue[], warnings: readonly Issue[]): MapResult<never> {
  return { ok: false, issues: issues as unknown as [Issue, ...Issue[]], warnings };
}

/**
 * Canonical object (or array of them) to JSON text with `encode` applied to
 * each: what every {@link Mapper}'s `encodeWire` does, for packages that wrap
 * a compiled mapper's `encode` (D365 writes bundles) and keep its wire form.
 * Issues of list items are prefixed with their index; a throw becomes a
 * `mapping.internal` issue.
 *
 * @example
 * ```ts
 * import { encodeWireWith } from "@mfgsync/mapping";
 * const text = encodeWireWith((n: number) => ({ ok: true, value: { n }, warnings: [] }), [1, 2]);
 * console.log(text.ok && text.value); // [{"n":1},{"n":2}]
 * ```
 */
export function encodeWireWith<V, C, O extends EncodeOptions>(
  encode: (input: C, context?: MappingContext, options?: O) => MapResult<V>,
  input: C | readonly C[],
  context?: MappingContext,
  options?: O & { readonly space?: number },
): MapResult<string> {
  try {
    const list = Array.isArray(input);
    const inputs = (list ? input : [input]) as readonly C[];
    const issues: Issue[] = [];
    const warnings: Issue[] = [];
    const values: unknown[] = [];
    inputs.forEach((item, i) => {
      const r = encode(item, context, options);
      const prefix = list ? `/${i}` : "";
      warnings.push(...r.warnings.map((w) => ({ ...w, path: prefix + w.path })));
      if (r.ok) values.push(r.value);
      else issues.push(...r.issues.map((w) => ({ ...w, path: prefix + w.path })));
    });
    if (issues.length > 0) return failed(issues, warnings);
    return { ok: true, value: stringifyWireJson(list ? values : values[0], options?.space), warnings };
  } catch (error) {
    return internal(error);
  }
}

/** The vendor values and bookkeeping kept in a canonical object's extensions for one namespace. */
function keptOf(object: Readonly<Record<string, unknown>>, namespace: string): { kept: Record<string, unknown> | undefined; state: RecordState | undefined } {
  const extensions = object["extensions"];
  if (!isRecord(extensions)) return { kept: undefined, state: undefined };
  const kept = isRecord(extensions[namespace]) ? (extensions[namespace] as Record<string, unknown>) : undefined;
  const books = extensions[BOOKKEEPING_NAMESPACE];
  const state = isRecord(books) ? asState(books[namespace]) : undefined;
  return { kept, state };
}

function declaredMatches(declared: string, entitySet: string, aliases: readonly string[]): boolean {
  const bare = declared.slice(declared.lastIndexOf(".") + 1);
  return bare === entitySet || bare === `${entitySet}Type` || aliases.includes(bare) || aliases.includes(declared);
}

/**
 * Compiles a mapper declaration once into decode and encode functions.
 * Throws only when the declaration itself is broken (a bug in the mapper
 * package, found when its module loads).
 *
 * @example
 * ```ts
 * import { compileMapper, declareMapper, entity, field, identifier, odataV4Profile, text } from "@mfgsync/mapping";
 * const mapper = compileMapper<Record<string, unknown>, "lot">(declareMapper({
 *   name: "acme:lot", title: "ACME lots", canonical: "lot", profile: odataV4Profile, namespace: "acme", defaults: { scheme: "acme" }, knownLoss: [],
 *   root: entity({ entity: "Lots", fields: [field("LotId", "id", identifier(), { required: true }), field("Supplier", "supplierLot", text())] }),
 * }));
 * ```
 */
export function compileMapper<V, N extends ObjectName>(declaration: MapperDeclaration<N>, options: { readonly aliases?: readonly string[] } = {}): Mapper<V, CanonicalObject<N>> {
  type C = CanonicalObject<N>;
  const profile = declaration.profile;
  // The canonical schema's length limits are checked field by field (validate: false included).
  const root: CompiledEntity = compileEntity(declaration.root, true, profile, ObjectSchemas[declaration.canonical]);
  const namespace = declaration.namespace;
  const entitySet = declaration.root.catalog?.entitySet ?? declaration.root.entity;
  const aliases = options.aliases ?? [];

  function decode(input: unknown, context?: MappingContext, options?: DecodeOptions): MapResult<C> {
    try {
      const resolved = resolveContext(context, declaration.defaults);
      if (!resolved.ok) return failed(resolved.issues, []);
      const basePath = options?.basePath ?? "";
      const call = new DecodeCall(resolved.value, profile, options?.collectionShapes);
      const decoded = decodeEntity(root, input, basePath, call, undefined);
      if (call.issues.length > 0 || decoded === undefined) {
        if (call.issues.length === 0) call.issues.push({ path: basePath, code: MAPPING_CODES.internal, message: "nothing decoded" });
        return failed(call.issues, call.warnings);
      }
      const value = decoded.value;
      if (decoded.carried !== undefined || !isEmptyState(decoded.state)) {
        const extensions: Record<string, unknown> = {};
        if (decoded.carried !== undefined) extensions[namespace] = decoded.carried;
        if (!isEmptyState(decoded.state)) extensions[BOOKKEEPING_NAMESPACE] = { [namespace]: decoded.state };
        value["extensions"] = extensions;
      }
      if (options?.validate !== false) {
        // Check only: the decoded object is ours, no parsed copy is needed.
        const problems = checkObject(declaration.canonical, value);
        if (problems) return failed(problems.map((i) => ({ ...i, message: `the decoded ${declaration.canonical} is not valid at ${i.path || "/"}: ${i.message}`, path: basePath })), call.warnings);
      }
      return { ok: true, value: value as C, warnings: call.warnings };
    } catch (error) {
      return internal(error);
    }
  }

  function encodeFull(input: unknown, context: MappingContext | undefined, options: EncodeOptions | undefined): MapResult<Record<string, unknown>> {
    const resolved = resolveContext(context, declaration.defaults);
    if (!resolved.ok) return failed(resolved.issues, []);
    if (options?.trusted !== true) {
      // Check only: canonical schemas have no defaults or transforms, so the input is what a parse would give.
      const problems = checkObject(declaration.canonical, input);
      if (problems) return failed([...problems], []);
    }
    if (!isRecord(input)) return failed([{ path: "", code: MAPPING_CODES.invalidType, message: "expected a canonical object" }], []);
    const call = new EncodeCall(resolved.value, profile, input);
    const { kept, state } = keptOf(input, namespace);
    const target = encodeEntity(root, input, "", call, undefined, kept, state, `/extensions/${namespace}`);
    reportUnclaimed(root, call);
    if (call.issues.length > 0) return failed(call.issues, call.warnings);
    return { ok: true, value: target, warnings: call.warnings };
  }

  function encode(input: C, context?: MappingContext, options?: EncodeOptions): MapResult<V> {
    try {
      const full = encodeFull(input, context, options);
      if (!full.ok || options?.mode !== "patch") return full as MapResult<V>;
      let original: Record<string, unknown> | undefined;
      if (options.original !== undefined) {
        const before = encodeFull(options.original, context, { trusted: options.trusted === true });
        if (!before.ok) return failed(before.issues.map((i) => ({ ...i, path: `(original)${i.path}` })), before.warnings);
        original = before.value;
      }
      return { ok: true, value: patchBody(root, full.value, original) as V, warnings: full.warnings };
    } catch (error) {
      return internal(error);
    }
  }

  const mapper: Mapper<V, C> = {
    declaration: declaration as unknown as MapperDeclaration,
    profile,
    entitySet,
    decode,
    decodeWire(payload, context, options) {
      try {
        const unwrapped = profile.unwrap(payload);
        if (!unwrapped.ok) return unwrapped;
        const envelope = typeof payload === "string" ? undefined : payload;
        const results = unwrapped.entities.map(({ value, path }): MapResult<C> => {
          const declared = isRecord(value) ? profile.declaredEntity(value, envelope) : undefined;
          if (declared !== undefined && !declaredMatches(declared, entitySet, aliases)) {
            return failed([{ path, code: MAPPING_CODES.entityMismatch, message: `this is a ${declared} entity, but the ${declaration.name} mapper reads ${entitySet} (choose the mapper, or --entity, for ${declared})` }], []);
          }
          return decode(value, context, { ...options, basePath: path });
        });
        return { ok: true, collection: unwrapped.collection, results, ...(unwrapped.paging ? { paging: unwrapped.paging } : {}) };
      } catch (error) {
        return internal(error) as WireResult<C>;
      }
    },
    encode,
    encodeWire(input, context, options) {
      return encodeWireWith(encode, input, context, options);
    },
    encodeResources(input, context, options) {
      try {
        const full = encodeFull(input, context, options);
        if (!full.ok) return full;
        let original: Record<string, unknown> | undefined;
        if (options?.original !== undefined) {
          const before = encodeFull(options.original, context, { trusted: options.trusted === true });
          if (!before.ok) return failed(before.issues.map((i) => ({ ...i, path: `(original)${i.path}` })), before.warnings);
          original = before.value;
        }
        return { ok: true, value: collectResources(root, full.value, original, options), warnings: full.warnings };
      } catch (error) {
        return internal(error);
      }
    },
    etag(input) {
      if (!isRecord(input)) return undefined;
      const { kept, state } = keptOf(input, namespace);
      if (profile.etagKey !== undefined) {
        const v = kept?.[profile.etagKey];
        return typeof v === "string" ? v : undefined;
      }
      return typeof state?.etag === "string" ? state.etag : undefined;
    },
  };
  return mapper;
}

/** The hidden ETag of an encoded record (OData V2 keeps it in the bookkeeping), or the profile's. Internal. */
export function etagOfTarget(profile: WireProfile, target: Record<string, unknown>): string | undefined {
  const hidden = (target as { [ETAG]?: unknown })[ETAG];
  return typeof hidden === "string" ? hidden : profile.etagOf(target);
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
 * import { compileDecoder, entity, field, identifier, odataV2Profile } from "@mfgsync/mapping";
 * const decoder = compileDecoder<{ order: { value: string } }>(entity({ entity: "Confirmation", fields: [field("OrderID", "order", identifier(), { required: true })] }), { scheme: "acme" }, odataV2Profile);
 * const r = decoder.decode({ OrderID: "1000123" });
 * ```
 */
export function compileDecoder<T>(declaration: EntityDeclaration, defaults: ContextDefaults, profile: WireProfile): Decoder<T> {
  const root = compileEntity(declaration, true, profile);
  return {
    declaration,
    decode(input, context, options) {
      try {
        const resolved = resolveContext(context, defaults);
        if (!resolved.ok) return failed(resolved.issues, []);
        const call = new DecodeCall(resolved.value, profile, undefined);
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
