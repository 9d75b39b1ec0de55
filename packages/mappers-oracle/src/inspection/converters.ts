import type { Identifier, Measure } from "@mfgsync/canonical";
import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter } from "@mfgsync/mapping";
import { EMPTY, INVALID, identifier, isJsonNumber, jsonDecimal, unitCode } from "@mfgsync/mapping";

/** Oracle Quality keeps unit codes in VARCHAR2(3) columns (QA_IP_EVENTS.UOM_CODE, notes §1 [seen-doc]). */
const UOM_LENGTH = 3;

/**
 * A unit code attribute of the Oracle Quality resources (`UOMCode`,
 * `SampleResultUOMCode`) through the unit table, refusing codes longer than
 * the 3 characters the quality tables hold, on decode and on encode, naming
 * the attribute. The catalog states no length for these attributes; the
 * limit is that of `QA_IP_EVENTS.UOM_CODE` (notes §1, [seen-doc]) and is
 * assumed for the REST attributes ([inferred]).
 *
 * @example
 * ```ts
 * import { qualityUnitCode } from "@mfgsync/mappers-oracle";
 * qualityUnitCode("SampleResultUOMCode").kind; // "unit table"
 * ```
 */
export function qualityUnitCode(attribute: string): Converter<string | null | undefined, string> {
  const base = unitCode();
  return {
    ...base,
    description: `${base.description}; at most ${UOM_LENGTH} characters`,
    decode(value, scope, props) {
      if (typeof value === "string" && value.length > UOM_LENGTH) {
        return scope.issue(props[0] ?? attribute, ISSUE_CODES.tooBig, `${props[0] ?? attribute} "${value.slice(0, 20)}" is longer than the ${UOM_LENGTH} characters Oracle Quality keeps for a unit code`);
      }
      return base.decode(value, scope, props);
    },
    encode(value, scope, pointer) {
      const out = base.encode(value, scope, pointer);
      if (typeof out === "string" && out.length > UOM_LENGTH) {
        return scope.issue(pointer, ISSUE_CODES.tooBig, `cannot be written to ${attribute}: the unit code "${out.slice(0, 20)}" is longer than ${UOM_LENGTH} characters`);
      }
      return out;
    },
  };
}

/** The canonical unit of a numeric result without a unit ("one"). */
const NO_UNIT = "C62";

/**
 * A numeric result (`ResultValueNumber`, exact, signed) with its unit
 * (`SampleResultUOMCode`, e.g. `cP`, `%`) as the canonical measured value. A
 * number without a unit reads in C62 ("one") and writes the unit back as read
 * (`null`); a unit without a number is kept as read.
 *
 * @example
 * ```ts
 * import { resultMeasure } from "@mfgsync/mappers-oracle";
 * resultMeasure().arity; // 2
 * ```
 */
export function resultMeasure(): Converter<readonly unknown[], Measure> {
  const amount = jsonDecimal({ signed: true });
  const unit = qualityUnitCode("SampleResultUOMCode");
  return {
    kind: "result value + unit",
    description: "signed exact number in SampleResultUOMCode (through the unit table); no unit reads as C62",
    arity: 2,
    decode(values, scope, props) {
      const [rawValue, rawUnit] = values;
      const valueProp = props[0] ?? "", unitProp = props[1] ?? "";
      if (rawValue === null) scope.carry(valueProp, null);
      if (rawValue === undefined || rawValue === null) {
        if (rawUnit !== undefined) {
          const checked = unit.decode(rawUnit as string | null, scope, [unitProp]);
          if (checked === INVALID) return INVALID;
          scope.carry(unitProp, rawUnit);
        }
        return undefined;
      }
      const value = amount.decode(rawValue as number, scope, [valueProp]);
      if (value === INVALID || value === undefined) return value;
      if (rawUnit === undefined || rawUnit === null || rawUnit === "") {
        if (rawUnit !== undefined) scope.carry(unitProp, rawUnit);
        return { value, unit: NO_UNIT };
      }
      const rec20 = unit.decode(rawUnit as string, scope, [unitProp]);
      if (rec20 === INVALID || rec20 === undefined) return INVALID;
      return { value, unit: rec20 };
    },
    encode(value, scope, pointer) {
      if (value === undefined) return [EMPTY, EMPTY];
      const a = amount.encode(value.value, scope, pointer + "/value");
      if (a === INVALID) return INVALID;
      // A number read without a unit goes back without one.
      const keptUnit = scope.kept("SampleResultUOMCode");
      if (value.unit === NO_UNIT && (keptUnit === null || keptUnit === "")) return [a, keptUnit];
      const u = unit.encode(value.unit, scope, pointer + "/unit");
      if (u === INVALID) return INVALID;
      return [a, u];
    },
  };
}

