import type { ProductionOrder } from "@mfgsync/canonical";
import type { KnownLoss, LossEnvironment, MapResult, Mapper, MapperDeclaration } from "@mfgsync/mapping";
import { declareMapper, encodeWireWith } from "@mfgsync/mapping";
import type { ProcessWorkOrder, WorkOrder } from "../generated/wire-types.js";
import { workOrderDeclaration } from "./declaration.js";
import { workOrderMapper } from "./index.js";
import { isProcessProductionOrder, isProcessWorkOrderRecord } from "./kind.js";
import { processWorkOrderMapper, wireDecoder } from "./process-work-order.js";

/**
 * The losses of either mapper, by path: each applies to the orders of its
 * kind (a path lossy for one kind only keeps the other kind's value). The
 * extensions loss comes last, because the kind is read from the bookkeeping.
 */
function eitherLoss(discrete: readonly KnownLoss[], processed: readonly KnownLoss[]): KnownLoss[] {
  const paths = [...new Set([...discrete, ...processed].map((l) => l.path))].sort((a, b) => Number(a === "/extensions") - Number(b === "/extensions"));
  const apply = (loss: KnownLoss | undefined, value: unknown, env: LossEnvironment) => (loss === undefined ? value : loss.normalize ? loss.normalize(value, env) : undefined);
  return paths.map((path) => {
    const d = discrete.find((l) => l.path === path);
    const p = processed.find((l) => l.path === path);
    const reason = d !== undefined && p !== undefined && d.reason === p.reason ? d.reason
      : [d && `discrete work orders: ${d.reason}`, p && `process work orders: ${p.reason}`].filter(Boolean).join("; ");
    return { path, reason, normalize: (value: unknown, env: LossEnvironment) => apply(isProcessProductionOrder(env.root) ? p : d, value, env) };
  });
}

/** The declaration of the dispatching mapper: the discrete one's, with the losses of both kinds. */
const declaration: MapperDeclaration<"production-order"> = declareMapper({
  ...workOrderDeclaration,
  title: "Oracle Fusion Cloud SCM work order (REST workOrders, and processWorkOrders for process manufacturing)",
  knownLoss: eitherLoss(workOrderDeclaration.knownLoss, processWorkOrderMapper.declaration.knownLoss),
  notes: [
    ...(workOrderDeclaration.notes ?? []),
    "Process work orders (a processWorkOrders self link, or process-only attributes such as PrimaryProductId or BatchQuantity) are read and written by the process work order mapper.",
  ],
});

function decode(input: unknown, context?: Parameters<Mapper<unknown, ProductionOrder>["decode"]>[1], options?: Parameters<Mapper<unknown, ProductionOrder>["decode"]>[2]): MapResult<ProductionOrder> {
  return isProcessWorkOrderRecord(input) ? processWorkOrderMapper.decode(input, context, options) : workOrderMapper.decode(input, context, options);
}

const encode: Mapper<WorkOrder | ProcessWorkOrder, ProductionOrder>["encode"] = (input, context, options) =>
  isProcessProductionOrder(input) ? processWorkOrderMapper.encode(input, context, options) : workOrderMapper.encode(input, context, options);

/**
 * The Oracle production-order mapper for either kind of work order:
 * discrete `workOrders` and process `processWorkOrders`. A record is read
 * as a process work order when its self link names `processWorkOrders` or
 * it has process-only attributes ({@link isProcessWorkOrderRecord}); an
 * order is written back as the kind it was read from
 * ({@link isProcessProductionOrder}); orders of other vendors are written
 * as discrete work orders. This is the mapper `ORACLE_VENDOR` registers (and
 * the CLI uses) for `production-order`; its known losses are those of both
 * mappers, each for its kind.
 *
 * @example
 * ```ts
 * import { oracleProductionOrderMapper } from "@mfgsync/mappers-oracle";
 * const wire = oracleProductionOrderMapper.decodeWire('{"WorkOrderNumber":"B-1","OrganizationCode":"P1","ItemNumber":"RESIN","PrimaryProductQuantity":500,"PrimaryProductUOMCode":"KGM","WorkOrderSystemStatusCode":"RELEASED"}');
 * const order = wire.ok && wire.results[0]?.ok ? wire.results[0].value : undefined;
 * console.log(order?.plannedQuantity); // { value: "500", unit: "KGM" }
 * ```
 */
export const oracleProductionOrderMapper: Mapper<WorkOrder | ProcessWorkOrder, ProductionOrder> = {
  declaration,
  profile: workOrderMapper.profile,
  entitySet: workOrderMapper.entitySet,
  decode,
  decodeWire: wireDecoder(workOrderMapper.profile, decode, [workOrderMapper.entitySet, processWorkOrderMapper.entitySet], declaration.name),
  encode,
  encodeWire: (input, context, options) => encodeWireWith(encode, input, context, options),
  encodeResources: (input, context, options) =>
    isProcessProductionOrder(input) ? processWorkOrderMapper.encodeResources(input, context, options) : workOrderMapper.encodeResources(input, context, options),
  etag: (input) => (isProcessProductionOrder(input) ? processWorkOrderMapper.etag(input) : workOrderMapper.etag(input)),
};
