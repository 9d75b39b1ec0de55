// Quantities that describe the same thing and must therefore be comparable:
// an order's planned quantity, its yield and scrap and its operations'
// quantities; a component's required and withdrawn quantity; ... Internal,
// shared by unit/compatible-dimension and unit/conversion-exact.

import type { CanonicalEventOf, Inspection, Material, ProductionOrder, Quantity } from "@mfgsync/canonical";
import type { RuleContext, SubjectKind } from "../engine/types.js";
import type { ConversionScope } from "../internal/units.js";
import { scopeFor } from "../internal/units.js";
import type { Found, Path } from "../internal/walk.js";

export interface QuantityGroup {
  /** The quantity the others are compared with; its unit is the group's unit. */
  readonly reference: Found<Quantity>;
  readonly members: readonly Found<Quantity>[];
  readonly scope: ConversionScope;
}

function found(path: Path, value: Quantity | undefined): Found<Quantity>[] {
  return value ? [{ path, value }] : [];
}

function group(reference: Found<Quantity>[], members: Found<Quantity>[], scope: ConversionScope): QuantityGroup[] {
  const [first, ...rest] = [...reference, ...members];
  return first ? [{ reference: first, members: rest, scope }] : [];
}

/** The comparable quantity groups of a subject, by kind. */
export function quantityGroups(kind: SubjectKind, subject: unknown, ctx: RuleContext): QuantityGroup[] {
  switch (kind) {
    case "production-order": {
      const order = subject as ProductionOrder;
      const header = group(found(["plannedQuantity"], order.plannedQuantity), [
        ...found(["confirmedYield"], order.confirmedYield),
        ...found(["confirmedScrap"], order.confirmedScrap),
        ...order.operations.flatMap((op, i) => [
          ...found(["operations", i, "plannedQuantity"], op.plannedQuantity),
          ...found(["operations", i, "confirmedYield"], op.confirmedYield),
          ...found(["operations", i, "confirmedScrap"], op.confirmedScrap),
          ...found(["operations", i, "confirmedRework"], op.confirmedRework),
        ]),
      ], scopeFor(ctx, order.material));
      const components = order.components.flatMap((component, i) =>
        group(found(["components", i, "requiredQuantity"], component.requiredQuantity), found(["components", i, "withdrawnQuantity"], component.withdrawnQuantity), scopeFor(ctx, component.material)),
      );
      return [...header, ...components];
    }
    case "production-confirmed": {
      const event = subject as CanonicalEventOf<"production-confirmed">;
      return group(found(["data", "yield"], event.data.yield), [...found(["data", "scrap"], event.data.scrap), ...found(["data", "rework"], event.data.rework)], scopeFor(ctx, undefined));
    }
    case "inspection": {
      const inspection = subject as Inspection;
      return group(found(["inspectedQuantity"], inspection.inspectedQuantity), found(["sampleSize"], inspection.sampleSize), scopeFor(ctx, inspection.subject.material));
    }
    case "material": {
      const material = subject as Material;
      const scope: ConversionScope = { material, conversions: ctx.context.unitConversions?.list(material.id) ?? [] };
      return group(found(["grossWeight"], material.grossWeight), found(["netWeight"], material.netWeight), scope);
    }
    default:
      return [];
  }
}
