import type { ProductionOrder, Quantity } from "@mfgsync/canonical";
import type { ReportFinding, RuleContext } from "../engine/types.js";
import type { Rational } from "../internal/decimal.js";
import { ONE, add, compare, describeRational, integerDigitsOf, isZero, multiply, parseDecimal, scaleOf } from "../internal/decimal.js";
import { convertAmount, scopeFor } from "../internal/units.js";
import type { Path } from "../internal/walk.js";
import { findQuantities } from "../internal/walk.js";
import { ALL_KINDS, builtinRule, perKind, scaleFor } from "./helpers.js";

function requirePositive(report: ReportFinding, path: Path, value: string | undefined, what: string): void {
  if (value === undefined) return;
  const amount = parseDecimal(value);
  if (amount && amount.num <= 0n) report({ path, message: `${what} must be greater than zero` });
}

export const quantityPositive = builtinRule({
  id: "quantity/positive",
  defaultSeverity: "error",
  description: "Quantities are greater than zero where the concept requires it: planned and required quantities, goods movements, shipments, scrap and rework, held parts of lots, sample sizes, conversion factors, non-final confirmations.",
  ...perKind({
    "production-order"(order, _ctx, report) {
      requirePositive(report, ["plannedQuantity", "value"], order.plannedQuantity.value, "the planned quantity");
      order.operations.forEach((op, i) => requirePositive(report, ["operations", i, "plannedQuantity", "value"], op.plannedQuantity?.value, "an operation's planned quantity"));
      order.components.forEach((c, i) => requirePositive(report, ["components", i, "requiredQuantity", "value"], c.requiredQuantity.value, "a component's required quantity"));
    },
    material(material, _ctx, report) {
      (material.alternativeUnits ?? []).forEach((alt, i) => {
        requirePositive(report, ["alternativeUnits", i, "numerator"], alt.numerator, "a conversion numerator");
        requirePositive(report, ["alternativeUnits", i, "denominator"], alt.denominator, "a conversion denominator");
      });
    },
    inspection(inspection, _ctx, report) {
      requirePositive(report, ["sampleSize", "value"], inspection.sampleSize?.value, "the sample size");
      inspection.characteristics.forEach((c, i) => requirePositive(report, ["characteristics", i, "sampleSize", "value"], c.sampleSize?.value, "a characteristic's sample size"));
    },
    lot(lot, _ctx, report) {
      lot.holds?.forEach((hold, i) => requirePositive(report, ["holds", i, "quantity", "value"], hold.quantity?.value, "a held quantity"));
      lot.parents?.forEach((link, i) => requirePositive(report, ["parents", i, "quantity", "value"], link.quantity?.value, "a genealogy quantity"));
      lot.children?.forEach((link, i) => requirePositive(report, ["children", i, "quantity", "value"], link.quantity?.value, "a genealogy quantity"));
    },
    "material-consumed": (event, _ctx, report) => requirePositive(report, ["data", "quantity", "value"], event.data.quantity.value, "a consumed quantity"),
    "material-produced": (event, _ctx, report) => requirePositive(report, ["data", "quantity", "value"], event.data.quantity.value, "a produced quantity"),
    "lot-shipped": (event, _ctx, report) => requirePositive(report, ["data", "quantity", "value"], event.data.quantity.value, "a shipped quantity"),
    "scrap-declared": (event, _ctx, report) => requirePositive(report, ["data", "quantity", "value"], event.data.quantity.value, "a scrapped quantity"),
    "rework-declared": (event, _ctx, report) => requirePositive(report, ["data", "quantity", "value"], event.data.quantity.value, "a rework quantity"),
    "production-confirmed"(event, _ctx, report) {
      if (event.data.final) return; // a final confirmation of nothing closes the operation
      const parts = [event.data.yield, event.data.scrap, event.data.rework].map((q) => (q ? parseDecimal(q.value) : undefined));
      if (parts.every((part) => part === undefined || isZero(part))) report({ path: ["data", "yield", "value"], message: "a partial confirmation must confirm some yield, scrap or rework" });
    },
  }),
});

export const quantityPrecision = builtinRule({
  id: "quantity/precision",
  defaultSeverity: "warning",
  description: "Quantities fit the target system's decimal fields: at most `quantity.maxScale` decimals (or the per-unit scale) and `quantity.maxPrecision` digits in total.",
  appliesTo: ALL_KINDS,
  check(subject, ctx, report) {
    const { maxPrecision } = ctx.options.quantity;
    for (const { path, value } of findQuantities(subject)) {
      const scale = scaleFor(ctx.options, value.unit);
      if (scaleOf(value.value) > scale) {
        report({ path: [...path, "value"], message: `${value.value} ${value.unit} has ${scaleOf(value.value)} decimals; the target system keeps ${scale}` });
      } else if (integerDigitsOf(value.value) > maxPrecision - scale) {
        report({ path: [...path, "value"], message: `${value.value} ${value.unit} has ${integerDigitsOf(value.value)} integer digits; the target system keeps ${maxPrecision - scale} (precision ${maxPrecision}, scale ${scale})` });
      }
    }
  },
});

function limitWithTolerance(planned: Rational, ctx: RuleContext): Rational {
  const percent = parseDecimal(ctx.options.quantity.overDeliveryTolerancePercent) ?? { num: 0n, den: 1n };
  return multiply(planned, add(ONE, multiply(percent, { num: 1n, den: 100n })));
}

function checkYield(order: ProductionOrder, ctx: RuleContext, report: ReportFinding, path: Path, yieldQty: Quantity | undefined, planned: Quantity): void {
  if (!yieldQty) return;
  const plannedAmount = parseDecimal(planned.value);
  const yieldAmount = parseDecimal(yieldQty.value);
  if (!plannedAmount || !yieldAmount) return;
  const converted = convertAmount(yieldAmount, yieldQty.unit, planned.unit, scopeFor(ctx, order.material));
  if (!converted) return; // unit/compatible-dimension reports units that do not convert
  const limit = limitWithTolerance(plannedAmount, ctx);
  if (compare(converted, limit) > 0) {
    const tolerance = ctx.options.quantity.overDeliveryTolerancePercent;
    report({
      path: [...path, "value"],
      message: `confirmed yield ${yieldQty.value} ${yieldQty.unit} exceeds the planned ${planned.value} ${planned.unit} plus ${tolerance}% over-delivery tolerance (at most ${describeRational(limit)} ${planned.unit})`,
    });
  }
}

export const quantityOverDelivery = builtinRule({
  id: "quantity/over-delivery",
  defaultSeverity: "error",
  description: "Confirmed yield of an order (and of each operation) is not above the planned quantity plus the profile's over-delivery tolerance.",
  context: ["materials", "unitConversions"],
  appliesTo: ["production-order"],
  check(order, ctx, report) {
    checkYield(order, ctx, report, ["confirmedYield"], order.confirmedYield, order.plannedQuantity);
    order.operations.forEach((op, i) => checkYield(order, ctx, report, ["operations", i, "confirmedYield"], op.confirmedYield, op.plannedQuantity ?? order.plannedQuantity));
  },
});

export const QUANTITY_RULES = [quantityPositive, quantityPrecision, quantityOverDelivery];
