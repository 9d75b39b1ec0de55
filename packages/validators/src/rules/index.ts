import type { Rule, RuleCheck } from "../engine/types.js";
import { EVENT_RULES } from "./event.js";
import { IDENTIFIER_RULES } from "./identifier.js";
import { INSPECTION_RULES } from "./inspection.js";
import { inspectionQuantitySplitSum } from "./inspection-split.js";
import { LOT_HOLD_RULES } from "./lot-holds.js";
import { LOT_GENEALOGY_RULES } from "./lot-genealogy.js";
import { LOT_RULES } from "./lot.js";
import { MATERIAL_RULES } from "./material.js";
import { NONCONFORMANCE_RULES } from "./nonconformance.js";
import { ORDER_RULES } from "./order.js";
import { QUANTITY_RULES } from "./quantity.js";
import { RULE_RATIONALES } from "./rationales.js";
import { schemaValid } from "./schema.js";
import { UNIT_RULES } from "./unit.js";

/** The built-in rules as the engine runs them (no rationales), in evaluation order. Internal. */
export const BUILTIN_CHECKS: readonly RuleCheck[] = Object.freeze([
  schemaValid,
  ...UNIT_RULES,
  ...QUANTITY_RULES,
  ...MATERIAL_RULES,
  ...ORDER_RULES,
  ...LOT_RULES,
  ...LOT_HOLD_RULES,
  ...LOT_GENEALOGY_RULES,
  ...INSPECTION_RULES,
  inspectionQuantitySplitSum,
  ...NONCONFORMANCE_RULES,
  ...EVENT_RULES,
  ...IDENTIFIER_RULES,
] as RuleCheck[]);

/**
 * The built-in rule catalog, in evaluation order. Each entry's metadata (id,
 * default severity, description, rationale, applies-to, context stores) is
 * plain data: `docs/guides/rules.md` and `mfgsync rules` are generated from it.
 * The rationales are documentation: `validate` runs the same rules without
 * loading them, so an app that only validates does not bundle this catalog.
 *
 * @example
 * ```ts
 * import { BUILTIN_RULES } from "@mfgsync/validators";
 * for (const rule of BUILTIN_RULES) console.log(rule.id, rule.defaultSeverity, rule.description);
 * ```
 */
export const BUILTIN_RULES: readonly Rule[] = /* @__PURE__ */ withRationales(BUILTIN_CHECKS);

function withRationales(checks: readonly RuleCheck[]): readonly Rule[] {
  return Object.freeze(checks.map((rule) => Object.freeze({ ...rule, rationale: RULE_RATIONALES[rule.id] ?? "" }) as Rule));
}
