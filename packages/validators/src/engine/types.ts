import type { CanonicalEventOf, CanonicalObject, EventName, ObjectName } from "@mfgsync/canonical";
import type { ValidationContext } from "../context/types.js";
import type { ValidationOptions } from "./options.js";

/**
 * What a rule can check: a canonical object (`production-order`, `lot`, ...)
 * or a canonical event (`lot-disposition-changed`, ...), by the same names as
 * the canonical package's schemas.
 *
 * @example
 * ```ts
 * import type { SubjectKind } from "@mfgsync/validators";
 * const kinds: SubjectKind[] = ["production-order", "lot-disposition-changed"];
 * ```
 */
export type SubjectKind = ObjectName | EventName;

/**
 * The parsed canonical value a rule receives for a kind.
 *
 * @example
 * ```ts
 * import type { SubjectOf } from "@mfgsync/validators";
 * type LotSubject = SubjectOf<"lot">; // the canonical Lot
 * ```
 */
export type SubjectOf<K extends SubjectKind> = K extends ObjectName ? CanonicalObject<K> : K extends EventName ? CanonicalEventOf<K> : never;

/**
 * How serious a finding is. Only `error` makes a report fail (`ok: false`).
 *
 * @example
 * ```ts
 * import type { RuleSeverity } from "@mfgsync/validators";
 * const severity: RuleSeverity = "warning";
 * ```
 */
export type RuleSeverity = "error" | "warning" | "info";

/**
 * A severity a profile gives a rule, or `"off"` to not run it.
 *
 * @example
 * ```ts
 * import type { RuleSetting } from "@mfgsync/validators";
 * const setting: RuleSetting = "off";
 * ```
 */
export type RuleSetting = RuleSeverity | "off";

/**
 * One problem a rule found.
 *
 * @example
 * ```ts
 * import type { Finding } from "@mfgsync/validators";
 * const finding: Finding = {
 *   ruleId: "order/operation-sequence", severity: "error", path: "/operations/1/sequence",
 *   message: 'operation sequence "0010" is not above the previous one "0020"', value: "0010",
 * };
 * ```
 */
export interface Finding {
  /** Id of the rule that reported it, e.g. `lot/restricted-not-used`; `schema/valid` for schema failures. */
  readonly ruleId: string;
  /** Severity after the profile's overrides. */
  readonly severity: RuleSeverity;
  /** RFC 6901 JSON Pointer into the checked input (`""` is the whole input). */
  readonly path: string;
  /** Human-readable explanation. Wording may change between releases; rule ids do not. */
  readonly message: string;
  /** The offending value, when there is one (absent when something is missing). */
  readonly value?: unknown;
  /** For `schema/valid` findings: the canonical issue code (`unit.unknown`, `decimal.format`, ...). */
  readonly code?: string;
}

/**
 * The result of validating one input.
 *
 * @example
 * ```ts
 * import { validate } from "@mfgsync/validators";
 * const report = validate("lot", JSON.parse("{}"));
 * report.ok; // false: the input is not a lot
 * report.counts.error; // number of error-level findings
 * ```
 */
export interface ValidationReport {
  /** False when any finding has severity `error`. */
  readonly ok: boolean;
  /** Every finding, in rule order. */
  readonly findings: readonly Finding[];
  /** Number of findings per severity. */
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
}

/**
 * What a rule passes to `report`: where (a JSON Pointer, or the keys leading
 * there, relative to the checked subject), what, and optionally the offending
 * value (when left out, the value at `path` is used).
 *
 * @example
 * ```ts
 * import type { FindingInput } from "@mfgsync/validators";
 * const input: FindingInput = { path: ["operations", 1, "sequence"], message: "sequence is not ascending" };
 * ```
 */
export interface FindingInput {
  /** JSON Pointer string or key path relative to the subject; the subject itself when left out. */
  readonly path?: string | readonly (string | number)[];
  /** Human-readable explanation. */
  readonly message: string;
  /** The offending value; defaults to the value found at `path`. */
  readonly value?: unknown;
}

