import type { AffectedItem, Defect } from "@mfgsync/canonical";
import type { Converter, DecodeScope, EncodeScope } from "@mfgsync/mapping";
import { INVALID, odataV2Decimal, identifier, materialRef, quantity } from "@mfgsync/mapping";
import { sapUnit } from "../units.js";

const order = identifier({ none: ["0"] });
const material = materialRef();
const defective = quantity(odataV2Decimal(), sapUnit());

function str(value: unknown, scope: DecodeScope, prop: string): string | undefined | typeof INVALID {
  if (value === undefined || value === null || value === "") return undefined;
  return typeof value === "string" ? value : scope.issue(prop, "type.invalid", "expected a string");
}

/**
 * What a defect affects, as the canonical `affected` list (none or one
 * item): `Material`, `ManufacturingOrder`, `ManufacturingOrderOperation` and
 * `DefectiveQuantity` + `DefectiveQuantityUnit`. A defect names no batch.
 *
 * @example
 * ```ts
 * import { defectAffected } from "@mfgsync/mappers-sap";
 * defectAffected().arity; // 5
 * ```
 */
export function defectAffected(): Converter<readonly unknown[], AffectedItem[]> {
  return {
    kind: "affected item",
    description: "material, order, operation and defective quantity as one affected item",
    arity: 5,
    decode(values, scope, props) {
      const m = material.decode(values[0], scope, props.slice(0, 1));
      const o = order.decode(values[1] as string | undefined, scope, props.slice(1, 2));
      const op = str(values[2], scope, props[2] ?? "");
      const q = defective.decode([values[3], values[4]], scope, props.slice(3, 5));
      if (m === INVALID || o === INVALID || op === INVALID || q === INVALID) return INVALID;
      if (op !== undefined && !/^\d{1,10}$/.test(op)) return scope.issue(props[2] ?? "", "format.invalid", `"${op}" is not an operation number`);
      if (values[2] === null) scope.carry(props[2] ?? "", null);
      const item: AffectedItem = { ...(m ? { material: m } : {}), ...(q ? { quantity: q } : {}), ...(o ? { order: o } : {}), ...(op ? { operation: op } : {}) };
      return Object.keys(item).length === 0 ? [] : [item];
    },
    encode(value, scope, pointer) {
      const items = value ?? [];
      if (items.length > 1) return scope.issue(pointer, "value.too-big", "an SAP defect affects one material, order and quantity");
      const item = items[0];
      const m = material.encode(item?.material, scope, `${pointer}/0/material`);
      const o = order.encode(item?.order, scope, `${pointer}/0/order`);
      const q = defective.encode(item?.quantity, scope, `${pointer}/0/quantity`);
      if (m === INVALID || o === INVALID || q === INVALID) return INVALID;
      const [amount, unit] = q as unknown[];
      return [m, o, item?.operation ?? "", amount, unit];
    },
  };
}

/** `DefectObjectCodeGroup` + `DefectObjectCode` as one location: "<group>/<code>", "<group>/", "<code>", or none. */
function joinLocation(group: string, code: string): string | undefined {
  if (code === "") return group === "" ? undefined : `${group}/`;
  return group === "" ? code : `${group}/${code}`;
}

/** A defect location "<group>/<code>" split at its first "/" (no "/": a code without a group). */
function splitLocation(location: string): [group: string, code: string] {
  const slash = location.indexOf("/");
  return slash < 0 ? ["", location] : [location.slice(0, slash), location.slice(slash + 1)];
}

/**
 * The coded defect, as the canonical `defects` list (none or one):
 * `DefectCode` in `DefectCodeGroup`, `NumberOfDefects` as a count (unit C62),
 * and the defect location `DefectObjectCodeGroup` + `DefectObjectCode`
 * written `"<group>/<code>"`.
 *
 * @example
 * ```ts
 * import { defectCode } from "@mfgsync/mappers-sap";
 * defectCode().arity; // 5
 * ```
 */
export function defectCode(): Converter<readonly unknown[], Defect[]> {
  return {
    kind: "coded defect",
    description: "code and code group, number of defects (C62), location code group/code",
    arity: 5,
    decode(values, scope, props) {
      const parts = values.map((v, i) => (i === 2 ? v : str(v, scope, props[i] ?? "")));
      if (parts.includes(INVALID)) return INVALID;
      const [code, group, count, locGroup, locCode] = parts as [string | undefined, string | undefined, unknown, string | undefined, string | undefined];
      values.forEach((v, i) => { if (v === null) scope.carry(props[i] ?? "", null); });
      if (count !== undefined && count !== null && (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0)) return scope.issue(props[2] ?? "", "type.invalid", "expected a non-negative integer");
      if (code === undefined) {
        for (const i of [1, 2, 3, 4]) if (values[i] !== undefined && values[i] !== "" && values[i] !== null) scope.carry(props[i] ?? "", values[i]);
        return [];
      }
      const location = joinLocation(locGroup ?? "", locCode ?? "");
      // "<group>/<code>" is split at its first "/" on encode: when that would not give back the two
      // properties as sent ("A/B" + "C", or a code with a "/" and no group), they are kept as read.
      if (location !== undefined) {
        const [g, c] = splitLocation(location);
        if (g !== (locGroup ?? "") || c !== (locCode ?? "")) {
          if (typeof values[3] === "string") scope.carry(props[3] ?? "", values[3]);
          if (typeof values[4] === "string") scope.carry(props[4] ?? "", values[4]);
        }
      }
      const defect: Defect = {
        code,
        ...(group ? { codeGroup: group } : {}),
        ...(typeof count === "number" ? { quantity: { value: String(count), unit: "C62" } } : {}),
        ...(location ? { location } : {}),
      };
      return [defect];
    },
    encode(value, scope: EncodeScope, pointer) {
      const items = value ?? [];
      if (items.length > 1) return scope.issue(pointer, "value.too-big", "an SAP defect has one defect code");
      const d = items[0];
      if (d === undefined) return ["", "", null, "", ""];
      const unit = d.quantity?.unit;
      if (d.quantity !== undefined && (!/^\d{1,10}$/.test(d.quantity.value) || Number(d.quantity.value) > 2147483647 || unit !== "C62")) {
        return scope.issue(`${pointer}/0/quantity`, "value.invalid", "SAP counts defects: a whole number in C62 (one)");
      }
      // The location as read, when the canonical one is still what it read as (the split is ambiguous).
      const keptGroup = scope.kept("DefectObjectCodeGroup"), keptCode = scope.kept("DefectObjectCode");
      const [locGroup, locCode] = typeof keptGroup === "string" && typeof keptCode === "string" && joinLocation(keptGroup, keptCode) === d.location
        ? [keptGroup, keptCode]
        : splitLocation(d.location ?? "");
      return [d.code, d.codeGroup ?? "", d.quantity === undefined ? null : Number(d.quantity.value), locGroup, locCode];
    },
  };
}

