import type { Quantity } from "@mfgsync/canonical";
import { ISSUE_CODES, isUnitCode } from "@mfgsync/canonical";
import type { AnyConverter, Converter, DecodeScope, EncodeScope } from "../converter.js";
import { EMPTY, INVALID, OMIT } from "../converter.js";
import { MAPPING_CODES } from "../result.js";
import { scalar, wrongType } from "./scalar.js";

/**
 * Reads a vendor unit through the context's unit table: table entries first
 * (`PC`, `PCE`, `ST` → `H87`; `KG` → `KGM`), then codes that already are
 * active Rec 20 codes (with a warning), else an issue. Returns the Rec 20 code.
 *
 * @example
 * ```ts
 * import type { DecodeScope } from "@mfgsync/mapping";
 * import { readUnit } from "@mfgsync/mapping";
 * const read = (scope: DecodeScope) => readUnit("KG", scope, "BaseUnit");
 * ```
 */
export function readUnit(code: string, scope: DecodeScope, prop: string): string | typeof INVALID {
  const mapped = scope.context.unitIn(code);
  if (mapped !== undefined) return mapped;
  if (isUnitCode(code)) {
    scope.warn(prop, MAPPING_CODES.unitPassedThrough, `unit "${code}" is not in the unit table; read as the UN/ECE Rec 20 code ${code}`);
    return code;
  }
  return scope.issue(prop, ISSUE_CODES.unknownUnit, `unit "${code}" is not in the unit table and is not a UN/ECE Rec 20 code; add it to the context's units`);
}

/**
 * Writes a Rec 20 code as the vendor unit of the context's table, or as is
 * (with a warning) when the table has none. A code that would read back as
 * another unit (Rec 20 `ST` is a sheet, SAP `ST` a piece) is an issue.
 *
 * @example
 * ```ts
 * import type { EncodeScope } from "@mfgsync/mapping";
 * import { writeUnit } from "@mfgsync/mapping";
 * const write = (scope: EncodeScope) => writeUnit("KGM", scope, "/baseUnit");
 * ```
 */
export function writeUnit(rec20: string, scope: EncodeScope, pointer: string): string | typeof INVALID {
  let out = scope.context.unitOut(rec20);
  if (out === undefined) {
    scope.warn(pointer, MAPPING_CODES.unitPassedThrough, `no vendor unit is configured for ${rec20}; sent as is`);
    out = rec20;
  }
  const back = scope.context.unitIn(out);
  if (back !== undefined && back !== rec20) {
    return scope.issue(pointer, ISSUE_CODES.unknownUnit, `${rec20} cannot be sent: the vendor unit ${out} means ${back} in the unit table`);
  }
  return out;
}

/**
 * A vendor unit code to a UN/ECE Rec 20 code through the context's unit
 * table (see {@link readUnit}); the vendor's own spelling comes back on
 * encode even when the table would write another one.
 *
 * @example
 * ```ts
 * import { unitCode } from "@mfgsync/mapping";
 * unitCode().kind; // "unit table"
 * ```
 */
export function unitCode(): Converter<string | null | undefined, string> {
  return scalar<string, string>({
    kind: "unit table",
    description: "vendor unit to UN/ECE Rec 20 through the unit table",
    expected: "a unit code",
    accepts: (v): v is string => typeof v === "string",
    decode(value, scope, prop) {
      const rec20 = readUnit(value, scope, prop);
      if (rec20 !== INVALID && (scope.context.unitOut(rec20) ?? rec20) !== value) scope.carry(prop, value);
      return rec20;
    },
    encode: (value, scope, pointer) => writeUnit(value, scope, pointer),
  });
}

/**
 * A unit sent as a code and a name side by side (Oracle `UOMCode` with
 * `UnitOfMeasure`, items' `PrimaryUOMValue` names such as `"Each"`): the
 * code is read through the unit table; when only the name is sent, the name
 * is looked up in the same table (the context's `units` may map names, e.g.
 * `{ "Each": "H87" }`). The name is kept and written back as read; a fresh
 * value writes the code only.
 *
 * @example
 * ```ts
 * import { unitCodeAndName } from "@mfgsync/mapping";
 * unitCodeAndName().arity; // 2
 * ```
 */
