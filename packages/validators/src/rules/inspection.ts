import type { Characteristic, CharacteristicResult, Identifier, Inspection, MaterialRef } from "@mfgsync/canonical";
import type { ReportFinding, RuleContext } from "../engine/types.js";
import { compare, describeRational, parseDecimal } from "../internal/decimal.js";
import { conversionFactor, convertAmount, dimensionText, scopeFor } from "../internal/units.js";
import type { Path } from "../internal/walk.js";
import { builtinRule, idText, perKind } from "./helpers.js";

interface ResultSet {
  readonly characteristics: readonly Characteristic[];
  readonly results: readonly CharacteristicResult[];
  readonly base: Path;
  readonly material: MaterialRef | undefined;
}

/** The characteristics of an inspection the context knows, with results from an event. */
function fromContext(ctx: RuleContext, id: Identifier, results: readonly CharacteristicResult[], base: Path): ResultSet | undefined {
  const known = ctx.context.inspections?.get(id);
  return known ? { characteristics: known.characteristics, results, base, material: known.subject.material } : undefined;
}

function ownSet(inspection: Inspection): ResultSet {
  return { characteristics: inspection.characteristics, results: inspection.results, base: ["results"], material: inspection.subject.material };
}

function eachMeasured(set: ResultSet, visit: (result: CharacteristicResult & { measured: NonNullable<CharacteristicResult["measured"]> }, characteristic: Characteristic, path: Path) => void): void {
  const byId = new Map(set.characteristics.map((c) => [c.id, c]));
  set.results.forEach((result, i) => {
    const characteristic = byId.get(result.characteristic);
    if (characteristic && result.measured) visit(result as CharacteristicResult & { measured: NonNullable<CharacteristicResult["measured"]> }, characteristic, [...set.base, i]);
  });
}

function checkLimits(ctx: RuleContext, report: ReportFinding, set: ResultSet | undefined): void {
  if (!set) return;
  eachMeasured(set, (result, characteristic, path) => {
    if (result.evaluation.value !== "Pass") return;
    const unit = characteristic.unit ?? result.measured.unit;
    const measured = parseDecimal(result.measured.value);
    const value = measured ? convertAmount(measured, result.measured.unit, unit, scopeFor(ctx, set.material)) : undefined;
    if (!value) return; // inspection/result-unit reports units that do not convert
    const lower = characteristic.lowerLimit === undefined ? undefined : parseDecimal(characteristic.lowerLimit);
    const upper = characteristic.upperLimit === undefined ? undefined : parseDecimal(characteristic.upperLimit);
    const shown = `${result.measured.value} ${result.measured.unit}${result.measured.unit === unit ? "" : ` (${describeRational(value)} ${unit})`}`;
    if (lower && compare(value, lower) < 0) report({ path: [...path, "evaluation", "value"], message: `result ${shown} is below the lower limit ${characteristic.lowerLimit} ${unit} of characteristic ${characteristic.id} but evaluated Pass` });
    else if (upper && compare(value, upper) > 0) report({ path: [...path, "evaluation", "value"], message: `result ${shown} is above the upper limit ${characteristic.upperLimit} ${unit} of characteristic ${characteristic.id} but evaluated Pass` });
  });
}

export const inspectionResultWithinLimits = builtinRule({
  id: "inspection/result-within-limits",
  defaultSeverity: "error",
  description: "A measured result outside its characteristic's lower or upper limit is not evaluated Pass.",
  context: ["inspections", "materials", "unitConversions"],
  ...perKind({
    inspection: (inspection, ctx, report) => checkLimits(ctx, report, ownSet(inspection)),
    "inspection-result-recorded": (event, ctx, report) => checkLimits(ctx, report, fromContext(ctx, event.data.inspection, event.data.results, ["data", "results"])),
  }),
});

function checkUnits(ctx: RuleContext, report: ReportFinding, set: ResultSet | undefined): void {
  if (!set) return;
  eachMeasured(set, (result, characteristic, path) => {
    const unit = characteristic.unit;
    if (unit === undefined || result.measured.unit === unit || conversionFactor(result.measured.unit, unit, scopeFor(ctx, set.material))) return;
    report({
      path: [...path, "measured", "unit"],
      message: `result unit ${result.measured.unit} (${dimensionText(result.measured.unit)}) does not convert to ${unit} (${dimensionText(unit)}), the unit of characteristic ${characteristic.id}`,
    });
  });
}

export const inspectionResultUnit = builtinRule({
  id: "inspection/result-unit",
  defaultSeverity: "error",
  description: "A measured result's unit is its characteristic's unit or converts to it exactly (Rec 20 factors, the material's alternative units, context conversions).",
  context: ["inspections", "materials", "unitConversions"],
  ...perKind({
    inspection: (inspection, ctx, report) => checkUnits(ctx, report, ownSet(inspection)),
    "inspection-result-recorded": (event, ctx, report) => checkUnits(ctx, report, fromContext(ctx, event.data.inspection, event.data.results, ["data", "results"])),
  }),
});

function missingRequired(inspection: Pick<Inspection, "characteristics" | "results">): Characteristic[] {
  const recorded = new Set(inspection.results.map((r) => r.characteristic));
  return inspection.characteristics.filter((c) => c.required && !recorded.has(c.id));
}

function describeMissing(missing: readonly Characteristic[]): string {
  return missing.map((c) => (c.description ? `${c.id} (${c.description})` : c.id)).join(", ");
}

export const inspectionDecisionComplete = builtinRule({
  id: "inspection/decision-complete",
  defaultSeverity: "error",
  description: "A decision is made only when every required characteristic has at least one recorded result.",
  context: ["inspections"],
  ...perKind({
    inspection(inspection, _ctx, report) {
      if (!inspection.decision) return;
      const missing = missingRequired(inspection);
      if (missing.length > 0) report({ path: ["decision"], message: `decision made without results for required characteristic(s) ${describeMissing(missing)}`, value: missing.map((c) => c.id) });
    },
    "inspection-decision-made"(event, ctx, report) {
      const known = ctx.context.inspections?.get(event.data.inspection);
      if (!known) return;
      const missing = missingRequired(known);
      if (missing.length > 0) {
        report({ path: ["data", "decision"], message: `inspection ${idText(event.data.inspection)} is decided without results for required characteristic(s) ${describeMissing(missing)}`, value: missing.map((c) => c.id) });
      }
    },
  }),
});

export const INSPECTION_RULES = [inspectionResultWithinLimits, inspectionResultUnit, inspectionDecisionComplete];
