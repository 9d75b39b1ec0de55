// Small helpers shared by the built-in rules. Internal.

import type { Identifier } from "@mfgsync/canonical";
import { EventSchemas, sameIdentifier } from "@mfgsync/canonical";
import type { ValidationOptions } from "../engine/options.js";
import { freezeRule } from "../engine/define-rule.js";
import type { ReportFinding, Rule, RuleCheck, RuleContext, SubjectKind, SubjectOf } from "../engine/types.js";

/**
 * Defines a built-in rule as the engine runs it: {@link Rule} without its rationale, which is docs text kept
 * in `rationales.ts` and joined in by `BUILTIN_RULES`, so that an app calling `validate` does not bundle it.
 */
export function builtinRule<const K extends SubjectKind>(rule: Omit<Rule<K>, "rationale">): RuleCheck<K> {
  return freezeRule(rule);
}

type Handlers<K extends SubjectKind> = { [P in K]: (subject: SubjectOf<P>, ctx: RuleContext, report: ReportFinding) => void };

/**
 * Builds `appliesTo` and `check` from one handler per kind, so that each
 * handler gets its subject fully typed.
 */
export function perKind<K extends SubjectKind>(handlers: Handlers<K>): Pick<Rule<K>, "appliesTo" | "check"> {
  const appliesTo = Object.keys(handlers) as K[];
  return {
    appliesTo,
    check(subject, ctx, report) {
      const handler = (handlers as Record<string, (subject: unknown, ctx: RuleContext, report: ReportFinding) => void>)[ctx.kind];
      handler?.(subject, ctx, report);
    },
  };
}

/** The scale a quantity in `unit` may carry in the target system. */
export function scaleFor(options: ValidationOptions, unit: string): number {
  const byUnit = options.quantity.maxScaleByUnit;
  return Object.hasOwn(byUnit, unit) ? (byUnit[unit] ?? options.quantity.maxScale) : options.quantity.maxScale;
}

/** `value (scheme)` for messages, with the scope when there is one: `P000123 (d365, company usmf)`. */
export function idText(id: Identifier): string {
  return `${id.value} (${id.scheme}${id.scope ? `, ${id.scope.type} ${id.scope.value}` : ""})`;
}

/** Same identifier: scheme, value and scope match (the issuer is informational). */
export function sameId(a: Identifier, b: Identifier): boolean {
  return sameIdentifier(a, b);
}

/** Every object kind. */
export const OBJECT_KINDS = ["material", "production-order", "lot", "inspection", "nonconformance"] as const;

/** Every event kind, in catalog order. */
export const EVENT_KINDS = Object.keys(EventSchemas) as (keyof typeof EventSchemas)[];

/** Every kind, objects first. */
export const ALL_KINDS = [...OBJECT_KINDS, ...EVENT_KINDS] as const;
