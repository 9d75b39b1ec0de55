import type { Converter, DecodeScope, EncodeScope, WireProfile } from "@mfgsync/mapping";
import { INVALID, MAPPING_CODES, OMIT, odataV2Double, readUnit } from "@mfgsync/mapping";

const KEY_SEPARATOR = "/";

/**
 * An inspection characteristic's key, `InspPlanOperationInternalID` +
 * `InspectionCharacteristic`, as one canonical id `"<operation>/<characteristic>"`
 * (`"1/0010"`): characteristic numbers repeat across the inspection
 * operations of one lot, so the number alone is not unique.
 *
 * @example
 * ```ts
 * import { characteristicKey } from "@mfgsync/mappers-sap";
 * characteristicKey().arity; // 2
 * ```
 */
export function characteristicKey(): Converter<readonly unknown[], string> {
  return {
    kind: "operation/characteristic",
    description: 'InspPlanOperationInternalID and InspectionCharacteristic joined as "1/0010"',
    arity: 2,
    decode(values, scope, props) {
      const [op, char] = values;
      for (let i = 0; i < 2; i++) {
        const v = values[i];
        if (typeof v !== "string" || v === "" || v.includes(KEY_SEPARATOR)) return scope.issue(props[i] ?? "", "field.required", `${props[i]} is missing or contains "${KEY_SEPARATOR}"`);
      }
      return `${op as string}${KEY_SEPARATOR}${char as string}`;
    },
    encode(value, scope, pointer) {
      const i = value === undefined ? -1 : value.indexOf(KEY_SEPARATOR);
      if (value === undefined || i <= 0 || i === value.length - 1) return scope.issue(pointer, "format.invalid", `an SAP characteristic id is "<operation>/<characteristic>", e.g. "1/0010"`);
      return [value.slice(0, i), value.slice(i + 1)];
    },
  };
}

/**
 * `InspSpecIsQuantitative` (true/false) to the canonical kind.
 *
 * @example
 * ```ts
 * import { characteristicKind } from "@mfgsync/mappers-sap";
 * characteristicKind().kind; // "quantitative flag"
 * ```
 */
export function characteristicKind(): Converter<boolean | null | undefined, string> {
  return {
    kind: "quantitative flag",
    description: "true → Quantitative, false → Qualitative",
    arity: 1,
    decode(value, scope, props) {
      if (value === undefined || value === null) return undefined;
      if (typeof value !== "boolean") return scope.issue(props[0] ?? "", "type.invalid", "expected true or false");
      return value ? "Quantitative" : "Qualitative";
    },
    encode(value) {
      return value === undefined ? null : value === "Quantitative";
    },
  };
}

/**
 * An `Edm.Double` value with its presence flag (`InspSpecTargetValue` +
 * `InspSpecHasTargetValue`): the value counts only when the flag is `"X"`.
 *
 * @example
 * ```ts
 * import { flaggedDouble } from "@mfgsync/mappers-sap";
 * flaggedDouble().arity; // 2
 * ```
 */
export function flaggedDouble(): Converter<readonly unknown[], string> {
  const double = odataV2Double();
  return {
    kind: "double + presence flag",
    description: 'Edm.Double read only when its "Has..." flag is "X"',
    arity: 2,
    decode(values, scope, props) {
      const [value, has] = values;
      if (has !== "X" && has !== "" && has !== undefined && has !== null) return scope.issue(props[1] ?? "", "value.invalid", 'a presence flag is "X" or ""');
      if (has !== "X") {
        if (value !== undefined) scope.carry(props[0] ?? "", value);
        if (has === null) scope.carry(props[1] ?? "", null);
        return undefined;
      }
      const decoded = double.decode(value as string | number | null | undefined, scope, props);
      if (decoded === undefined) {
        // "X" without a value: nothing to read, but the flag (and a null) go back as sent.
        scope.carry(props[1] ?? "", has);
        if (value === null) scope.carry(props[0] ?? "", null);
      }
      return decoded;
    },
    encode(value, scope, pointer) {
      if (value === undefined) return ["0.0000000000000000E+00", ""];
      const text = double.encode(value, scope, pointer);
      return text === INVALID ? INVALID : [text, "X"];
    },
  };
}

