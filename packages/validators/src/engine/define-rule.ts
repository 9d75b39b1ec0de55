import { SCHEMA_NAMES } from "@mfgsync/canonical";
import type { Rule, RuleCheck, SubjectKind } from "./types.js";

/**
 * Pattern of a rule id: `<area>/<name>`, each lower-case words joined by `-`
 * (`order/operation-sequence`, `acme/plant-calendar`).
 *
 * @example
 * ```ts
 * import { RULE_ID_PATTERN } from "@mfgsync/validators";
 * RULE_ID_PATTERN.test("lot/expiry-after-manufacture"); // true
 * RULE_ID_PATTERN.test("LotExpiry"); // false
 * ```
 */
export const RULE_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\/[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Every kind a rule can apply to: the canonical object names, then the event names.
 *
 * @example
 * ```ts
 * import { SUBJECT_KINDS } from "@mfgsync/validators";
 * SUBJECT_KINDS.includes("lot-disposition-changed"); // true
 * ```
 */
export const SUBJECT_KINDS: readonly SubjectKind[] = Object.freeze([...SCHEMA_NAMES]);

/** Whether a value names a subject kind (own names only, never prototype keys). Internal. */
export function isSubjectKind(value: unknown): value is SubjectKind {
  return typeof value === "string" && (SUBJECT_KINDS as readonly string[]).includes(value);
}

/**
 * Defines a rule. The `check` function gets the parsed canonical subject
 * typed by `appliesTo`, the rule context (master data, options) and a
 * `report` callback; it must be synchronous and should not throw (if it does,
 * the engine turns the exception into an error-level finding of the rule).
 * Built-in rules are defined the same way. Add a rule to a profile with
 * `createProfile({ custom: [rule] })`.
 *
 * @example
 * ```ts
 * import { createProfile, defineRule, validate } from "@mfgsync/validators";
 * const priorityRequired = defineRule({
 *   id: "acme/order-priority",
 *   defaultSeverity: "warning",
 *   description: "Production orders carry a priority.",
 *   rationale: "Acme's MES dispatches by priority; orders without one go to the end of the queue.",
 *   appliesTo: ["production-order"],
 *   check(order, _ctx, report) {
 *     if (order.priority === undefined) report({ path: "/priority", message: "no priority given" });
 *   },
 * });
 * const profile = createProfile({ custom: [priorityRequired] });
 * validate("production-order", JSON.parse("{}"), { profile });
 * ```
 */
export function defineRule<const K extends SubjectKind>(rule: Rule<K>): Rule<K> {
  return freezeRule(rule);
}

/** A frozen copy of a rule (its lists frozen too). Internal: {@link defineRule} and the built-in rules use it. */
export function freezeRule<R extends RuleCheck>(rule: R): R {
  return Object.freeze({
    ...rule,
    appliesTo: Object.freeze([...rule.appliesTo]),
    ...(rule.context ? { context: Object.freeze([...rule.context]) } : {}),
  });
}
