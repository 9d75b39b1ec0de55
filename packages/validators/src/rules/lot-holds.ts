import type { HoldBlock, Identifier, LotHold, MaterialRef, Quantity } from "@mfgsync/canonical";
import { sameObject } from "@mfgsync/canonical";
import type { ReportFinding, RuleContext } from "../engine/types.js";
import type { Rational } from "../internal/decimal.js";
import { ZERO, add, compare, describeRational, parseDecimal } from "../internal/decimal.js";
import { convertAmount, scopeFor } from "../internal/units.js";
import type { Path } from "../internal/walk.js";
import { builtinRule, idText, perKind } from "./helpers.js";

type Movement = Exclude<HoldBlock, "All" | "Other">;
const VERB: Record<Movement, string> = { Consumption: "consumed", Shipment: "shipped", Transfer: "transferred", ProductionCompletion: "completed into" };
const NOUN: Record<Movement, string> = { Consumption: "consumption", Shipment: "shipment", Transfer: "transfer", ProductionCompletion: "production completion" };
const FINISHED_ORDER_STATES = new Set(["Completed", "Closed", "Cancelled", "Aborted"]);

function holdText(hold: LotHold): string {
  const source = hold.sourceReference ? ` from ${hold.source.value} ${idText(hold.sourceReference)}` : ` (${hold.source.value})`;
  return `${hold.id ? `hold ${idText(hold.id)}` : "a hold"}${source}, reason ${hold.reason.value}${hold.reason.otherValue ? ` (${hold.reason.otherValue})` : ""}`;
}

/** The lot's active holds that block `movement`, as the context knows them now. */
function blockingHolds(ctx: RuleContext, lot: Identifier, movement: Movement): LotHold[] {
  const holds = ctx.context.lotDispositions?.get(lot)?.holds ?? [];
  return holds.filter((hold) => hold.blocks.includes("All") || hold.blocks.includes(movement));
}

/** The sum of `quantities` in `unit`, or undefined when one does not convert exactly. */
function sumIn(ctx: RuleContext, quantities: readonly Quantity[], unit: string, material: MaterialRef | Identifier | undefined): Rational | undefined {
  let total = ZERO;
  for (const q of quantities) {
    const amount = parseDecimal(q.value);
    const converted = amount ? convertAmount(amount, q.unit, unit, scopeFor(ctx, material)) : undefined;
    if (!converted) return undefined;
    total = add(total, converted);
  }
  return total;
}

function checkMovement(
  ctx: RuleContext, report: ReportFinding, path: Path, lot: Identifier | undefined, movement: Movement,
  moved: Quantity | undefined, material: MaterialRef | undefined,
): void {
  if (!lot) return;
  const holds = blockingHolds(ctx, lot, movement);
  if (holds.length === 0) return;
  const whole = holds.find((hold) => hold.quantity === undefined);
  if (whole) {
    report({ path, message: `lot ${idText(lot)} has an active ${holdText(whole)} that blocks ${NOUN[movement]}; it must not be ${VERB[movement]}`, value: lot });
    return;
  }
  // Only part of the lot is held: the movement may take what is not held, when the context knows the lot's quantity.
  const stock = ctx.context.lots?.get(lot)?.quantity;
  if (!moved || !stock) return;
  const held = sumIn(ctx, holds.map((h) => h.quantity!), stock.unit, material);
  const amount = sumIn(ctx, [moved], stock.unit, material);
  const total = parseDecimal(stock.value);
  if (!held || !amount || !total) return;
  const free = add(total, { num: -held.num, den: held.den });
  if (compare(amount, free) > 0) {
    report({
      path, value: lot,
      message: `lot ${idText(lot)} holds ${stock.value} ${stock.unit}, of which ${describeRational(held)} ${stock.unit} are under holds that block ${NOUN[movement]} ` +
        `(${holds.map(holdText).join("; ")}); ${moved.value} ${moved.unit} cannot be ${VERB[movement]}`,
    });
  }
}

