import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter } from "@mfgsync/mapping";
import { EMPTY, INVALID, OMIT, amountInUnitOf, isoDateTime, jsonDecimal } from "@mfgsync/mapping";

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The canonical plant code's limit (`PlantCode`). */
const PLANT_MAX = 32;

/**
 * An Oracle date-time attribute (`PlannedStartDate`, `LastUpdateDate`):
 * ISO 8601 with any offset, read as the instant it names
 * (`2026-12-03T19:30:00-06:00` is `2026-12-04T01:30:00Z`) and written in UTC
 * with `+00:00`, as the notes recommend; a spelling other than that (a local
 * offset, milliseconds) goes back as read while the instant is unchanged. A
 * canonical plain date (another vendor's date-only field) is written as
 * midnight UTC.
 *
 * @example
 * ```ts
 * import { oracleDateTime } from "@mfgsync/mappers-oracle";
 * oracleDateTime().arity; // 1
 * ```
 */
export function oracleDateTime(): Converter<string | null | undefined, string> {
  const base = isoDateTime({ utc: "+00:00" });
  return {
    ...base,
    kind: "Oracle date-time",
    description: `${base.description}; a canonical plain date is written as midnight UTC`,
    encode(value, scope, pointer) {
      if (typeof value === "string" && PLAIN_DATE.test(value)) return `${value}T00:00:00+00:00`;
      return base.encode(value, scope, pointer);
    },
  };
}

/**
 * A sequence number (`OperationSequenceNumber`, a JSON number such as `10`)
 * to a canonical operation sequence of digits (`"10"`); fractions and
 * negative numbers are refused naming the attribute. Leading zeros of a
 * canonical sequence from another vendor (`"0010"`) are not kept.
 *
 * @example
 * ```ts
 * import { sequenceNumber } from "@mfgsync/mappers-oracle";
 * sequenceNumber().kind; // "sequence number"
 * ```
 */
export function sequenceNumber(): Converter<unknown, string> {
  const base = jsonDecimal();
  return {
    kind: "sequence number",
    description: "JSON integer to a sequence of digits (\"10\"); leading zeros are not kept",
    arity: 1,
    ...(base.emptyIsProfile === undefined ? {} : { emptyIsProfile: base.emptyIsProfile }),
    decode(value, scope, props) {
      const text = base.decode(value as number, scope, props);
      if (typeof text !== "string") return text;
      if (!/^\d{1,10}$/.test(text)) return scope.issue(props[0] ?? "", ISSUE_CODES.invalidValue, `${text} is not a sequence number (a whole number of at most 10 digits)`);
      return text;
    },
    encode(value, scope, pointer) {
      if (value === undefined) return EMPTY;
      if (!/^\d{1,10}$/.test(value)) return scope.issue(pointer, ISSUE_CODES.invalidFormat, `"${value}" is not a whole number: Oracle keeps sequence numbers as numbers`);
      return base.encode(value.replace(/^0+(?=\d)/, ""), scope, pointer);
    },
  };
}

/**
 * The organisation of a record as the canonical plant: Oracle's inventory
 * organisation (`OrganizationCode`) is the plant, and it is also the scope of
 * the record's user keys, declared with the entity's `scope`. This converter
 * reads no attribute of its own (it reads the scope attribute of the record);
 * encoding writes nothing, because the scope is written from the identifier's
 * scope or, for objects of other vendors, from the plant (`fallback: "plant"`).
 *
 * @example
 * ```ts
 * import { organizationPlant } from "@mfgsync/mappers-oracle";
 * organizationPlant("OrganizationCode").arity; // 0
 * ```
 */
export function organizationPlant(attribute: string): Converter<readonly unknown[], string> {
  return {
    kind: "organisation = plant",
    description: `the record's ${attribute} (its scope) is the plant`,
    arity: 0,
    decode(_values, scope) {
      const raw = scope.record[attribute];
      if (typeof raw !== "string" || raw === "") return scope.issue(attribute, ISSUE_CODES.required, `${attribute} is missing: it is the plant and scopes the keys`);
      if (raw.length > PLANT_MAX) return scope.issue(attribute, ISSUE_CODES.tooBig, `${attribute} has ${raw.length} characters; a canonical plant holds at most ${PLANT_MAX}`);
      return raw;
    },
    encode(value, scope, pointer) {
      // One attribute holds both: a plant other than the organisation scoping the keys could not be written.
      const organization = scope.idScope()?.value;
      if (typeof value === "string" && organization !== undefined && !scope.sameScope(value, organization)) {
        return scope.issue(pointer, ISSUE_CODES.invalidValue, `the plant ${JSON.stringify(value.slice(0, 40))} is not the organisation ${JSON.stringify(organization.slice(0, 40))} that scopes the keys: Oracle holds both in ${attribute}`);
      }
      return [];
    },
  };
}

