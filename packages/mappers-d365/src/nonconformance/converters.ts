import { showValue } from "../odata/show.js";
import type { AffectedItem } from "@mfgsync/canonical";
import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter } from "@mfgsync/mapping";
import { EMPTY, INVALID, MAPPING_CODES, jsonDecimal, readUnit, writeUnit } from "@mfgsync/mapping";

type Coded = { value: string; originalCode?: string; originalList?: string };
const TYPE_LIST = "d365:InventNonConformanceType";

/** Canonical source and type per `InventNonConformanceType` member ([seen-code, unverified] member names). */
const TYPES: Readonly<Record<string, readonly [source: string, type: string]>> = {
  Internal: ["Internal", "Product"], Cust: ["Customer", "Product"], Vend: ["Supplier", "Material"], Service: ["Customer", "Product"],
  Production: ["Internal", "Process"], CoProductProduction: ["Internal", "Process"],
};

/**
 * `InventNonConformanceType` → the nonconformance's source and type:
 * Internal → Internal/Product, Cust → Customer/Product, Vend →
 * Supplier/Material, Service (service request) → Customer/Product,
 * Production and CoProductProduction → Internal/Process. The member names
 * come from a public project (`Cust`, `Vend`, `Service`) and are
 * [unverified]; the type per member is [inferred].
 *
 * @example
 * ```ts
 * import { nonconformanceType } from "@mfgsync/mappers-d365";
 * nonconformanceType().arity; // 1
 * ```
 */
export function nonconformanceType(): Converter<unknown, { source: Coded; type: Coded }> {
  return {
    kind: `enum ${TYPE_LIST}`,
    description: "Internal, Cust, Vend, Service, Production, CoProductProduction → source and type",
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "";
      if (value === undefined || value === null) return undefined;
      const pair = typeof value === "string" && Object.prototype.hasOwnProperty.call(TYPES, value) ? TYPES[value] : undefined;
      if (pair === undefined) return scope.issue(prop, ISSUE_CODES.invalidValue, `${prop} is one of ${Object.keys(TYPES).join(", ")}, got ${showValue(value)}`);
      const code = { originalCode: value as string, originalList: TYPE_LIST };
      return { source: { value: pair[0], ...code }, type: { value: pair[1], ...code } };
    },
    encode(value, scope, pointer) {
      if (value === undefined) return EMPTY;
      const original = value.source.originalList === TYPE_LIST ? value.source.originalCode : undefined;
      const pair = original !== undefined && Object.prototype.hasOwnProperty.call(TYPES, original) ? TYPES[original] : undefined;
      if (original !== undefined && pair !== undefined && pair[0] === value.source.value && pair[1] === value.type.value) return original;
      for (const [member, [source, type]] of Object.entries(TYPES)) if (source === value.source.value && type === value.type.value) return member;
      for (const [member, [source]] of Object.entries(TYPES)) if (source === value.source.value) return member;
      return scope.issue(pointer + "/source/value", MAPPING_CODES.noVendorCode, `D365 nonconformances are internal, customer, vendor, service or production ones; the source "${value.source.value}" has no type`);
    },
  };
}

/**
 * The problem type (`InventTestProblemTypeId`) as the nonconformance's
 * defect, and the derived description D365 has no field for:
 * `"<problem type> (nonconformance <id>)"`, or `"Nonconformance <id>"`
 * without a problem type. The description is never written (a known loss).
 *
 * @example
 * ```ts
 * import { problemType } from "@mfgsync/mappers-d365";
 * problemType().arity; // 1
 * ```
 */
export function problemType(): Converter<unknown, { description: string; defects: { code: string }[] }> {
  return {
    kind: "problem type + derived description",
    description: "InventTestProblemTypeId → defects[0].code; description derived from the problem type and the number",
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "";
      if (value !== undefined && value !== null && typeof value !== "string") return scope.issue(prop, ISSUE_CODES.invalidType, `${prop} is a problem type id (a string)`);
      const id = scope.record["InventNonConformanceID"];
      const number = typeof id === "string" && id !== "" ? id : "?";
      if (typeof value !== "string" || value === "") {
        if (value !== undefined) scope.carry(prop, value);
        return { description: `Nonconformance ${number}`, defects: [] };
      }
      // The problem type is the defect code, which holds at most 40 characters (D365's id is much shorter [inferred]).
      if (value.length > 40) return scope.issue(prop, ISSUE_CODES.tooBig, `${prop} has ${value.length} characters; a defect code has at most 40`);
      return { description: `${value} (nonconformance ${number})`, defects: [{ code: value }] };
    },
    encode(value) {
      const code = value?.defects[0]?.code;
      return code === undefined ? EMPTY : code;
    },
  };
}

/**
 * The affected item: `ItemId` with the defective quantity `TestDefectQty`
 * in `UnitId` (exact decimal, unit through the unit table), and the source
 * document `InventRefId` (the production, purchase or sales order the
 * nonconformance was raised against) as the order it was found in. What kind
 * of document `InventRefId` names is `InventTransType` (an int enum whose
 * member names no source gives: kept in extensions as read) [seen-cdm;
 * semantics inferred]. The batch is only reachable through `InventDimId`
 * and `InventTransIdRef` is an inventory lot id (a transaction, not a batch):
 * both are kept in extensions [seen-cdm].
 *
 * @example
 * ```ts
 * import { affectedItem } from "@mfgsync/mappers-d365";
 * affectedItem().arity; // 4
 * ```
 */