/**
 * A non-negative whole number sent as a JSON integer (`Edm.Int32` sample
 * sizes) as a canonical decimal string, for use as a quantity's amount.
 *
 * @example
 * ```ts
 * import { integerAmount } from "@mfgsync/mappers-sap";
 * integerAmount().kind; // "integer amount"
 * ```
 */
export function integerAmount(): Converter<number | null | undefined, string> {
  return {
    kind: "integer amount",
    description: "JSON integer to a decimal string",
    arity: 1,
    decode(value, scope, props) {
      if (value === undefined || value === null) return undefined;
      if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) return scope.issue(props[0] ?? "", "type.invalid", "expected a non-negative integer");
      return String(value);
    },
    encode(value, scope, pointer) {
      if (value === undefined) return null;
      // Edm.Int32 on the wire: decode reads what SAP sends, encode writes the same range back.
      if (!/^\d{1,10}$/.test(value) || Number(value) > 2147483647) return scope.issue(pointer, "value.invalid", `SAP keeps whole numbers up to 2147483647 here, not ${value}`);
      return Number(value);
    },
  };
}

/**
 * A qualitative result code (`CharacteristicAttributeCodeGrp` +
 * `CharacteristicAttributeCode`) to `{ code, codeGroup }`.
 *
 * @example
 * ```ts
 * import { attributeCode } from "@mfgsync/mappers-sap";
 * attributeCode().arity; // 2
 * ```
 */
export function attributeCode(): Converter<readonly unknown[], { code: string; codeGroup?: string }> {
  return {
    kind: "code group + code",
    description: "selected code and its code group",
    arity: 2,
    decode(values, scope, props) {
      const [group, code] = values;
      if ((group !== undefined && group !== null && typeof group !== "string") || (code !== undefined && code !== null && typeof code !== "string")) return scope.issue(props[1] ?? "", "type.invalid", "codes are strings");
      if (group === null) scope.carry(props[0] ?? "", null);
      if (code === null) scope.carry(props[1] ?? "", null);
      if (typeof code !== "string" || code === "") {
        if (typeof group === "string" && group !== "") scope.carry(props[0] ?? "", group);
        return undefined;
      }
      return typeof group === "string" && group !== "" ? { code, codeGroup: group } : { code };
    },
    encode(value) {
      return value === undefined ? ["", ""] : [value.codeGroup ?? "", value.code];
    },
  };
}

function characteristicOf(list: unknown, op: unknown, char: unknown, profile: WireProfile): Record<string, unknown> | undefined {
  // Read as the core reads the navigation: a deferred or malformed one holds no rows (and encode would write none).
  const read = profile.readCollection(list);
  if (read.kind !== "rows") return undefined;
  return read.rows.find((c): c is Record<string, unknown> => typeof c === "object" && c !== null && (c as Record<string, unknown>)["InspPlanOperationInternalID"] === op && (c as Record<string, unknown>)["InspectionCharacteristic"] === char);
}

/** Unit of a measured result: its characteristic's unit, or C62 ("one") for unitless characteristics [INFERRED]. */
function resultUnit(characteristic: Record<string, unknown>, scope: DecodeScope, prop: string): string | typeof INVALID {
  const unit = characteristic["InspectionSpecificationUnit"];
  if (typeof unit !== "string" || unit === "") return "C62";
  return readUnit(unit, scope, prop);
}

/**
 * The mean value of a result (`InspectionResultMeanValue` +
 * `InspectionResultHasMeanValue`) as a canonical measure. SAP keeps the
 * unit on the characteristic, so the lot's `to_InspectionCharacteristic`
 * must hold the result's characteristic; unitless characteristics measure
 * in C62 ("one").
 *
 * @example
 * ```ts
 * import { resultMeasure } from "@mfgsync/mappers-sap";
 * resultMeasure().arity; // 2
 * ```
 */
