import type { Issue } from "@mfgsync/canonical";
import { ISSUE_CODES, SCHEME_PATTERN, isUnitCode, toJsonPointer } from "@mfgsync/canonical";
import { parseDecimal } from "../internal/decimal.js";
import { showValue } from "./show.js";

/**
 * Options the built-in rules read, resolved (every default filled in). A
 * profile sets them per target system; `custom` holds options for caller
 * rules, by whatever keys those rules choose.
 *
 * @example
 * ```ts
 * import { createProfile } from "@mfgsync/validators";
 * const profile = createProfile({ options: { quantity: { maxScale: 2 } } });
 * profile.options.quantity.maxScale; // 2
 * profile.options.quantity.maxPrecision; // 13 (default)
 * ```
 */
export interface ValidationOptions {
  /** Limits of the target system's quantity fields and the over-delivery tolerance. */
  readonly quantity: {
    /** Most fraction digits a quantity may carry (trailing zeros do not count). Default 3 (SAP `QUAN` 13,3). */
    readonly maxScale: number;
    /** Most digits in total, as in a database `DECIMAL(p, s)`. Default 13. */
    readonly maxPrecision: number;
    /** Per-unit scale overriding `maxScale`, e.g. `{ H87: 0 }` for whole pieces. */
    readonly maxScaleByUnit: Readonly<Record<string, number>>;
    /** Over-delivery allowed above the planned quantity, in percent, as a decimal string. Default `"0"`. */
    readonly overDeliveryTolerancePercent: string;
  };
  /** Material master conventions. */
  readonly material: {
    /** Regular expression (source text) a material revision must match. */
    readonly revisionPattern: string;
  };
  /** Unit conventions. */
  readonly unit: {
    /** Units the target system knows; when absent, every active Rec 20 code is accepted. */
    readonly allowed?: readonly string[];
  };
  /** Identifier conventions. */
  readonly identifier: {
    /** Identifier schemes the integration knows; when absent, any well-formed scheme is accepted. */
    readonly schemes?: readonly string[];
  };
  /** Options for caller-defined rules, by key (usually the rule id). */
  readonly custom: Readonly<Record<string, unknown>>;
}

/**
 * Options as a profile states them: every part optional, merged over the
 * defaults (or the extended profile's options) one level deep.
 *
 * @example
 * ```ts
 * import type { ValidationOptionsInput } from "@mfgsync/validators";
 * const options: ValidationOptionsInput = { quantity: { overDeliveryTolerancePercent: "5" }, unit: { allowed: ["H87", "KGM"] } };
 * ```
 */
export interface ValidationOptionsInput {
  readonly quantity?: Partial<ValidationOptions["quantity"]>;
  readonly material?: Partial<ValidationOptions["material"]>;
  readonly unit?: Partial<ValidationOptions["unit"]>;
  readonly identifier?: Partial<ValidationOptions["identifier"]>;
  readonly custom?: Readonly<Record<string, unknown>>;
}

/** Defaults of every option. Internal; documented on {@link ValidationOptions}. */
export const DEFAULT_OPTIONS: ValidationOptions = Object.freeze({
  quantity: Object.freeze({ maxScale: 3, maxPrecision: 13, maxScaleByUnit: Object.freeze({}), overDeliveryTolerancePercent: "0" }),
  // Letters and digits, optionally in groups joined by "." or "-": SAP revision levels ("01", "B"),
  // Oracle item revisions ("A", "A.1", "REV-2"). Spaces and lower-case-only noise are refused.
  material: Object.freeze({ revisionPattern: "^[A-Z0-9]+(?:[.-][A-Z0-9]+)*$" }),
  unit: Object.freeze({}),
  identifier: Object.freeze({}),
  custom: Object.freeze({}),
});