export function unitCodeAndName(): Converter<readonly unknown[], string> {
  const code = unitCode();
  return {
    kind: "unit code + name",
    description: "unit code (or, without one, its name) to UN/ECE Rec 20 through the unit table; the name is kept as read",
    arity: 2,
    emptyIsProfile: true,
    decode(values, scope, props) {
      const [rawCode, rawName] = values;
      const codeProp = props[0] ?? "", nameProp = props[1] ?? "";
      if (rawName !== undefined && rawName !== null && typeof rawName !== "string") return scope.issue(nameProp, ISSUE_CODES.invalidType, wrongType("a unit name", rawName));
      if (rawName !== undefined) scope.carry(nameProp, rawName);
      if ((rawCode === undefined || rawCode === null || rawCode === "") && typeof rawName === "string" && rawName !== "") {
        if (rawCode !== undefined) scope.carry(codeProp, rawCode);
        const rec20 = readUnit(rawName, scope, nameProp);
        return rec20;
      }
      return code.decode(rawCode as string | null | undefined, scope, [codeProp]);
    },
    encode(value, scope, pointer) {
      const out = code.encode(value, scope, pointer);
      if (out === INVALID) return INVALID;
      return [out, value === undefined ? EMPTY : OMIT];
    },
  };
}

function isZero(text: string): boolean {
  return /^-?0*(?:\.0*)?$/.test(text);
}

/**
 * A quantity sent as an amount property and unit property (or several unit
 * properties, e.g. SAP's commercial, ISO and internal codes) to a canonical
 * `Quantity`. A zero amount without a unit means "no quantity"; a
 * non-zero amount without a unit is an issue.
 *
 * @example
 * ```ts
 * import { jsonDecimal, quantity, unitCode } from "@mfgsync/mapping";
 * const planned = quantity(jsonDecimal(), unitCode());
 * planned.arity; // 2
 * ```
 */
export function quantity(amount: Converter<unknown, string>, unit: AnyConverter): Converter<readonly unknown[], Quantity> {
  let lastProps: readonly string[] | undefined;
  let lastUnitProps: readonly string[] = [];
  const unitPropsOf = (props: readonly string[]) => {
    if (props !== lastProps) {
      lastProps = props;
      lastUnitProps = props.slice(1);
    }
    return lastUnitProps;
  };
  return {
    kind: `quantity (${amount.kind} + ${unit.kind})`,
    description: "amount and unit to { value, unit }",
    arity: 1 + unit.arity,
    emptyIsProfile: amount.emptyIsProfile === true && unit.emptyIsProfile === true,
    decode(values, scope, props) {
      const unitProps = unitPropsOf(props);
      const value = amount.decode(values[0], scope, props);
      const unitValue = unit.decode(unit.arity === 1 ? values[1] : values.slice(1), scope, unitProps);
      if (value === INVALID || unitValue === INVALID) return INVALID;
      if (value === undefined) {
        if (unitValue !== undefined) for (let i = 1; i < props.length; i++) if (values[i] !== undefined) scope.carry(props[i] ?? "", values[i]);
        return undefined;
      }
      if (unitValue === undefined) {
        if (isZero(value)) {
          scope.carry(props[0] ?? "", values[0]);
          return undefined;
        }
        return scope.issue(unitProps[0] ?? "", ISSUE_CODES.unknownUnit, `the amount ${value} has no unit`);
      }
      return { value, unit: unitValue as string };
    },
    encode(value, scope, pointer) {
      const a = amount.encode(value?.value, scope, pointer + "/value");
      const u = unit.encode(value?.unit, scope, pointer + "/unit");
      if (a === INVALID || u === INVALID) return INVALID;
      if (unit.arity === 1) return [a, u];
      return [a, ...(Array.isArray(u) ? (u as unknown[]) : [OMIT])];
    },
  };
}

