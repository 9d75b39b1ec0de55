import type { CountingStream, Issue, PayloadStreamOptions, StreamRecord, StreamStep, StreamStepResult } from "@mfgsync/canonical";
import { createPayloadStream } from "@mfgsync/canonical";
import type { MappingContext } from "../context.js";
import { parseWireJson } from "../json/wire-json.js";
import type { MapResult } from "../result.js";

/**
 * What a map stream reads vendor payloads with: a compiled `Mapper` is one
 * (its `decodeWire` takes an envelope, a collection or a bare entity).
 *
 * @example
 * ```ts
 * import type { WireDecoder } from "@mfgsync/mapping";
 * const lotsOnly: WireDecoder<{ id: string }> = { decodeWire: () => ({ ok: true, collection: false, results: [{ ok: true, value: { id: "L-1" }, warnings: [] }] }) };
 * ```
 */
export interface WireDecoder<C> {
  decodeWire(payload: unknown, context?: MappingContext, options?: { readonly validate?: boolean }):
    | { readonly ok: true; readonly collection: boolean; readonly results: readonly MapResult<C>[] }
    | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]] };
}

/**
 * What a map stream writes vendor entities with (`direction: "encode"`): a
 * compiled `Mapper` is one.
 *
 * @example
 * ```ts
 * import type { EntityEncoder } from "@mfgsync/mapping";
 * const encoder: EntityEncoder<{ LotId: string }> = { encode: () => ({ ok: true, value: { LotId: "L-1" }, warnings: [] }) };
 * ```
 */
export interface EntityEncoder<V> {
  // `never`: any mapper's encode fits, whatever canonical type it takes; the stream's input is unknown anyway and the mapper checks it.
  encode(input: never, context?: MappingContext): MapResult<V>;
}

/**
 * A check run on every mapped value (for example the canonical rules, with
 * `validate` of `@mfgsync/validators`): issues fail the line (it goes to the
 * dead letters), warnings join the line's.
 *
 * @example
 * ```ts
 * import type { MapStreamCheck } from "@mfgsync/mapping";
 * const check: MapStreamCheck<{ id: string }> = (value) => (value.id === "" ? { issues: [{ path: "/id", code: "id.empty", message: "no id" }] } : {});
 * ```
 */
export type MapStreamCheck<T> = (value: T, line: number) => { readonly issues?: readonly Issue[]; readonly warnings?: readonly Issue[] };

/**
 * Options of {@link createMapStream} and {@link mapStep}.
 *
 * @example
 * ```ts
 * import type { MapStreamOptions } from "@mfgsync/mapping";
 * const options: MapStreamOptions<unknown> = { context: { plantTimeZones: { "1010": "Europe/Berlin" } }, maxLineBytes: 1 << 20 };
 * ```
 */
export interface MapStreamOptions<T> extends PayloadStreamOptions {
  /** The mapping context (time zones, code tables) every payload is mapped with. */
  readonly context?: MappingContext;
  /** Runs on each mapped value, see {@link MapStreamCheck}. */
  readonly validate?: MapStreamCheck<T>;
  /** NDJSON bytes or text (default), or payloads as values (`"payloads"`). */
  readonly input?: "ndjson" | "payloads";
}

const prefixed = (issues: readonly Issue[], prefix: string): Issue[] => (prefix === "" ? [...issues] : issues.map((i) => ({ ...i, path: `${prefix}${i.path}` })));

function checked<T>(result: StreamStepResult<T>, check: MapStreamCheck<T> | undefined, line: number): StreamStepResult<T> {
  if (check === undefined || !result.ok) return result;
  const collection = "values" in result;
  const values = collection ? result.values : [result.value];
  const issues: Issue[] = [];
  const warnings: Issue[] = [...(result.warnings ?? [])];
  values.forEach((value, index) => {
    const r = check(value, line);
    const prefix = collection ? `/${index}` : "";
    if (r.issues !== undefined) issues.push(...prefixed(r.issues, prefix));
    if (r.warnings !== undefined) warnings.push(...prefixed(r.warnings, prefix));
  });
  if (issues.length > 0) return { ok: false, issues: issues as [Issue, ...Issue[]], warnings };
  return collection ? { ok: true, values, warnings } : { ok: true, value: values[0] as T, warnings };
}

function decodeStep<C>(mapper: WireDecoder<C>, context: MappingContext | undefined): StreamStep<C> {
  return (payload) => {
    const wire = mapper.decodeWire(payload, context, { validate: true });
    if (!wire.ok) return wire;
    const issues: Issue[] = [];
    const warnings: Issue[] = [];
    const values: C[] = [];
    for (const r of wire.results) {
      for (const warning of r.warnings) warnings.push(warning);
      if (r.ok) values.push(r.value);
      else for (const issue of r.issues) issues.push(issue);
    }
    // One failed entity fails its line: a collection is kept or dead-lettered whole, never cut.
    if (issues.length > 0) return { ok: false, issues: issues as [Issue, ...Issue[]], warnings };
    if (wire.collection) return { ok: true, values, warnings };
    if (values.length !== 1) return { ok: false, issues: [{ path: "", code: "payload.empty", message: "the payload holds no entity" }], warnings };
    return { ok: true, value: values[0] as C, warnings };
  };
}

