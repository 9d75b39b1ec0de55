import type { Issue, Result } from "@mfgsync/canonical";
import { CanonicalValidationError, ISSUE_CODES, toJsonPointer } from "@mfgsync/canonical";
import { BUILTIN_CHECKS } from "../rules/index.js";
import { RULE_ID_PATTERN, isSubjectKind } from "./define-rule.js";
import { showValue } from "./show.js";
import type { ValidationOptions, ValidationOptionsInput } from "./options.js";
import { DEFAULT_OPTIONS, checkOptionsInput, mergeOptions } from "./options.js";
import type { Rule, RuleCheck, RuleSetting } from "./types.js";

/**
 * A resolved set of rules with their severities and options, like an ESLint
 * config: which rules run, how serious each is, and the limits of the target
 * system. Made by {@link createProfile}; pass it to `validate`.
 *
 * @example
 * ```ts
 * import { createProfile } from "@mfgsync/validators";
 * const profile = createProfile({ rules: { "quantity/precision": "error" } });
 * profile.settings["quantity/precision"]; // "error"
 * ```
 */
export interface Profile {
  /** Every rule the profile knows, built-in first, in evaluation order (built-in rules without their rationale: see `BUILTIN_RULES`). */
  readonly rules: readonly RuleCheck[];
  /** The effective setting of every rule in `rules` (`"off"` rules do not run). */
  readonly settings: Readonly<Record<string, RuleSetting>>;
  /** Resolved options. */
  readonly options: ValidationOptions;
}

/**
 * What a profile is made from. Later settings win: the extended profiles in
 * order, then this config's own `rules` and `options`.
 *
 * @example
 * ```ts
 * import type { ProfileConfig } from "@mfgsync/validators";
 * const sapPlant1010: ProfileConfig = {
 *   rules: { "quantity/precision": "error", "event/sequence": "off" },
 *   options: { quantity: { maxScale: 3, maxPrecision: 13, overDeliveryTolerancePercent: "10" } },
 * };
 * ```
 */
export interface ProfileConfig {
  /** Profiles to start from (their custom rules, settings and options). */
  readonly extends?: Profile | readonly Profile[];
  /** Severity overrides, or `"off"`, by rule id. `schema/valid` can only be `"error"`. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Caller rules, made with `defineRule`; ids must not clash with other rules. */
  readonly custom?: readonly Rule[];
  /** Options for the built-in rules (and `custom` ones for caller rules). */
  readonly options?: ValidationOptionsInput;
}

const PROFILES = new WeakSet<object>();
const SETTINGS = new Set<unknown>(["error", "warning", "info", "off"]);
const SEVERITIES = new Set<unknown>(["error", "warning", "info"]);
const CONFIG_KEYS = ["extends", "rules", "custom", "options"];
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function checkCustomRule(rule: unknown, index: number, issues: Issue[]): rule is Rule {
  const at = (...path: (string | number)[]) => toJsonPointer(["custom", index, ...path]);
  if (!isRecord(rule) || typeof rule["check"] !== "function") {
    issues.push({ path: at(), code: ISSUE_CODES.invalidType, message: "a custom rule must be made with defineRule (an object with a check function)" });
    return false;
  }
  const before = issues.length;
  if (typeof rule["id"] !== "string" || !RULE_ID_PATTERN.test(rule["id"])) issues.push({ path: at("id"), code: ISSUE_CODES.invalidFormat, message: 'a rule id is "<area>/<name>" in lower-case words, e.g. "acme/order-priority"' });
  if (!SEVERITIES.has(rule["defaultSeverity"])) issues.push({ path: at("defaultSeverity"), code: ISSUE_CODES.invalidValue, message: "defaultSeverity must be error, warning or info" });
  for (const key of ["description", "rationale"]) {
    if (typeof rule[key] !== "string" || rule[key] === "") issues.push({ path: at(key), code: ISSUE_CODES.required, message: `${key} must be a non-empty string` });
  }
  const appliesTo = rule["appliesTo"];
  if (!Array.isArray(appliesTo) || appliesTo.length === 0) issues.push({ path: at("appliesTo"), code: ISSUE_CODES.invalidValue, message: "appliesTo must list at least one object or event kind" });
  else appliesTo.forEach((kind, i) => {
    if (!isSubjectKind(kind)) issues.push({ path: at("appliesTo", i), code: ISSUE_CODES.invalidValue, message: `${showValue(kind)} is not a canonical object or event name` });
  });
  return issues.length === before;
}

/**
 * Makes a {@link Profile} from a config that may come from outside (a parsed
 * JSON profile file, where `extends` and `custom` cannot appear). Unknown rule
 * ids, bad severities and bad options come back as issues; never throws.
 *
 * @example
 * ```ts
 * import { safeCreateProfile } from "@mfgsync/validators";
 * const result = safeCreateProfile(JSON.parse('{"rules":{"event/sequence":"off"}}'));
 * if (!result.ok) console.log(result.issues);
 * ```
 */
export function safeCreateProfile(config: unknown = {}): Result<Profile> {
  try {
    return profileOf(config);
  } catch (error) {
    // A safety net for what no check foresaw (a throwing getter or proxy in a config from outside): an issue, not a throw.
    let detail: string;
    try {
      detail = error instanceof Error ? error.message : showValue(error);
    } catch {
      detail = "unknown error";
    }
    return { ok: false, issues: [{ path: "", code: ISSUE_CODES.invalidValue, message: `the profile could not be read: ${detail}` }] };
  }
}

