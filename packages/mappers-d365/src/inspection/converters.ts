import { showValue } from "../odata/show.js";
import type { Measure } from "@mfgsync/canonical";
import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter } from "@mfgsync/mapping";
import { EMPTY, INVALID, MAPPING_CODES, OMIT, jsonDecimal, readUnit } from "@mfgsync/mapping";
import { D365_NO_DATE } from "../context.js";

type Coded = { value: string; originalCode?: string; originalList?: string };
const STATUS_LIST = "d365:InventTestOrderStatus";
/** The canonical limit of `decision.decidedBy`. */
const MAX_DECIDED_BY = 128;

/** The decision fields a quality order's status, validation time and validator fill. */
interface StatusFields {
  status: Coded;
  decision?: { outcome: Coded; decidedAt?: string; decidedBy?: string };
}

/**
 * `QualityOrderStatus` (InventTestOrderStatus: Open, Fail, Pass [seen-doc])
 * with `ValidatedDateTime` and `ValidatingPersonnelNumber` → the
 * inspection's status and decision: Open → InProgress without a decision;
 * Pass → Decided, outcome Accepted; Fail → Decided, outcome Rejected, decided
 * at the validation time by the validating worker. Any other member is
 * refused naming the property.
 *
 * @example
 * ```ts
 * import { qualityOrderStatus } from "@mfgsync/mappers-d365";
 * qualityOrderStatus().arity; // 3
 * ```
 */
export function qualityOrderStatus(): Converter<readonly unknown[], StatusFields> {
  return {
    kind: "quality order status",
    description: "Open → InProgress; Pass → Decided/Accepted; Fail → Decided/Rejected; ValidatedDateTime and ValidatingPersonnelNumber → decidedAt, decidedBy",
    arity: 3,
    decode(values, scope, props) {
      const [status, at, by] = values;
      const p = (i: number) => props[i] ?? "";
      if (status !== "Open" && status !== "Pass" && status !== "Fail") {
        if (status === undefined || status === null) return undefined;
        return scope.issue(p(0), ISSUE_CODES.invalidValue, `${p(0)} is an InventTestOrderStatus member (Open, Fail, Pass), got ${showValue(status)}`);
      }
      if (at !== undefined && at !== null && (typeof at !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(at) || Number.isNaN(Date.parse(at)))) {
        return scope.issue(p(1), ISSUE_CODES.invalidFormat, `${p(1)} must be an ISO 8601 date-time with an offset, got ${showValue(at)}`);
      }
      if (by !== undefined && by !== null && typeof by !== "string") return scope.issue(p(2), ISSUE_CODES.invalidType, `${p(2)} is a personnel number (a string)`);
      if (typeof by === "string" && by.length > MAX_DECIDED_BY) return scope.issue(p(2), ISSUE_CODES.tooBig, `${p(2)} is longer than ${MAX_DECIDED_BY} characters, the canonical decidedBy limit`);
      const code = { originalCode: status, originalList: STATUS_LIST };
      if (status === "Open") return { status: { value: "InProgress", ...code } };
      const decision: NonNullable<StatusFields["decision"]> = { outcome: { value: status === "Pass" ? "Accepted" : "Rejected", ...code } };
      if (typeof at === "string" && Date.parse(at) !== Date.parse(D365_NO_DATE)) decision.decidedAt = at;
      if (typeof by === "string" && by !== "") decision.decidedBy = by;
      return { status: { value: "Decided", ...code }, decision };
    },
    encode(value, scope, pointer) {
      if (value === undefined) return [EMPTY, EMPTY, EMPTY];
      const outcome = value.decision?.outcome.value;
      let status: string;
      if (outcome === undefined) status = "Open";
      else if (outcome === "Accepted" || outcome === "ConditionallyAccepted") status = "Pass";
      else if (outcome === "Rejected") status = "Fail";
      else return scope.issue(pointer + "/decision/outcome/value", MAPPING_CODES.noVendorCode, `a quality order passes or fails; the outcome "${outcome}" cannot be written`);
      const at = value.decision?.decidedAt;
      const utc = at === undefined ? EMPTY : new Date(Date.parse(at)).toISOString().replace(/\.000Z$/, "Z");
      return [status, utc, value.decision?.decidedBy ?? EMPTY];
    },
  };
}

/**
 * A test result's identity inside its quality order as a canonical sample
 * id: `QualityOrderSequenceNumber` and `ResultLineNumber` (both decimals
 * [inferred types]) as `"<sequence>-<line>"` (`"1-1"`).
 *
 * @example
 * ```ts
 * import { resultLine } from "@mfgsync/mappers-d365";
 * resultLine().arity; // 2
 * ```
 */