/**
 * The state the parent record's converter derives, repeated on a child that
 * has no status attribute of its own (Oracle work order operations carry no
 * status in the catalogued attributes). Reads no attribute, writes nothing.
 *
 * @example
 * ```ts
 * import { fromParent } from "@mfgsync/mappers-oracle";
 * fromParent("order state", (parent) => ({ value: parent ? "Released" : "Other" })).arity; // 0
 * ```
 */
export function fromParent<C>(kind: string, derive: (parent: Readonly<Record<string, unknown>> | undefined) => C | undefined): Converter<readonly unknown[], C> {
  return {
    kind,
    description: `derived from the parent record (${kind}); not written`,
    arity: 0,
    decode: (_values, scope) => derive(scope.parentRecord),
    encode: () => [],
  };
}

/**
 * The first of several amount attributes that holds a number, with a unit
 * code: a component's `Quantity` ([inferred] for work order materials) or,
 * without it, its `ExtendedQuantity`. The other attributes are kept as read;
 * encoding writes the amount back into the attribute it was read from
 * (fresh objects: the first, or the one at `options.fresh`, the others left
 * out: a process work order's planned start quantity is [inferred], its
 * primary product quantity is not).
 *
 * @example
 * ```ts
 * import { unitCode } from "@mfgsync/mapping";
 * import { firstAmount } from "@mfgsync/mappers-oracle";
 * firstAmount(["Quantity", "ExtendedQuantity"], unitCode()).arity; // 3
 * ```
 */
export function firstAmount(amountProps: readonly string[], unit: Converter<unknown, string>, options: { readonly fresh?: number } = {}): Converter<readonly unknown[], { value: string; unit: string }> {
  const amount = jsonDecimal();
  const n = amountProps.length;
  const fresh = options.fresh;
  return {
    kind: "first amount + unit",
    description: `${amountProps.join(", or else ")}, in the unit code; written back where it was read (fresh objects: ${amountProps[fresh ?? 0] ?? ""})`,
    arity: n + 1,
    decode(values, scope, props) {
      let at = -1;
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (at < 0 && v !== undefined && v !== null) at = i;
        else if (v !== undefined) scope.carry(props[i] ?? "", v);
      }
      const rec20 = unit.decode(values[n], scope, [props[n] ?? ""]);
      if (at < 0) {
        if (values[n] !== undefined) scope.carry(props[n] ?? "", values[n]);
        return rec20 === INVALID ? INVALID : undefined;
      }
      const value = amount.decode(values[at] as number, scope, [props[at] ?? ""]);
      if (value === INVALID || rec20 === INVALID) return INVALID;
      if (value === undefined) return undefined;
      if (rec20 === undefined) return scope.issue(props[n] ?? "", ISSUE_CODES.unknownUnit, `the amount ${value} has no unit (${props[n] ?? ""} is empty)`);
      return { value, unit: rec20 };
    },
    encode(value, scope, pointer) {
      const out: unknown[] = new Array<unknown>(n + 1).fill(EMPTY);
      if (value === undefined) return out;
      // A fresh object (nothing of the record read is kept): the preferred attribute alone.
      if (fresh !== undefined && amountProps.every((p) => scope.kept(p) === undefined && scope.wasAbsent?.(p) !== true)) {
        const a = amount.encode(value.value, scope, pointer + "/value");
        const u = unit.encode(value.unit, scope, pointer + "/unit");
        if (a === INVALID || u === INVALID) return INVALID;
        out.fill(OMIT, 0, n);
        out[fresh] = a;
        out[n] = u;
        return out;
      }
      // Back into the attribute it was read from: the first one that was neither null nor absent.
      let slot = 0;
      const skipped = (p: string) => scope.kept(p) === null || scope.wasAbsent?.(p) === true;
      while (slot < n - 1 && skipped(amountProps[slot] ?? "")) {
        // An absent attribute stays absent.
        if (scope.wasAbsent?.(amountProps[slot] ?? "") === true) out[slot] = OMIT;
        slot++;
      }
      const a = amount.encode(value.value, scope, pointer + "/value");
      const u = unit.encode(value.unit, scope, pointer + "/unit");
      if (a === INVALID || u === INVALID) return INVALID;
      out[slot] = a;
      out[n] = u;
      return out;
    },
  };
}

/**
 * `amountInUnitOf` of `@mfgsync/mapping` for Oracle attributes that may be
 * `null` or read-only: an empty amount (`null`) is kept by the core and
 * written back as read.
 *
 * @example
 * ```ts
 * import { unitCode } from "@mfgsync/mapping";
 * import { amountIn } from "@mfgsync/mappers-oracle";
 * amountIn(unitCode(), ["UOMCode"], "requiredQuantity.unit").arity; // 1
 * ```
 */
export function amountIn(unit: Converter<unknown, unknown>, unitProps: readonly string[], unitOwner: string): Converter<unknown, { value: string; unit: string }> {
  return { ...amountInUnitOf(jsonDecimal(), unit, unitProps, unitOwner), emptyIsProfile: true };
}