/**
 * The callback a rule reports findings through.
 *
 * @example
 * ```ts
 * import type { ReportFinding } from "@mfgsync/validators";
 * const report: ReportFinding = (finding) => console.log(finding.message);
 * ```
 */
export type ReportFinding = (finding: FindingInput) => void;

/**
 * What a rule's `check` receives besides the subject.
 *
 * @example
 * ```ts
 * import { defineRule } from "@mfgsync/validators";
 * defineRule({
 *   id: "acme/plant-calendar", defaultSeverity: "warning", appliesTo: ["production-order"],
 *   description: "Orders are planned in plants with a shop calendar.", rationale: "Scheduling needs the calendar.",
 *   check(order, ctx, report) {
 *     const calendars = ctx.options.custom["acme/plant-calendar"] as string[] | undefined;
 *     if (ctx.context.plants?.has(order.plant) && calendars && !calendars.includes(order.plant)) {
 *       report({ path: "/plant", message: `plant ${order.plant} has no shop calendar` });
 *     }
 *   },
 * });
 * ```
 */
export interface RuleContext {
  /** The kind of the subject being checked (an object embedded in an event is checked as its object kind). */
  readonly kind: SubjectKind;
  /** Master data supplied by the caller; every store is optional. */
  readonly context: ValidationContext;
  /** The profile's resolved options. */
  readonly options: ValidationOptions;
}

/**
 * Name of a context store a rule reads (documentation metadata).
 *
 * @example
 * ```ts
 * import type { ContextStoreName } from "@mfgsync/validators";
 * const store: ContextStoreName = "lotDispositions";
 * ```
 */
export type ContextStoreName = keyof ValidationContext;

/**
 * A rule's metadata: plain data, so that docs and the CLI can list the
 * catalog without running anything.
 *
 * @example
 * ```ts
 * import { BUILTIN_RULES } from "@mfgsync/validators";
 * import type { RuleMetadata } from "@mfgsync/validators";
 * const meta: RuleMetadata[] = BUILTIN_RULES.map(({ check: _check, ...meta }) => meta);
 * ```
 */
export interface RuleMetadata {
  /** Stable id `<area>/<name>`, lower-case words joined by `-`. */
  readonly id: string;
  /** Severity when the profile does not override it. */
  readonly defaultSeverity: RuleSeverity;
  /** One line: what the rule checks. */
  readonly description: string;
  /** Why it matters; may span several sentences. */
  readonly rationale: string;
  /** The object and event kinds the rule runs on. */
  readonly appliesTo: readonly SubjectKind[];
  /** Context stores the rule reads; without them it checks only what the subject itself says (or nothing). */
  readonly context?: readonly ContextStoreName[];
}

/**
 * A rule: metadata plus a synchronous `check` that reports findings. Built-in
 * rules and caller rules are the same type, made with {@link defineRule}.
 *
 * @example
 * ```ts
 * import type { Rule } from "@mfgsync/validators";
 * import { BUILTIN_RULES } from "@mfgsync/validators";
 * const lotRules: Rule[] = BUILTIN_RULES.filter((rule) => rule.appliesTo.includes("lot"));
 * ```
 */
export interface Rule<K extends SubjectKind = SubjectKind> extends RuleMetadata {
  readonly appliesTo: readonly K[];
  /** Checks one subject of a kind listed in `appliesTo`; reports through `report`, never throws on purpose. */
  check(subject: SubjectOf<K>, ctx: RuleContext, report: ReportFinding): void;
}

/**
 * A rule as a profile holds and the engine runs it: a {@link Rule} whose rationale may be absent. The
 * built-in rules leave it out at run time (it is documentation, several sentences per rule, and would
 * otherwise be in every browser bundle that validates); {@link BUILTIN_RULES} lists them with it.
 *
 * @example
 * ```ts
 * import type { RuleCheck } from "@mfgsync/validators";
 * import { createProfile } from "@mfgsync/validators";
 * const running: readonly RuleCheck[] = createProfile().rules;
 * ```
 */
export type RuleCheck<K extends SubjectKind = SubjectKind> = Omit<Rule<K>, "rationale"> & { readonly rationale?: string };