function encodeStep<V>(mapper: EntityEncoder<V>, context: MappingContext | undefined): StreamStep<V> {
  const encode = mapper.encode as (input: unknown, context?: MappingContext) => MapResult<V>;
  return (payload) => {
    const list = Array.isArray(payload);
    const inputs: readonly unknown[] = list ? payload : [payload];
    const issues: Issue[] = [];
    const warnings: Issue[] = [];
    const values: V[] = [];
    inputs.forEach((input, index) => {
      const r = encode.call(mapper, input, context);
      const prefix = list ? `/${index}` : "";
      warnings.push(...prefixed(r.warnings, prefix));
      if (r.ok) values.push(r.value);
      else issues.push(...prefixed(r.issues, prefix));
    });
    if (issues.length > 0) return { ok: false, issues: issues as [Issue, ...Issue[]], warnings };
    return list ? { ok: true, values, warnings } : { ok: true, value: values[0] as V, warnings };
  };
}

/**
 * The step a map stream runs on each payload, for a processor of your own
 * (`createPayloadProcessor` of `@mfgsync/canonical`, in a worker thread for
 * instance). A mapper decodes: an envelope or a bare entity gives one value,
 * a collection one per entity, and one failed entity fails the whole line.
 * With `"encode"`, a canonical object gives the vendor entity, an array one
 * per element (issue paths prefixed with the index). A function is used as
 * it is. The `validate` check runs on every value.
 *
 * @example
 * ```ts
 * import { createPayloadProcessor } from "@mfgsync/canonical";
 * import { mapStep } from "@mfgsync/mapping";
 * const step = mapStep((payload: unknown) => ({ ok: true, value: payload }));
 * const processor = createPayloadProcessor(step);
 * ```
 */
export function mapStep<C>(mapper: WireDecoder<C>, options?: MapStreamOptions<C>, direction?: "decode"): StreamStep<C>;
export function mapStep<V>(mapper: EntityEncoder<V>, options: MapStreamOptions<V> | undefined, direction: "encode"): StreamStep<V>;
export function mapStep<T>(step: StreamStep<T>, options?: MapStreamOptions<T>): StreamStep<T>;
export function mapStep<T>(mapper: WireDecoder<T> | EntityEncoder<T> | StreamStep<T>, options: MapStreamOptions<T> = {}, direction: "decode" | "encode" = "decode"): StreamStep<T> {
  const base: StreamStep<T> =
    typeof mapper === "function" ? mapper : direction === "encode" ? encodeStep(mapper as EntityEncoder<T>, options.context) : decodeStep(mapper as WireDecoder<T>, options.context);
  const check = options.validate;
  const step: StreamStep<T> = (payload, line) => {
    let result: StreamStepResult<T>;
    try {
      result = base(payload, line);
    } catch (error) {
      // A mapper must not throw; if one does, the line is kept with what it said, and the run goes on.
      return { ok: false, issues: [{ path: "", code: "mapping.failed", message: `the mapper failed on this line: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    return checked(result, check, line);
  };
  return step;
}

/**
 * A WHATWG `TransformStream` that maps a stream of vendor payloads (NDJSON
 * bytes or text, cut anywhere; or payloads as values with `input:
 * "payloads"`) to canonical objects, or canonical objects to vendor
 * entities (`direction` `"encode"`), in input order. Lines that fail come
 * out as dead letters that keep the line exactly (its bytes in base64 when
 * they are no UTF-8; a line over `maxLineBytes` in `raw` pieces, never held
 * whole), with their issues and warnings; `counts()` tells the counts. JSON
 * is read losslessly (`parseWireJson`: exact numbers, duplicate keys
 * refused). It never errors on bad input and has no Node built-ins: Node
 * 20+, browsers, Deno, edge runtimes.
 *
 * @example
 * ```ts
 * import { createMapStream } from "@mfgsync/mapping";
 * import { productionOrderMapper } from "@mfgsync/mappers-sap";
 * const response = await fetch("https://example.com/orders.ndjson");
 * const stream = createMapStream(productionOrderMapper, { context: { plantTimeZones: { "1010": "Europe/Berlin" } } });
 * for await (const record of response.body!.pipeThrough(stream)) {
 *   if (record.kind === "value") console.log(record.value.id);
 *   else if (record.kind === "dead-letter") console.error(JSON.stringify(record.deadLetter));
 * }
 * console.log(stream.counts());
 * ```
 */
export function createMapStream<C>(mapper: WireDecoder<C> | StreamStep<C>, options?: MapStreamOptions<C> & { readonly input?: "ndjson" }, direction?: "decode"): CountingStream<Uint8Array | string, StreamRecord<C>>;
export function createMapStream<C>(mapper: WireDecoder<C> | StreamStep<C>, options: MapStreamOptions<C> & { readonly input: "payloads" }, direction?: "decode"): CountingStream<unknown, StreamRecord<C>>;
export function createMapStream<V>(mapper: EntityEncoder<V>, options: (MapStreamOptions<V> & { readonly input?: "ndjson" }) | undefined, direction: "encode"): CountingStream<Uint8Array | string, StreamRecord<V>>;
export function createMapStream<V>(mapper: EntityEncoder<V>, options: MapStreamOptions<V> & { readonly input: "payloads" }, direction: "encode"): CountingStream<unknown, StreamRecord<V>>;
export function createMapStream<T>(mapper: WireDecoder<T> | EntityEncoder<T> | StreamStep<T>, options: MapStreamOptions<T> = {}, direction: "decode" | "encode" = "decode"): CountingStream<unknown, StreamRecord<T>> {
  const step = typeof mapper === "function" ? mapStep(mapper, options) : direction === "encode" ? mapStep(mapper as EntityEncoder<T>, options, "encode") : mapStep(mapper as WireDecoder<T>, options);
  const parse = options.parse ?? parseWireJson;
  if (options.input === "payloads") return createPayloadStream(step, { ...options, parse, input: "payloads" });
  return createPayloadStream(step, { ...options, parse, input: "ndjson" }) as CountingStream<unknown, StreamRecord<T>>;
}
