import type { Issue, ProductionOrder } from "@mfgsync/canonical";
import { checkObject } from "@mfgsync/canonical";
import type { DecodeOptions, MapResult, Mapper, MappingContext, WireProfile, WireResult } from "@mfgsync/mapping";
import { BOOKKEEPING_NAMESPACE, MAPPING_CODES, compileMapper, encodeWireWith } from "@mfgsync/mapping";
import type { ProcessWorkOrder } from "../generated/wire-types.js";
import { PROCESS_RESOURCE, RESOURCE_MARK } from "./kind.js";
import { isOutputComponent, isPrimaryOutput } from "./output.js";
import { processWorkOrderDeclaration } from "./process-declaration.js";

const compiled = compileMapper<ProcessWorkOrder, "production-order">(processWorkOrderDeclaration);

type Decode<C> = (input: unknown, context?: MappingContext, options?: DecodeOptions) => MapResult<C>;

const failed = (issues: readonly Issue[], warnings: readonly Issue[]): MapResult<never> => ({ ok: false, issues: issues as unknown as [Issue, ...Issue[]], warnings });

/**
 * `decodeWire` over a `decode`: the payload unwrapped by the profile, one
 * result per entity, entities whose self link names another resource refused.
 */
export function wireDecoder<C>(profile: WireProfile, decode: Decode<C>, resources: readonly string[], name: string): (payload: unknown, context?: MappingContext, options?: DecodeOptions) => WireResult<C> {
  return (payload, context, options) => {
    try {
      const unwrapped = profile.unwrap(payload);
      if (!unwrapped.ok) return unwrapped;
      const envelope = typeof payload === "string" ? undefined : payload;
      const results = unwrapped.entities.map(({ value, path }): MapResult<C> => {
        const declared = typeof value === "object" && value !== null && !Array.isArray(value) ? profile.declaredEntity(value as Record<string, unknown>, envelope) : undefined;
        const bare = declared?.slice(declared.lastIndexOf(".") + 1);
        if (declared !== undefined && !resources.includes(bare ?? "")) {
          return failed([{ path, code: MAPPING_CODES.entityMismatch, message: `this is a ${declared} entity, but the ${name} mapper reads ${resources.join(" and ")} (choose the mapper, or --entity, for ${declared})` }], []);
        }
        return decode(value, context, { ...options, basePath: path });
      });
      return { ok: true, collection: unwrapped.collection, results, ...(unwrapped.paging ? { paging: unwrapped.paging } : {}) };
    } catch (error) {
      return { ok: false, issues: [{ path: "", code: MAPPING_CODES.internal, message: `mapper failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` }] };
    }
  };
}

/** The decoded order, finished: the primary product's output is `Produced`, and the bookkeeping says a process work order was read. */
function finish(order: ProductionOrder): void {
  const root = order as unknown as Record<string, unknown>;
  for (const c of order.components) {
    const component = c as unknown as Record<string, unknown>;
    if (c.materialUse.value === "Co-product Produced" && isOutputComponent(component) && isPrimaryOutput(component, root)) c.materialUse = { value: "Produced" };
  }
  const extensions = (order.extensions ??= {});
  extensions[BOOKKEEPING_NAMESPACE] = { ...extensions[BOOKKEEPING_NAMESPACE], [RESOURCE_MARK]: PROCESS_RESOURCE };
}

function decode(input: unknown, context?: MappingContext, options?: DecodeOptions): MapResult<ProductionOrder> {
  try {
    const r = compiled.decode(input, context, { ...options, validate: false });
    if (!r.ok) return r;
    finish(r.value);
    if (options?.validate !== false) {
      const problems = checkObject("production-order", r.value);
      if (problems) return failed(problems.map((i) => ({ ...i, message: `the decoded production-order is not valid at ${i.path || "/"}: ${i.message}`, path: options?.basePath ?? "" })), r.warnings);
    }
    return r;
  } catch (error) {
    return failed([{ path: "", code: MAPPING_CODES.internal, message: `mapper failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` }], []);
  }
}

/**
 * Oracle process work order mapper: REST `processWorkOrders` (with expanded
 * `Operation` and its `Material` and `Output` rows) ↔ canonical
 * `ProductionOrder`. The operations' outputs become components: the order's
 * primary product `Produced`, co-products `Co-product Produced`, by-products
 * `By-product Produced`. Decoded orders carry the mark
 * `extensions.mfgsync["oracle.resource"] = "processWorkOrders"`, by which the
 * production-order mapper registered for Oracle writes them back as process
 * work orders. Compiled once when the module loads.
 *
 * @example
 * ```ts
 * import { processWorkOrderMapper } from "@mfgsync/mappers-oracle";
 * const result = processWorkOrderMapper.decodeWire('{"items":[],"count":0,"hasMore":false}');
 * if (result.ok) for (const r of result.results) if (!r.ok) console.log(r.issues);
 * ```
 */
export const processWorkOrderMapper: Mapper<ProcessWorkOrder, ProductionOrder> = {
  declaration: compiled.declaration,
  profile: compiled.profile,
  entitySet: compiled.entitySet,
  decode,
  decodeWire: wireDecoder(compiled.profile, decode, [compiled.entitySet], processWorkOrderDeclaration.name),
  encode: (input, context, options) => compiled.encode(input, context, options),
  encodeWire: (input, context, options) => encodeWireWith(compiled.encode, input, context, options),
  encodeResources: (input, context, options) => compiled.encodeResources(input, context, options),
  etag: (input) => compiled.etag(input),
};