export function resultLine(): Converter<readonly unknown[], string> {
  const number = jsonDecimal();
  return {
    kind: "sequence-line",
    description: "QualityOrderSequenceNumber and ResultLineNumber as \"<sequence>-<line>\"",
    arity: 2,
    decode(values, scope, props) {
      const seq = number.decode(values[0] as never, scope, [props[0] ?? ""]);
      const line = number.decode(values[1] as never, scope, [props[1] ?? ""]);
      if (seq === INVALID || line === INVALID) return INVALID;
      if (seq === undefined || line === undefined) return scope.issue(seq === undefined ? props[0] ?? "" : props[1] ?? "", ISSUE_CODES.required, `key ${seq === undefined ? props[0] ?? "" : props[1] ?? ""} of the result row is missing`);
      return `${seq}-${line}`;
    },
    encode(value, scope, pointer) {
      const m = value === undefined ? null : /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(value);
      if (m === null) return scope.issue(pointer, ISSUE_CODES.invalidFormat, `a D365 result is keyed by "<QualityOrderSequenceNumber>-<ResultLineNumber>" (e.g. "1-1"), got ${showValue(value)}`);
      // Exact where a double would change the digits, plain numbers otherwise (as they are read).
      const seq = number.encode(m[1] ?? "0", scope, pointer);
      const line = number.encode(m[2] ?? "0", scope, pointer);
      if (seq === INVALID || line === INVALID) return INVALID;
      return [seq, line];
    },
  };
}

/**
 * The code table that gives each quality test's unit (a D365 unit symbol),
 * as the result rows carry none.
 *
 * @example
 * ```ts
 * import { TEST_UNIT_LIST } from "@mfgsync/mappers-d365";
 * const context = { codeTables: { [TEST_UNIT_LIST]: { Viscosity: "cP", Diameter: "mm" } } };
 * ```
 */
export const TEST_UNIT_LIST = "d365:QualityTestUnit";

/**
 * `ResultValue` (exact decimal) as the canonical measured value. The result
 * row has no unit (it is on the quality order line [seen-code]): the unit is
 * the context's `codeTables["d365:QualityTestUnit"][QualityTestId]` (a D365
 * unit symbol), else C62 ("one").
 *
 * @example
 * ```ts
 * import { resultValue } from "@mfgsync/mappers-d365";
 * resultValue().kind; // "result value"
 * ```
 */
export function resultValue(): Converter<unknown, Measure> {
  const amount = jsonDecimal({ signed: true });
  return {
    kind: "result value",
    description: `signed decimal; unit from codeTables["${TEST_UNIT_LIST}"][QualityTestId], else C62`,
    arity: 1,
    emptyIsProfile: true,
    decode(value, scope, props) {
      const v = amount.decode(value as never, scope, props);
      if (v === INVALID || v === undefined) return v;
      const test = scope.record["QualityTestId"];
      const symbol = typeof test === "string" ? scope.context.codeTable(TEST_UNIT_LIST)?.get(test) : undefined;
      const unit = typeof symbol === "string" ? readUnit(symbol, scope, props[0] ?? "") : "C62";
      return unit === INVALID ? INVALID : { value: v, unit };
    },
    encode(value, scope, pointer) {
      return amount.encode(value?.value, scope, pointer + "/value");
    },
  };
}

/**
 * `TestResult` (InventTestOutcomeStatus: Fail, Pass [seen-doc]) as the
 * result's evaluation. D365 derives it from the result value against the
 * test's tolerances [seen-code]: it is read, and written back only as read
 * (a new or changed evaluation is never written; D365 decides). A row without
 * it reads as Other.
 *
 * @example
 * ```ts
 * import { derivedTestResult } from "@mfgsync/mappers-d365";
 * derivedTestResult().kind; // "derived verdict"
 * ```
 */
export function derivedTestResult(): Converter<unknown, Coded> {
  return {
    kind: "derived verdict",
    description: "Pass/Fail as D365 derived it; never written as data",
    arity: 1,
    decode(value, scope, props) {
      if (value === undefined || value === null) {
        if (value === null) scope.carry(props[0] ?? "", null);
        return { value: "Other" };
      }
      if (value !== "Pass" && value !== "Fail") return scope.issue(props[0] ?? "", ISSUE_CODES.invalidValue, `${props[0] ?? ""} is an InventTestOutcomeStatus member (Fail, Pass), got ${showValue(value)}`);
      return { value, originalCode: value, originalList: "d365:InventTestOutcomeStatus" };
    },
    encode() {
      // Only the value read comes back (the core restores it while the evaluation is unchanged).
      return OMIT;
    },
  };
}