export const lotHoldBlocks = builtinRule({
  id: "lot/hold-blocks",
  defaultSeverity: "error",
  description: "A lot with an active hold is not consumed, shipped or completed into while the hold blocks that (`material-consumed`, `lot-shipped`, `material-produced`), and open orders do not prescribe it for consumption.",
  context: ["lotDispositions", "lots", "materials", "unitConversions"],
  ...perKind({
    "material-consumed"(event, ctx, report) {
      if (event.data.reversal !== true) checkMovement(ctx, report, ["data", "lot"], event.data.lot, "Consumption", event.data.quantity, event.data.material);
    },
    "material-produced"(event, ctx, report) {
      if (event.data.reversal !== true) checkMovement(ctx, report, ["data", "lot"], event.data.lot, "ProductionCompletion", event.data.quantity, event.data.material);
    },
    "lot-shipped"(event, ctx, report) {
      if (event.data.reversal !== true) checkMovement(ctx, report, ["data", "lot"], event.data.lot, "Shipment", event.data.quantity, event.data.material);
    },
    "production-order"(order, ctx, report) {
      if (FINISHED_ORDER_STATES.has(order.state.value)) return;
      order.components.forEach((component, i) => checkMovement(ctx, report, ["components", i, "lot"], component.lot, "Consumption", undefined, component.material));
    },
  }),
});

export const lotRejectedNotUnrestricted = builtinRule({
  id: "lot/rejected-not-unrestricted",
  defaultSeverity: "error",
  description: "A lot whose quality status is Rejected is not UnRestricted, and a decision that rejects a lot's quality does not free it.",
  context: ["lotDispositions"],
  ...perKind({
    lot(lot, _ctx, report) {
      if (lot.qualityStatus?.value === "Rejected" && lot.disposition.value === "UnRestricted") {
        report({ path: ["disposition", "value"], message: `lot ${idText(lot.id)} has quality status Rejected and cannot be UnRestricted` });
      }
    },
    "lot-disposition-changed"(event, ctx, report) {
      if (event.data.to.value !== "UnRestricted") return;
      const status = event.data.qualityStatus?.value ?? ctx.context.lotDispositions?.get(event.data.lot)?.qualityStatus;
      if (status === "Rejected") report({ path: ["data", "to", "value"], message: `lot ${idText(event.data.lot)} has quality status Rejected and cannot become UnRestricted` });
    },
    inspection(inspection, _ctx, report) {
      const d = inspection.decision;
      if (d?.resultingQualityStatus === "Rejected" && d.resultingDisposition === "UnRestricted") {
        report({ path: ["decision", "resultingDisposition"], message: "a decision that leaves the lot's quality status Rejected cannot result in UnRestricted stock" });
      }
    },
    "inspection-decision-made"(event, _ctx, report) {
      const d = event.data.decision;
      if (d.resultingQualityStatus === "Rejected" && d.resultingDisposition === "UnRestricted") {
        report({ path: ["data", "decision", "resultingDisposition"], message: "a decision that leaves the lot's quality status Rejected cannot result in UnRestricted stock" });
      }
    },
  }),
});

export const lotHoldReleaseDecision = builtinRule({
  id: "lot/hold-release-decision",
  defaultSeverity: "error",
  description: "A hold released by an inspection decision references that decision's inspection, which (when the context knows it) is decided and is about this lot.",
  context: ["inspections"],
  appliesTo: ["lot-disposition-changed"],
  check(event, ctx, report) {
    (event.data.holdsReleased ?? []).forEach((release, i) => {
      if (release.cause?.value !== "InspectionDecision") return;
      const inspection = release.inspection ?? event.data.inspection;
      if (!inspection) {
        report({ path: ["data", "holdsReleased", i, "inspection"], message: "a hold released by an inspection decision must reference the inspection whose decision released it" });
        return;
      }
      const known = ctx.context.inspections?.get(inspection);
      const path = release.inspection ? ["data", "holdsReleased", i, "inspection"] : ["data", "inspection"];
      if (known && !known.decision) report({ path, message: `inspection ${idText(inspection)} has no decision yet; it cannot have released a hold` });
      else if (known?.subject.lot && !sameObject(known.subject.lot, event.data.lot)) {
        report({ path, message: `inspection ${idText(inspection)} inspected lot ${idText(known.subject.lot)}, not lot ${idText(event.data.lot)}` });
      }
    });
  },
});

export const LOT_HOLD_RULES = [lotHoldBlocks, lotRejectedNotUnrestricted, lotHoldReleaseDecision];
