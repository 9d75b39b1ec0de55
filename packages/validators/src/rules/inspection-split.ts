import type { MaterialRef, Quantity, QuantitySplit } from "@mfgsync/canonical";
import type { ReportFinding, RuleContext } from "../engine/types.js";
import type { Rational } from "../internal/decimal.js";
import { ZERO, add, compare, describeRational, parseDecimal } from "../internal/decimal.js";
import { convertAmount, dimensionText, scopeFor } from "../internal/units.js";
import type { Path } from "../internal/walk.js";
import { builtinRule, perKind } from "./helpers.js";

const PARTS = ["accepted", "rejected", "scrapped", "sampleDestroyed", "returnedToVendor", "toRework"] as const;

/** The split's quantities with their paths relative to the split. */
function parts(split: QuantitySplit): Array<{ path: Path; quantity: Quantity }> {
  const out: Array<{ path: Path; quantity: Quantity }> = [];
  for (const key of PARTS) {
    const q = split[key];
    if (q) out.push({ path: [key], quantity: q });
  }
  (split.other ?? []).forEach((o, i) => out.push({ path: ["other", i, "quantity"], quantity: o.quantity }));
  return out;
}

function checkSplit(ctx: RuleContext, report: ReportFinding, base: Path, split: QuantitySplit | undefined, inspected: Quantity | undefined, material: MaterialRef | undefined): void {
  if (!split || !inspected) return;
  const target = parseDecimal(inspected.value);
  const found = parts(split);
  if (!target || found.length === 0) return;
  let total: Rational = ZERO;
  for (const { path, quantity } of found) {
    const amount = parseDecimal(quantity.value);
    const converted = amount ? convertAmount(amount, quantity.unit, inspected.unit, scopeFor(ctx, material)) : undefined;
    if (!converted) {
      report({
        path: [...base, ...path, "unit"],
        message: `${quantity.unit} (${dimensionText(quantity.unit)}) does not convert to ${inspected.unit} (${dimensionText(inspected.unit)}), the unit of the inspected quantity`,
      });
      return;
    }
    total = add(total, converted);
  }
  if (compare(total, target) !== 0) {
    report({
      path: base, value: describeRational(total),
      message: `the decision's quantities add up to ${describeRational(total)} ${inspected.unit}, but ${inspected.value} ${inspected.unit} were inspected`,
    });
  }
}

export const inspectionQuantitySplitSum = builtinRule({
  id: "inspection/quantity-split-sum",
  defaultSeverity: "error",
  description: "The quantities of a decision's split (accepted, rejected, scrapped, destroyed samples, returned, rework, other) add up to the inspected quantity, where both are known.",
  context: ["inspections", "materials", "unitConversions"],
  ...perKind({
    inspection(inspection, ctx, report) {
      checkSplit(ctx, report, ["decision", "quantities"], inspection.decision?.quantities, inspection.inspectedQuantity, inspection.subject.material);
    },
    "inspection-decision-made"(event, ctx, report) {
      const known = ctx.context.inspections?.get(event.data.inspection);
      checkSplit(ctx, report, ["data", "decision", "quantities"], event.data.decision.quantities, event.data.inspectedQuantity ?? known?.inspectedQuantity, event.data.subject.material);
    },
  }),
});