/** A decode scope that passes context and zone through and swallows reports. */
class QuietScope implements DecodeScope {
  failed = false;
  constructor(private readonly inner: DecodeScope) {}
  get context() {
    return this.inner.context;
  }
  get record() {
    return this.inner.record;
  }
  get parentRecord() {
    return this.inner.parentRecord;
  }
  get profile() {
    return this.inner.profile;
  }
  zone(): string {
    return this.inner.zone();
  }
  idScope() {
    return this.inner.idScope();
  }
  issue(): typeof INVALID {
    this.failed = true;
    return INVALID;
  }
  warn(): void {}
  carry(): void {}
}

/**
 * An amount whose unit lives in properties that another field maps (SAP
 * sends one unit for an order's planned and confirmed quantities). Decoding
 * reads the unit from those properties; encoding writes only the amount and
 * refuses a quantity whose unit differs from the canonical field that owns
 * the unit (`unitOwner`, a dotted path such as `plannedQuantity.unit`).
 *
 * @example
 * ```ts
 * import { amountInUnitOf, odataV2Decimal, unitCode } from "@mfgsync/mapping";
 * const yieldQty = amountInUnitOf(odataV2Decimal(), unitCode(), ["ProductionUnit"], "plannedQuantity.unit");
 * yieldQty.arity; // 1
 * ```
 */
export function amountInUnitOf(
  amount: Converter<unknown, string>,
  unit: AnyConverter,
  unitProps: readonly string[],
  unitOwner: string,
): Converter<unknown, Quantity> {
  const ownerKeys = unitOwner.split(".");
  return {
    kind: `amount in ${unitProps[0] ?? "?"}`,
    description: `amount; unit from ${unitProps.join("/")} (same unit as ${unitOwner})`,
    arity: 1,
    decode(value, scope, props) {
      const decoded = amount.decode(value, scope, props);
      if (decoded === INVALID || decoded === undefined) return decoded;
      const quiet = new QuietScope(scope);
      const raw = unit.arity === 1 ? scope.record[unitProps[0] ?? ""] : unitProps.map((p) => scope.record[p]);
      const rec20 = unit.decode(raw, quiet, unitProps);
      if (rec20 === INVALID || quiet.failed) return INVALID;
      if (rec20 === undefined) {
        if (isZero(decoded)) {
          scope.carry(props[0] ?? "", value);
          return undefined;
        }
        return scope.issue(props[0] ?? "", ISSUE_CODES.unknownUnit, `the amount ${decoded} has no unit (${unitProps.join("/")} is empty)`);
      }
      return { value: decoded, unit: rec20 as string };
    },
    encode(value, scope, pointer) {
      if (value === undefined) return amount.encode(undefined, scope, pointer + "/value");
      let owner: unknown = scope.object;
      for (const k of ownerKeys) owner = typeof owner === "object" && owner !== null ? (owner as Record<string, unknown>)[k] : undefined;
      if (owner === undefined) {
        // The owner is absent, but the unit read from the vendor may still be kept (and written back).
        const kept = unit.arity === 1 ? scope.kept(unitProps[0] ?? "") : unitProps.map((p) => scope.kept(p));
        const quiet = new QuietEncodeScope(scope);
        const keptUnit = kept === undefined ? undefined : unit.decode(kept, quiet.asDecode(), unitProps);
        if (keptUnit === value.unit) return amount.encode(value.value, scope, pointer + "/value");
      }
      if (owner !== value.unit) return scope.issue(pointer + "/unit", ISSUE_CODES.invalidValue, `the vendor keeps one unit for this amount and ${unitOwner}: expected ${String(owner)}, got ${value.unit}`);
      return amount.encode(value.value, scope, pointer + "/value");
    },
  };
}

/** Decodes kept vendor values during an encode, without reporting. */
class QuietEncodeScope {
  constructor(private readonly inner: EncodeScope) {}
  asDecode(): DecodeScope {
    const inner = this.inner;
    return {
      context: inner.context, record: inner.target, parentRecord: inner.parentTarget, profile: inner.profile,
      zone: () => inner.zone(), idScope: () => inner.idScope(), issue: () => INVALID, warn: () => undefined, carry: () => undefined,
    };
  }
}