/** Characteristic data types [inferred: the attribute and its codes were not seen; results come as number, character or date]. */
const KINDS: Readonly<Record<string, "Quantitative" | "Qualitative">> = { NUMBER: "Quantitative", CHAR: "Qualitative", CHARACTER: "Qualitative", DATE: "Qualitative" };

/**
 * A characteristic's data type (`DataType`: `NUMBER`, `CHAR`, `DATE`) as the
 * canonical kind: numbers are measured (Quantitative), characters and dates
 * judged (Qualitative). Uncertain ([inferred]): the attribute name and its
 * codes were not seen; results carry one typed slot per data type
 * (`ResultValueNumber`, `ResultValueCharacter`, `ResultValueDate`).
 *
 * @example
 * ```ts
 * import { characteristicKind } from "@mfgsync/mappers-oracle";
 * characteristicKind().arity; // 1
 * ```
 */
export function characteristicKind(): Converter<unknown, "Quantitative" | "Qualitative"> {
  return {
    kind: "characteristic data type",
    description: `${Object.entries(KINDS).map(([c, k]) => `${c} → ${k}`).join(", ")}; the code read is written back while the kind is unchanged`,
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "";
      if (typeof value !== "string" || !Object.prototype.hasOwnProperty.call(KINDS, value)) {
        if (value === undefined || value === null) return undefined;
        return scope.issue(prop, ISSUE_CODES.invalidValue, `${prop} must be one of ${Object.keys(KINDS).join(", ")}, got ${JSON.stringify(value).slice(0, 40)}`);
      }
      scope.carry(prop, value);
      return KINDS[value];
    },
    encode(value, scope) {
      if (value === undefined) return EMPTY;
      const kept = scope.kept("DataType");
      if (typeof kept === "string" && KINDS[kept] === value) return kept;
      return value === "Quantitative" ? "NUMBER" : "CHAR";
    },
  };
}

/**
 * A character result (`ResultValueCharacter`) as the chosen code of a
 * qualitative result; values longer than a canonical code (40 characters)
 * are kept in the extensions instead.
 *
 * @example
 * ```ts
 * import { resultCharacter } from "@mfgsync/mappers-oracle";
 * resultCharacter().arity; // 1
 * ```
 */
export function resultCharacter(): Converter<unknown, { code: string }> {
  return {
    kind: "character result",
    description: "ResultValueCharacter as the result's attribute code (at most 40 characters; longer values are kept in extensions)",
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "";
      if (value === undefined) return undefined;
      if (value !== null && typeof value !== "string") return scope.issue(prop, ISSUE_CODES.invalidType, `${prop} must be a string, got ${JSON.stringify(value).slice(0, 40)}`);
      if (value === null || value === "" || value.length > 40) {
        scope.carry(prop, value);
        return undefined;
      }
      return { code: value };
    },
    encode: (value) => (value === undefined ? EMPTY : value.code),
  };
}

/**
 * An int64 surrogate id attribute the catalog does not list
 * (`CharacteristicId`, the header's `InspectionPlanId`): `identifier({ numeric: true, ... })`
 * of `@mfgsync/mapping`, refusing anything but a JSON number or `null`
 * naming the attribute (the catalog check does this for catalogued ids).
 *
 * @example
 * ```ts
 * import { uncataloguedId } from "@mfgsync/mappers-oracle";
 * uncataloguedId("oracle-fusion.characteristic-id").arity; // 1
 * ```
 */
export function uncataloguedId(scheme: string): Converter<unknown, Identifier> {
  const base = identifier({ numeric: true, scheme });
  return {
    ...base,
    decode(value, scope, props) {
      if (value !== undefined && value !== null && typeof value !== "number" && !isJsonNumber(value)) {
        return scope.issue(props[0] ?? "", ISSUE_CODES.invalidType, `${props[0] ?? ""} must be an int64 JSON number, got ${JSON.stringify(value)?.slice(0, 40)}`);
      }
      return base.decode(value, scope, props);
    },
  };
}