export function affectedItem(): Converter<readonly unknown[], { affected: AffectedItem[] }> {
  const amount = jsonDecimal();
  return {
    kind: "item + defect quantity + source document",
    description: "ItemId, TestDefectQty, UnitId and InventRefId → affected[0] (material, quantity, order)",
    arity: 4,
    decode(values, scope, props) {
      const [item, qty, unit, ref] = values;
      const p = (i: number) => props[i] ?? "";
      if (item !== undefined && item !== null && typeof item !== "string") return scope.issue(p(0), ISSUE_CODES.invalidType, `${p(0)} is an item number (a string)`);
      if (unit !== undefined && unit !== null && typeof unit !== "string") return scope.issue(p(2), ISSUE_CODES.invalidType, `${p(2)} is a unit symbol (a string)`);
      // The catalog gives ItemId no length; the canonical identifier holds at most 255 characters.
      if (typeof item === "string" && item.length > 255) return scope.issue(p(0), ISSUE_CODES.tooBig, `${p(0)} has ${item.length} characters; an item number has at most 255`);
      if (ref !== undefined && ref !== null && typeof ref !== "string") return scope.issue(p(3), ISSUE_CODES.invalidType, `${p(3)} is a document number (a string)`);
      if (typeof ref === "string" && ref.length > 255) return scope.issue(p(3), ISSUE_CODES.tooBig, `${p(3)} has ${ref.length} characters; an order reference has at most 255`);
      const value = amount.decode(qty as never, scope, [p(1)]);
      if (value === INVALID) return INVALID;
      if (item === null || item === "") scope.carry(p(0), item);
      if (qty === null) scope.carry(p(1), null);
      if (unit === null || unit === "") scope.carry(p(2), unit);
      if (ref === null || ref === "") scope.carry(p(3), ref);
      const out: AffectedItem = {};
      const ctx = scope.context;
      const s = scope.idScope();
      const idOf = (value: string) => ({ value, scheme: ctx.scheme, ...(ctx.issuer === undefined ? {} : { issuer: ctx.issuer }), ...(s === undefined ? {} : { scope: s }) });
      if (typeof item === "string" && item !== "") out.material = { id: idOf(item) };
      if (value !== undefined) {
        if (typeof unit !== "string" || unit === "") {
          if (!/^0*(?:\.0*)?$/.test(value)) return scope.issue(p(2), ISSUE_CODES.unknownUnit, `the defect quantity ${value} has no unit`);
          scope.carry(p(1), qty);
        } else {
          const rec20 = readUnit(unit, scope, p(2));
          if (rec20 === INVALID) return INVALID;
          if ((scope.context.unitOut(rec20) ?? rec20) !== unit) scope.carry(p(2), unit);
          out.quantity = { value, unit: rec20 };
        }
      } else if (typeof unit === "string" && unit !== "") scope.carry(p(2), unit);
      if (typeof ref === "string" && ref !== "") out.order = idOf(ref);
      return { affected: out.material === undefined && out.quantity === undefined && out.order === undefined ? [] : [out] };
    },
    encode(value, scope, pointer) {
      const first = value?.affected[0];
      if (first === undefined) return [EMPTY, EMPTY, EMPTY, EMPTY];
      if ((value?.affected.length ?? 0) > 1) return scope.issue(pointer + "/affected/1", MAPPING_CODES.noVendorCode, "a D365 nonconformance has one item");
      // D365 reads an item row from ItemId, TestDefectQty or InventRefId: an entry with none would not come back.
      if (first.material === undefined && first.quantity === undefined && first.order === undefined) return scope.issue(pointer + "/affected/0", ISSUE_CODES.required, "a D365 nonconformance's affected item needs a material, a quantity or an order");
      const id = first.material?.id;
      if (id !== undefined && id.scheme !== scope.context.scheme && !scope.context.keepForeignIdentifiers) {
        return scope.issue(pointer + "/affected/0/material/id", MAPPING_CODES.foreignScheme, `identifier "${id.value}" was issued by ${id.scheme}, not by ${scope.context.scheme}`);
      }
      const order = first.order;
      if (order !== undefined && order.scheme !== scope.context.scheme && !scope.context.keepForeignIdentifiers) {
        return scope.issue(pointer + "/affected/0/order", MAPPING_CODES.foreignScheme, `identifier "${order.value}" was issued by ${order.scheme}, not by ${scope.context.scheme}`);
      }
      const q = first.quantity;
      const a = q === undefined ? EMPTY : amount.encode(q.value, scope, pointer + "/affected/0/quantity/value");
      const u = q === undefined ? EMPTY : writeUnit(q.unit, scope, pointer + "/affected/0/quantity/unit");
      if (a === INVALID || u === INVALID) return INVALID;
      return [id?.value ?? EMPTY, a, u, order?.value ?? EMPTY];
    },
  };
}
