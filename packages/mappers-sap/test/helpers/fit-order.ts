// The production orders SAP can hold, for the property tests and the seed sweep
// (scripts/sweep-seeds.ts).
import type { ProductionOrder } from "@mfgsync/canonical";
import { clean, fitDate, fitId, fitOptionalText, fitQuantity, fitText, withoutSap } from "./fit.js";

const REPRESENTABLE_STATES = new Set(["Forecast", "Released", "Running", "Completed", "Closed", "Cancelled", "Held", "Other"]);
/** Operations have no "locked" flag. */
const REPRESENTABLE_OPERATION_STATES = new Set(["Forecast", "Released", "Running", "Completed", "Closed", "Cancelled", "Other"]);
const REPRESENTABLE_USES = new Set(["Consumed", "By-product Produced", "Co-product Produced"]);

/** The production orders SAP can hold: field lengths, units and states of A_ProductionOrder_2. */
export function fitOrder(order: ProductionOrder): ProductionOrder {
  const unit = order.plannedQuantity.unit;
  return clean({
    ...order,
    extensions: withoutSap(order.extensions),
    id: fitId(order.id, 12),
    orderType: order.orderType === undefined ? undefined : { value: "Production" as const },
    material: { id: fitId(order.material.id, 40) },
    plant: fitText(order.plant, 4),
    plannedQuantity: fitQuantity(order.plannedQuantity),
    confirmedYield: order.confirmedYield && fitQuantity(order.confirmedYield, unit),
    plannedStart: fitDate(order.plannedStart), plannedEnd: fitDate(order.plannedEnd),
    scheduledStart: fitDate(order.scheduledStart), scheduledEnd: fitDate(order.scheduledEnd),
    lastChangedAt: fitDate(order.lastChangedAt),
    state: REPRESENTABLE_STATES.has(order.state.value) ? order.state : { value: "Released" as const },
    operations: order.operations.map((op) => clean({
      ...op,
      sequence: op.sequence.slice(-4),
      description: fitOptionalText(op.description, 40),
      workCenter: fitOptionalText(op.workCenter, 8),
      plant: fitOptionalText(op.plant, 4),
      state: REPRESENTABLE_OPERATION_STATES.has(op.state.value) ? op.state : { value: "Released" as const },
      plannedStart: fitDate(op.plannedStart), plannedEnd: fitDate(op.plannedEnd), actualStart: fitDate(op.actualStart), actualEnd: fitDate(op.actualEnd),
      plannedQuantity: op.plannedQuantity && fitQuantity(op.plannedQuantity),
      confirmedYield: op.plannedQuantity && op.confirmedYield ? fitQuantity(op.confirmedYield, op.plannedQuantity.unit) : undefined,
    })),
    components: order.components.map((c, i) => clean({
      ...c,
      item: String(i + 1),
      material: { id: fitId(c.material.id, 40) },
      requiredQuantity: fitQuantity(c.requiredQuantity),
      withdrawnQuantity: c.withdrawnQuantity && fitQuantity(c.withdrawnQuantity, c.requiredQuantity.unit),
      materialUse: REPRESENTABLE_USES.has(c.materialUse.value) ? c.materialUse : { value: "Consumed" as const },
      lot: c.lot && fitId(c.lot, 10),
      issuingOperation: c.issuingOperation?.slice(-4),
      plant: fitOptionalText(c.plant, 4),
      storageLocation: fitOptionalText(c.storageLocation, 4),
    })),
  });
}

