import type { ProductionOrder } from "@mfgsync/canonical";

/**
 * A copy of a valid order with three mistakes integrations really make: an
 * SAP unit spelling instead of the Rec 20 code, a decimal comma, and a local
 * time without offset (or, every third order, a vendor field at the top level).
 */
export function breakOrder(order: ProductionOrder, i: number): unknown {
  const copy = structuredClone(order) as unknown as Record<string, unknown> & ProductionOrder;
  copy.plannedQuantity = { ...copy.plannedQuantity, unit: "KG" };
  const component = copy.components[i % copy.components.length]!;
  component.requiredQuantity = { ...component.requiredQuantity, value: "12,5" };
  if (i % 3 === 2) copy["ProductionPlant"] = copy.plant;
  else copy.operations[0]!.plannedStart = "2026-03-02 06:00";
  return copy;
}