/** Merges option inputs over a base, one level deep. Internal. */
export function mergeOptions(base: ValidationOptions, input: ValidationOptionsInput | undefined): ValidationOptions {
  if (!input) return base;
  return Object.freeze({
    quantity: Object.freeze({ ...base.quantity, ...input.quantity }),
    material: Object.freeze({ ...base.material, ...input.material }),
    unit: Object.freeze({ ...base.unit, ...input.unit }),
    identifier: Object.freeze({ ...base.identifier, ...input.identifier }),
    custom: Object.freeze({ ...base.custom, ...input.custom }),
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isInt = (value: unknown, min: number, max: number): value is number => typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;

/**
 * Checks options given as outside data (a JSON profile) and returns the
 * issues, paths relative to `base`. Internal to profile creation.
 */
export function checkOptionsInput(input: unknown, base: readonly (string | number)[]): Issue[] {
  const issues: Issue[] = [];
  const fail = (path: readonly (string | number)[], message: string, code: string = ISSUE_CODES.invalidValue) =>
    issues.push({ path: toJsonPointer([...base, ...path]), code, message });
  if (!isRecord(input)) {
    fail([], "options must be an object", ISSUE_CODES.invalidType);
    return issues;
  }
  const areas: Record<string, readonly string[]> = {
    quantity: ["maxScale", "maxPrecision", "maxScaleByUnit", "overDeliveryTolerancePercent"],
    material: ["revisionPattern"],
    unit: ["allowed"],
    identifier: ["schemes"],
    custom: [],
  };
  for (const [area, value] of Object.entries(input)) {
    const known = Object.hasOwn(areas, area) ? areas[area] : undefined;
    if (!known) {
      fail([area], `unknown option area "${area}" (known: ${Object.keys(areas).join(", ")})`, ISSUE_CODES.unknownField);
      continue;
    }
    if (!isRecord(value)) {
      fail([area], `options.${area} must be an object`, ISSUE_CODES.invalidType);
      continue;
    }
    if (area === "custom") continue;
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) fail([area, key], `unknown option "${area}.${key}"`, ISSUE_CODES.unknownField);
    }
  }
  const quantity = isRecord(input["quantity"]) ? input["quantity"] : {};
  if ("maxScale" in quantity && !isInt(quantity["maxScale"], 0, 12)) fail(["quantity", "maxScale"], "maxScale must be an integer from 0 to 12");
  if ("maxPrecision" in quantity && !isInt(quantity["maxPrecision"], 1, 30)) fail(["quantity", "maxPrecision"], "maxPrecision must be an integer from 1 to 30");
  if ("maxScaleByUnit" in quantity) {
    const byUnit = quantity["maxScaleByUnit"];
    if (!isRecord(byUnit)) fail(["quantity", "maxScaleByUnit"], "maxScaleByUnit must map unit codes to integers", ISSUE_CODES.invalidType);
    else for (const [unit, scale] of Object.entries(byUnit)) {
      if (!isUnitCode(unit)) fail(["quantity", "maxScaleByUnit", unit], `"${unit}" is not an active UN/ECE Rec 20 unit code`, ISSUE_CODES.unknownUnit);
      else if (!isInt(scale, 0, 12)) fail(["quantity", "maxScaleByUnit", unit], "a scale must be an integer from 0 to 12");
    }
  }
  if ("overDeliveryTolerancePercent" in quantity) {
    const tolerance = quantity["overDeliveryTolerancePercent"];
    const parsed = typeof tolerance === "string" ? parseDecimal(tolerance) : undefined;
    if (!parsed || parsed.num < 0n) fail(["quantity", "overDeliveryTolerancePercent"], 'overDeliveryTolerancePercent must be a non-negative decimal string such as "5" or "2.5"');
  }
  const material = isRecord(input["material"]) ? input["material"] : {};
  if ("revisionPattern" in material) {
    const pattern = material["revisionPattern"];
    let valid = typeof pattern === "string";
    if (valid) {
      try {
        new RegExp(pattern as string, "u");
      } catch {
        valid = false;
      }
    }
    if (!valid) fail(["material", "revisionPattern"], "revisionPattern must be a valid regular expression (string)");
  }
  const unit = isRecord(input["unit"]) ? input["unit"] : {};
  if ("allowed" in unit) {
    const allowed = unit["allowed"];
    if (!Array.isArray(allowed)) fail(["unit", "allowed"], "unit.allowed must be an array of unit codes", ISSUE_CODES.invalidType);
    else allowed.forEach((code, index) => {
      if (!isUnitCode(code)) fail(["unit", "allowed", index], `${showValue(code)} is not an active UN/ECE Rec 20 unit code`, ISSUE_CODES.unknownUnit);
    });
  }
  const identifier = isRecord(input["identifier"]) ? input["identifier"] : {};
  if ("schemes" in identifier) {
    const schemes = identifier["schemes"];
    if (!Array.isArray(schemes)) fail(["identifier", "schemes"], "identifier.schemes must be an array of schemes", ISSUE_CODES.invalidType);
    else schemes.forEach((scheme, index) => {
      if (typeof scheme !== "string" || !SCHEME_PATTERN.test(scheme)) fail(["identifier", "schemes", index], `${showValue(scheme)} is not a valid identifier scheme`, ISSUE_CODES.invalidFormat);
    });
  }
  return issues;
}
