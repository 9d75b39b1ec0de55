import type { EventName, Issue, ObjectName, Result } from "@mfgsync/canonical";
import { EventSchemas, OBJECT_NAMES, safeParseEventOf, safeParseObject, toJsonPointer } from "@mfgsync/canonical";
import type { ValidationContext } from "../context/types.js";
import type { Path } from "../internal/walk.js";
import { valueAt } from "../internal/walk.js";
import { SUBJECT_KINDS, isSubjectKind } from "./define-rule.js";
import type { Profile } from "./profile.js";
import { getDefaultProfile, isProfile } from "./profile.js";
import type { Finding, FindingInput, RuleContext, SubjectKind, ValidationReport } from "./types.js";

/**
 * Options of {@link validate}.
 *
 * @example
 * ```ts
 * import { createInMemoryContext, createProfile } from "@mfgsync/validators";
 * import type { ValidateOptions } from "@mfgsync/validators";
 * const options: ValidateOptions = { profile: createProfile(), context: createInMemoryContext({ plants: ["1010"] }) };
 * ```
 */
export interface ValidateOptions {
  /** Rules, severities and options; the built-in catalog at default severities when absent. */
  readonly profile?: Profile;
  /** Master data for the context-dependent rules; those rules check less (or nothing) without it. */
  readonly context?: ValidationContext;
}

// Events that carry a whole canonical object: the object's own rules run on it too,
// with paths pointing into the event.
const EMBEDDED: Partial<Record<EventName, { kind: ObjectName; path: Path }>> = {
  "production-order-released": { kind: "production-order", path: ["data", "order"] },
  "production-order-changed": { kind: "production-order", path: ["data", "order"] },
  "lot-created": { kind: "lot", path: ["data", "lot"] },
  "inspection-requested": { kind: "inspection", path: ["data", "inspection"] },
  "nonconformance-raised": { kind: "nonconformance", path: ["data", "nonconformance"] },
  "nonconformance-updated": { kind: "nonconformance", path: ["data", "nonconformance"] },
  "nonconformance-closed": { kind: "nonconformance", path: ["data", "nonconformance"] },
};

// Built on the first event validated: reading every event schema's type builds them all (they are lazy).
let eventByType: Map<string, EventName> | undefined;
const eventNameOfType = (type: string): EventName | undefined =>
  (eventByType ??= new Map((Object.keys(EventSchemas) as EventName[]).map((name) => [(EventSchemas[name].shape.type as unknown as { value: string }).value, name]))).get(type);

const EMPTY_CONTEXT: ValidationContext = Object.freeze({});

function decodePointer(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function toReport(findings: Finding[]): ValidationReport {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.ruleId}\u0000${f.path}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of unique) counts[finding.severity]++;
  return { ok: counts.error === 0, findings: unique, counts };
}

function schemaFindings(issues: readonly Issue[], input: unknown): Finding[] {
  return issues.map((issue) => {
    const value = valueAt(input, decodePointer(issue.path));
    return { ruleId: "schema/valid", severity: "error", path: issue.path, message: issue.message, ...(value === undefined ? {} : { value }), code: issue.code };
  });
}