export function resultMeasure(): Converter<readonly unknown[], { value: string; unit: string }> {
  const value = flaggedDouble();
  return {
    kind: "mean value in the characteristic's unit",
    description: "mean value (when flagged) with the unit of the matching characteristic; C62 when it has none",
    arity: 2,
    decode(values, scope, props) {
      const mean = value.decode(values, scope, props);
      if (mean === INVALID || mean === undefined) return mean;
      const characteristic = characteristicOf(scope.parentRecord?.["to_InspectionCharacteristic"], scope.record["InspPlanOperationInternalID"], scope.record["InspectionCharacteristic"], scope.profile);
      if (characteristic === undefined) return scope.issue(props[0] ?? "", "field.required", "the lot's to_InspectionCharacteristic must include this result's characteristic (it holds the unit)");
      const unit = resultUnit(characteristic, scope, props[0] ?? "");
      return unit === INVALID ? INVALID : { value: mean, unit };
    },
    encode(measure, scope: EncodeScope, pointer) {
      if (measure === undefined) return value.encode(undefined, scope, pointer);
      const characteristic = characteristicOf(scope.parentTarget?.["to_InspectionCharacteristic"], scope.target["InspPlanOperationInternalID"], scope.target["InspectionCharacteristic"], scope.profile);
      const code = characteristic?.["InspectionSpecificationUnit"];
      // A characteristic without a unit (absent, null or "") measures in C62, as decode reads it.
      const expected = characteristic === undefined ? undefined : typeof code !== "string" || code === "" ? "C62" : scope.context.unitIn(code) ?? code;
      if (expected !== measure.unit) return scope.issue(pointer + "/unit", "value.invalid", `SAP keeps the unit on the characteristic: expected ${expected ?? "a characteristic with a unit"}, got ${measure.unit}`);
      return value.encode(measure.value, scope, pointer + "/value");
    },
  };
}

const VALUATION: Readonly<Record<string, string>> = { A: "Accepted", R: "Rejected" };

/**
 * The usage decision's outcome and resulting disposition from its valuation
 * (`InspLotUsageDecisionValuation`: `A` accepted, `R` rejected [INFERRED]),
 * never from the customer-defined code (`InspectionLotUsageDecisionCode`),
 * which is kept as `originalCode`. Accepted lots become `UnRestricted` with
 * quality status `Accepted`, rejected ones `Restricted` with quality status
 * `Rejected` [INFERRED: the actual stock posting may differ; the postings
 * themselves are the decision's quantity split].
 *
 * @example
 * ```ts
 * import { usageDecision } from "@mfgsync/mappers-sap";
 * usageDecision().arity; // 2
 * ```
 */
