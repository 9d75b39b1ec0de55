import { isUnitCode } from "@mfgsync/canonical";
import type { ReportFinding, RuleContext } from "../engine/types.js";
import { compare, describeRational, divide, multiply, parseDecimal, toDecimalString } from "../internal/decimal.js";
import { conversionFactor, dimensionText, rec20 } from "../internal/units.js";
import { findUnits } from "../internal/walk.js";
import { ALL_KINDS, builtinRule, perKind, scaleFor } from "./helpers.js";
import { quantityGroups } from "./quantity-groups.js";

export const unitActiveCode = builtinRule({
  id: "unit/active-code",
  defaultSeverity: "error",
  description: "Every unit is an active UN/ECE Rec 20 code and, when the profile lists the target system's units, one of them.",
  appliesTo: ALL_KINDS,
  check(subject, ctx, report) {
    const allowed = ctx.options.unit.allowed;
    for (const { path, value } of findUnits(subject)) {
      if (!isUnitCode(value)) report({ path, message: `"${value}" is not an active UN/ECE Rec 20 unit code` });
      else if (allowed && !allowed.includes(value)) report({ path, message: `"${value}" is not one of the target system's units (profile option unit.allowed)` });
    }
  },
});

export const unitCompatibleDimension = builtinRule({
  id: "unit/compatible-dimension",
  defaultSeverity: "error",
  description: "Quantities of one thing (an order's planned quantity, yield and scrap; a component's required and withdrawn quantity; a material's weights) use units that convert into each other.",
  context: ["materials", "unitConversions"],
  ...perKind({
    "production-order": (subject, ctx, report) => checkGroups("production-order", subject, ctx, report),
    "production-confirmed": (subject, ctx, report) => checkGroups("production-confirmed", subject, ctx, report),
    inspection: (subject, ctx, report) => checkGroups("inspection", subject, ctx, report),
    material(material, ctx, report) {
      for (const key of ["grossWeight", "netWeight"] as const) {
        const unit = material[key]?.unit;
        const dimension = unit === undefined ? undefined : rec20(unit).dimension;
        if (unit !== undefined && dimension !== undefined && dimension !== "mass") report({ path: [key, "unit"], message: `a weight needs a mass unit; ${unit} is ${dimension}` });
      }
      checkGroups("material", material, ctx, report);
    },
  }),
});

function checkGroups(kind: "production-order" | "production-confirmed" | "inspection" | "material", subject: unknown, ctx: RuleContext, report: ReportFinding): void {
  for (const { reference, members, scope } of quantityGroups(kind, subject, ctx)) {
    for (const member of members) {
      if (conversionFactor(member.value.unit, reference.value.unit, scope)) continue;
      report({
        path: [...member.path, "unit"],
        message: `${member.value.unit} (${dimensionText(member.value.unit)}) does not convert to ${reference.value.unit} (${dimensionText(reference.value.unit)}), the unit of /${reference.path.join("/")}`,
      });
    }
  }
}

export const unitConversionExact = builtinRule({
  id: "unit/conversion-exact",
  defaultSeverity: "warning",
  description: "A quantity in another unit than the one it is compared with converts to an exact decimal within the target system's scale.",
  context: ["materials", "unitConversions"],
  appliesTo: ["production-order", "production-confirmed", "inspection", "material"],
  check(subject, ctx, report) {
    for (const { reference, members, scope } of quantityGroups(ctx.kind, subject, ctx)) {
      const target = reference.value.unit;
      const scale = scaleFor(ctx.options, target);
      for (const member of members) {
        if (member.value.unit === target) continue;
        const factor = conversionFactor(member.value.unit, target, scope);
        const amount = parseDecimal(member.value.value);
        if (!factor || !amount) continue;
        const reduced = multiply(amount, factor);
        if (toDecimalString(reduced, scale) !== undefined) continue;
        report({
          path: [...member.path, "value"],
          message: `${member.value.value} ${member.value.unit} is ${describeRational(reduced)} ${target}, which has no exact decimal form with at most ${scale} decimals`,
        });
      }
    }
  },
});

export const unitAlternativeUnitFactor = builtinRule({
  id: "unit/alternative-unit-factor",
  defaultSeverity: "error",
  description: "A material's alternative units appear once, list the base unit only as 1:1, and agree with Rec 20 where both units have fixed factors.",
  appliesTo: ["material"],
  check(material, _ctx, report) {
    const seen = new Set<string>();
    (material.alternativeUnits ?? []).forEach((alt, i) => {
      if (alt.unit === material.baseUnit) {
        const num = parseDecimal(alt.numerator);
        const den = parseDecimal(alt.denominator);
        if (!num || !den || compare(num, den) !== 0) report({ path: ["alternativeUnits", i], message: `${alt.unit} is the base unit; its own entry must be 1:1, not ${alt.numerator}/${alt.denominator}` });
        seen.add(alt.unit);
        return;
      }
      if (seen.has(alt.unit)) report({ path: ["alternativeUnits", i, "unit"], message: `${alt.unit} is listed more than once` });
      seen.add(alt.unit);
      const from = rec20(alt.unit);
      const to = rec20(material.baseUnit);
      const num = parseDecimal(alt.numerator);
      const den = parseDecimal(alt.denominator);
      if (!from.factor || !to.factor || from.dimension !== to.dimension || !num || !den) return;
      const given = divide(num, den);
      const expected = divide(from.factor, to.factor);
      if (given && expected && compare(given, expected) !== 0) {
        report({
          path: ["alternativeUnits", i],
          message: `1 ${alt.unit} = ${describeRational(given)} ${material.baseUnit} here, but Rec 20 says 1 ${alt.unit} = ${describeRational(expected)} ${material.baseUnit}`,
        });
      }
    });
  },
});

export const UNIT_RULES = [unitActiveCode, unitCompatibleDimension, unitConversionExact, unitAlternativeUnitFactor];