function runRules(kind: SubjectKind, subject: unknown, base: Path, profile: Profile, context: ValidationContext, findings: Finding[]): void {
  const ctx: RuleContext = { kind, context, options: profile.options };
  const basePointer = toJsonPointer(base);
  for (const rule of profile.rules) {
    const setting = profile.settings[rule.id];
    if (setting === undefined || setting === "off" || rule.id === "schema/valid" || !rule.appliesTo.includes(kind)) continue;
    const report = (finding: FindingInput) => {
      const raw = finding?.path ?? "";
      const relative = typeof raw === "string" ? raw : toJsonPointer(raw);
      const keys = typeof raw === "string" ? decodePointer(raw) : raw;
      const value = finding !== null && typeof finding === "object" && "value" in finding ? finding.value : valueAt(subject, keys);
      findings.push({
        ruleId: rule.id, severity: setting, path: basePointer + relative, message: String(finding?.message ?? ""),
        ...(value === undefined ? {} : { value }),
      });
    };
    try {
      (rule.check as (subject: unknown, ctx: RuleContext, report: (finding: FindingInput) => void) => void)(subject, ctx, report);
    } catch (error) {
      // A rule that crashes has not checked anything: say so loudly rather than pass the input.
      findings.push({ ruleId: rule.id, severity: "error", path: basePointer, message: `the rule failed and could not check this input: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
}

/**
 * Validates one canonical object or event: the schema check first (failures
 * become `schema/valid` findings and stop there), then every rule of the
 * profile that applies to `kind`. Objects embedded in events (the order in
 * `production-order-released`, the lot in `lot-created`, ...) are checked by
 * their own rules too. Never throws, whatever `input` is.
 *
 * @example
 * ```ts
 * import { createInMemoryContext, formatReport, validate } from "@mfgsync/validators";
 * const context = createInMemoryContext({ plants: ["1010"] });
 * const report = validate("production-order", JSON.parse("{}"), { context });
 * if (!report.ok) console.log(formatReport(report));
 * ```
 */
export function validate(kind: SubjectKind, input: unknown, options?: ValidateOptions): ValidationReport {
  const profile = isProfile(options?.profile) ? options.profile : getDefaultProfile();
  const context = options?.context !== null && typeof options?.context === "object" ? options.context : EMPTY_CONTEXT;
  if (!isSubjectKind(kind)) {
    return toReport([{ ruleId: "schema/valid", severity: "error", path: "", message: `unknown kind ${JSON.stringify(String(kind))}; expected one of ${SUBJECT_KINDS.join(", ")}` }]);
  }
  let parsed: Result<unknown>;
  try {
    parsed = (OBJECT_NAMES as readonly string[]).includes(kind) ? safeParseObject(kind as ObjectName, input) : safeParseEventOf(kind as EventName, input);
  } catch (error) {
    parsed = { ok: false, issues: [{ path: "", code: "value.invalid", message: `input could not be checked: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (!parsed.ok) return toReport(schemaFindings(parsed.issues, input));
  const findings: Finding[] = [];
  runRules(kind, parsed.value, [], profile, context, findings);
  const embedded = EMBEDDED[kind as EventName];
  if (embedded) runRules(embedded.kind, valueAt(parsed.value, embedded.path), embedded.path, profile, context, findings);
  return toReport(findings);
}

function kindFinding(path: string, message: string, value: unknown): ValidationReport {
  return toReport([{ ruleId: "schema/valid", severity: "error", path, message, ...(value === undefined ? {} : { value }), code: "value.invalid" }]);
}

/**
 * Validates a canonical object, taking its kind from its `kind` field.
 *
 * @example
 * ```ts
 * import { validateObject } from "@mfgsync/validators";
 * const report = validateObject(JSON.parse('{"kind":"lot"}'));
 * report.ok; // false: required lot fields are missing
 * ```
 */
export function validateObject(input: unknown, options?: ValidateOptions): ValidationReport {
  const kind = valueAt(input, ["kind"]);
  if (typeof kind !== "string" || !(OBJECT_NAMES as readonly string[]).includes(kind)) {
    return kindFinding("/kind", `"kind" must name a canonical object: ${OBJECT_NAMES.join(", ")}`, kind);
  }
  return validate(kind as ObjectName, input, options);
}

/**
 * Validates a canonical event, taking its kind from its CloudEvents `type`
 * (`dev.mfgsync.lot.dispositionchanged.v1` is `lot-disposition-changed`).
 *
 * @example
 * ```ts
 * import { validateEvent } from "@mfgsync/validators";
 * const report = validateEvent(JSON.parse('{"type":"dev.mfgsync.lot.dispositionchanged.v1"}'));
 * report.findings[0]?.ruleId; // "schema/valid"
 * ```
 */
export function validateEvent(input: unknown, options?: ValidateOptions): ValidationReport {
  const type = valueAt(input, ["type"]);
  const name = typeof type === "string" ? eventNameOfType(type) : undefined;
  if (!name) return kindFinding("/type", `"type" must be a canonical event type such as dev.mfgsync.lot.dispositionchanged.v1`, type);
  return validate(name, input, options);
}