export function usageDecision(): Converter<readonly unknown[], { outcome?: { value: string; originalCode?: string; originalList?: string }; resultingDisposition?: string; resultingQualityStatus?: string }> {
  const list = "sap:InspectionLotUsageDecisionCode";
  return {
    kind: "usage decision valuation",
    description: "valuation A → Accepted/UnRestricted (quality status Accepted), R → Rejected/Restricted (quality status Rejected); the UD code is the originalCode",
    arity: 2,
    decode(values, scope, props) {
      const [valuation, code] = values;
      if (valuation !== undefined && valuation !== null && typeof valuation !== "string") return scope.issue(props[0] ?? "", "type.invalid", "a valuation is a string");
      if (code !== undefined && code !== null && typeof code !== "string") return scope.issue(props[1] ?? "", "type.invalid", "a usage decision code is a string");
      const outcome = (typeof valuation === "string" && Object.prototype.hasOwnProperty.call(VALUATION, valuation) ? VALUATION[valuation] : undefined) ?? "Other";
      const disposition = outcome === "Accepted" ? "UnRestricted" : outcome === "Rejected" ? "Restricted" : undefined;
      const coded = typeof code === "string" && code !== "" ? { value: outcome, originalCode: code, originalList: list } : { value: outcome, originalList: list };
      if (outcome === "Other" && typeof valuation === "string") scope.carry(props[0] ?? "", valuation);
      // The lot's quality status after the decision is the valuation's [INFERRED]; an unvaluated decision says none.
      return disposition === undefined ? { outcome: coded } : { outcome: coded, resultingDisposition: disposition, resultingQualityStatus: outcome };
    },
    encode(value, scope, pointer) {
      const outcome = value?.outcome;
      if (outcome === undefined) return scope.issue(pointer + "/outcome", "field.required", "a usage decision needs an outcome");
      const valuation = outcome.value === "Accepted" ? "A" : outcome.value === "Rejected" ? "R" : outcome.value === "Other" ? "" : undefined;
      if (valuation === undefined) return scope.issue(pointer + "/outcome/value", MAPPING_CODES.noVendorCode, `SAP usage decisions are accepted or rejected, not "${outcome.value}"`);
      const expected = outcome.value === "Accepted" ? "UnRestricted" : outcome.value === "Rejected" ? "Restricted" : undefined;
      if (value?.resultingDisposition !== undefined && value.resultingDisposition !== expected) {
        return scope.issue(pointer + "/resultingDisposition", "value.invalid", `SAP derives the disposition from the valuation: expected ${expected ?? "none"}`);
      }
      const quality = outcome.value === "Accepted" || outcome.value === "Rejected" ? outcome.value : undefined;
      if (value?.resultingQualityStatus !== undefined && value.resultingQualityStatus !== quality) {
        return scope.issue(pointer + "/resultingQualityStatus", "value.invalid", `SAP derives the lot's quality status from the valuation: expected ${quality ?? "none"}`);
      }
      const own = outcome.originalCode !== undefined && outcome.originalCode !== "" && (outcome.originalList === undefined || outcome.originalList === list);
      return [valuation, own ? outcome.originalCode : valuation];
    },
  };
}

/**
 * The inspection lot's processing status from the flags of its
 * `to_InspectionLotWithStatus` (read-only in SAP) and
 * `InspectionLotHasUsageDecision`, by precedence: cancelled, decided, results
 * recorded / inspection completed, released, created. Only the usage-decision
 * flag is written back; the status flags are restored as read while the
 * status is unchanged.
 *
 * @example
 * ```ts
 * import { inspectionLotStatus } from "@mfgsync/mappers-sap";
 * inspectionLotStatus().arity; // 2
 * ```
 */
export function inspectionLotStatus(): Converter<readonly unknown[], { value: string; originalCode?: string; originalList?: string }> {
  const list = "sap:inspection-lot-status";
  const order: readonly (readonly [string, string])[] = [
    ["InspLotStatusCanceled", "Cancelled"], ["", "Decided"], ["InspLotStatusInspCompleted", "ResultsRecorded"], ["InspLotStsShrtTrmInspCmpltd", "ResultsRecorded"],
    ["InspLotStatusRsltsConfirmed", "ResultsRecorded"], ["InspectionLotStatusReleased", "Released"], ["InspectionLotStatusCreated", "Created"],
  ];
  return {
    kind: "lot status flags",
    description: "A_InspectionLotWithStatus flags and InspectionLotHasUsageDecision by precedence",
    arity: 2,
    decode(values, scope, props) {
      const [status, decided] = values;
      if (decided !== undefined && decided !== null && typeof decided !== "boolean") return scope.issue(props[1] ?? "", "type.invalid", "expected true or false");
      const flags = typeof status === "object" && status !== null && !Array.isArray(status) && !("__deferred" in status) ? (status as Record<string, unknown>) : undefined;
      if (status !== undefined && status !== null && flags === undefined && !(typeof status === "object" && "__deferred" in status)) return scope.issue(props[0] ?? "", "type.invalid", "expected the expanded A_InspectionLotWithStatus");
      for (const [flag, state] of order) {
        if (flag === "" ? decided === true : flags?.[flag] === "X") return { value: state, originalCode: flag === "" ? props[1] ?? "" : flag, originalList: list };
      }
      return flags === undefined ? undefined : { value: "Other", originalList: list };
    },
    encode(value) {
      return [OMIT, value?.value === "Decided"];
    },
  };
}