function profileOf(config: unknown): Result<Profile> {
  const issues: Issue[] = [];
  if (!isRecord(config)) return { ok: false, issues: [{ path: "", code: ISSUE_CODES.invalidType, message: "a profile must be an object" }] };
  for (const key of Object.keys(config)) {
    if (!CONFIG_KEYS.includes(key)) issues.push({ path: toJsonPointer([key]), code: ISSUE_CODES.unknownField, message: `unknown profile field "${key}" (known: ${CONFIG_KEYS.join(", ")})` });
  }
  const rawBases = config["extends"] === undefined ? [] : Array.isArray(config["extends"]) ? config["extends"] : [config["extends"]];
  const bases: Profile[] = [];
  rawBases.forEach((base, index) => {
    if (isRecord(base) && PROFILES.has(base)) bases.push(base as unknown as Profile);
    else issues.push({ path: Array.isArray(config["extends"]) ? toJsonPointer(["extends", index]) : "/extends", code: ISSUE_CODES.invalidType, message: "extends takes profiles made with createProfile" });
  });

  const rules: RuleCheck[] = [...BUILTIN_CHECKS];
  const settings: Record<string, RuleSetting> = Object.create(null) as Record<string, RuleSetting>;
  for (const rule of BUILTIN_CHECKS) settings[rule.id] = rule.defaultSeverity;
  let options = DEFAULT_OPTIONS;
  const addRule = (rule: RuleCheck, path: string) => {
    if (rules.some((known) => known.id === rule.id)) {
      if (!rules.includes(rule)) issues.push({ path, code: ISSUE_CODES.invalidValue, message: `rule id "${rule.id}" is already taken by another rule` });
      return;
    }
    rules.push(rule);
    settings[rule.id] = rule.defaultSeverity;
  };
  for (const base of bases) {
    for (const rule of base.rules) addRule(rule, "/extends");
    for (const [id, setting] of Object.entries(base.settings)) settings[id] = setting;
    options = mergeOptions(options, base.options);
  }

  const custom = config["custom"];
  if (custom !== undefined && !Array.isArray(custom)) issues.push({ path: "/custom", code: ISSUE_CODES.invalidType, message: "custom must be an array of rules" });
  if (Array.isArray(custom)) {
    custom.forEach((rule, index) => {
      if (checkCustomRule(rule, index, issues)) addRule(rule, toJsonPointer(["custom", index, "id"]));
    });
  }

  const overrides = config["rules"];
  if (overrides !== undefined && !isRecord(overrides)) issues.push({ path: "/rules", code: ISSUE_CODES.invalidType, message: "rules must map rule ids to error, warning, info or off" });
  if (isRecord(overrides)) {
    for (const [id, setting] of Object.entries(overrides)) {
      const path = toJsonPointer(["rules", id]);
      if (!rules.some((rule) => rule.id === id)) issues.push({ path, code: ISSUE_CODES.invalidKey, message: `unknown rule "${id}"` });
      else if (!SETTINGS.has(setting)) issues.push({ path, code: ISSUE_CODES.invalidValue, message: `${showValue(setting)} is not error, warning, info or off` });
      else if (id === "schema/valid" && setting !== "error") issues.push({ path, code: ISSUE_CODES.invalidValue, message: "schema/valid is always an error: an input that fails the schema cannot be checked further" });
      else settings[id] = setting as RuleSetting;
    }
  }

  if (config["options"] !== undefined) {
    const optionIssues = checkOptionsInput(config["options"], ["options"]);
    issues.push(...optionIssues);
    if (optionIssues.length === 0) options = mergeOptions(options, config["options"] as ValidationOptionsInput);
  }

  const [first, ...rest] = issues;
  if (first) return { ok: false, issues: [first, ...rest] };
  const profile: Profile = Object.freeze({ rules: Object.freeze(rules), settings: Object.freeze({ ...settings }), options });
  PROFILES.add(profile);
  return { ok: true, value: profile };
}

/**
 * Makes a {@link Profile}: the built-in catalog at default severities,
 * adjusted by `extends`, `rules`, `custom` and `options`.
 *
 * @throws `CanonicalValidationError` (from `@mfgsync/canonical`) when the config names unknown rules, bad severities or bad options.
 * @example
 * ```ts
 * import { createProfile } from "@mfgsync/validators";
 * const base = createProfile({ options: { quantity: { overDeliveryTolerancePercent: "5" } } });
 * const plant1010 = createProfile({ extends: base, rules: { "event/sequence": "off", "quantity/precision": "error" } });
 * ```
 */
export function createProfile(config: ProfileConfig = {}): Profile {
  const result = safeCreateProfile(config);
  if (!result.ok) throw new CanonicalValidationError(result.issues, "profile");
  return result.value;
}

let defaultProfile: Profile | undefined;

/** The profile used when `validate` gets none: every built-in rule at its default severity. Internal. */
export function getDefaultProfile(): Profile {
  defaultProfile ??= createProfile();
  return defaultProfile;
}

/**
 * Whether a value can be used as a profile: one made by {@link createProfile},
 * or an object of the same shape built by hand. Internal.
 */
export function isProfile(value: unknown): value is Profile {
  if (typeof value !== "object" || value === null) return false;
  if (PROFILES.has(value)) return true;
  const candidate = value as Partial<Record<keyof Profile, unknown>>;
  return Array.isArray(candidate.rules) && isRecord(candidate.settings) && isRecord(candidate.options);
}
