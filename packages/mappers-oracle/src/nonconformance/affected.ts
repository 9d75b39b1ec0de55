import type { AffectedItem, Identifier } from "@mfgsync/canonical";
import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter, DecodeScope, EncodeScope } from "@mfgsync/mapping";
import { EMPTY, INVALID, MAPPING_CODES, identifier } from "@mfgsync/mapping";
import { ORACLE_CODE_LISTS, ORACLE_ID_SCHEMES } from "../context.js";
import { preview } from "../inspection/converters.js";

// An AffectedObjects row links the issue to "an item, inspection, work order
// operation, or some other object" (notes §6: ContextCode, ObjectId,
// SubContextCode, ImpactType, Status, SupportedEntityCode/Name). The row's
// object type is SupportedEntityCode ("type of object that the quality issue
// affects" in Oracle's reference) and its id ObjectId; neither the codes nor
// that ObjectId is the affected object's own id were seen [inferred]. The
// default codes below are placeholders to be replaced by the pod's codes
// through the context's code table.

/**
 * What an `AffectedObjects` row names in the canonical affected item: the
 * value of a `codeTables["oracle:SupportedEntityCode"]` entry.
 *
 * @example
 * ```ts
 * import type { AffectedKind } from "@mfgsync/mappers-oracle";
 * const kind: AffectedKind = "lot";
 * ```
 */
export type AffectedKind = "material" | "lot" | "order" | "none";

/**
 * Default `SupportedEntityCode` meanings [inferred placeholders: the codes
 * were not seen; give the pod's codes in `codeTables["oracle:SupportedEntityCode"]`].
 *
 * @example
 * ```ts
 * import { ORACLE_AFFECTED_OBJECT_TYPES } from "@mfgsync/mappers-oracle";
 * ORACLE_AFFECTED_OBJECT_TYPES.ITEM; // "material"
 * ```
 */
export const ORACLE_AFFECTED_OBJECT_TYPES: Readonly<Record<string, AffectedKind>> = { ITEM: "material", LOT: "lot", WORK_ORDER: "order" };

const KINDS: readonly AffectedKind[] = ["material", "lot", "order", "none"];
const SCHEMES: Readonly<Record<Exclude<AffectedKind, "none">, string>> = { material: ORACLE_ID_SCHEMES.item, lot: ORACLE_ID_SCHEMES.lot, order: ORACLE_ID_SCHEMES.workOrder };
const LIST = ORACLE_CODE_LISTS.affectedObjectType;

/** The kind of a SupportedEntityCode: the tenant table first, then the defaults. */
function kindOf(code: unknown, scope: DecodeScope | EncodeScope): AffectedKind {
  if (typeof code !== "string") return "none";
  const fromTable = scope.context.codeTable(LIST)?.get(code);
  if (typeof fromTable === "string" && (KINDS as readonly string[]).includes(fromTable)) return fromTable as AffectedKind;
  return Object.prototype.hasOwnProperty.call(ORACLE_AFFECTED_OBJECT_TYPES, code) ? (ORACLE_AFFECTED_OBJECT_TYPES[code] ?? "none") : "none";
}

/** The first code of a kind: the tenant table's, else the defaults'. */
function codeOf(kind: AffectedKind, scope: DecodeScope | EncodeScope): string | undefined {
  const table = scope.context.codeTable(LIST);
  if (table !== undefined) for (const [code, k] of table) if (k === kind) return code;
  for (const [code, k] of Object.entries(ORACLE_AFFECTED_OBJECT_TYPES)) if (k === kind) return code;
  return undefined;
}

type Named = Pick<AffectedItem, "material" | "lot" | "order">;

/**
 * An `AffectedObjects` row's `SupportedEntityCode` and `ObjectId` as what
 * the canonical affected item names: an item (`material`, the id in
 * `oracle-fusion.inventory-item-id`), a lot (`lot`, `oracle-fusion.lot-id`)
 * or a work order (`order`, `oracle-fusion.work-order-id`). Rows of other
 * types (inspections, operations) are affected items naming nothing, kept
 * whole. Uncertain ([inferred]): the type codes (defaults `ITEM`, `LOT`,
 * `WORK_ORDER`, overridden by `codeTables["oracle:SupportedEntityCode"]`) and
 * that `ObjectId` is the object's own id.
 *
 * @example
 * ```ts
 * import { affectedObject } from "@mfgsync/mappers-oracle";
 * affectedObject().arity; // 2
 * ```
 */
export function affectedObject(): Converter<readonly unknown[], Named> {
  const ids = {
    material: identifier({ numeric: true, scheme: SCHEMES.material }),
    lot: identifier({ numeric: true, scheme: SCHEMES.lot }),
    order: identifier({ numeric: true, scheme: SCHEMES.order }),
  };
  return {
    kind: "affected object",
    description: `SupportedEntityCode (${Object.entries(ORACLE_AFFECTED_OBJECT_TYPES).map(([c, k]) => `${c} → ${k}`).join(", ")}; tenant codes from codeTables["${LIST}"]) with ObjectId → material, lot or order; other types name nothing`,
    arity: 2,
    decode(values, scope, props) {
      const [code, objectId] = values;
      const codeProp = props[0] ?? "", idProp = props[1] ?? "";
      if (code !== undefined && code !== null && typeof code !== "string") return scope.issue(codeProp, ISSUE_CODES.invalidType, `${codeProp} must be a string, got ${preview(code)}`);
      const kind = kindOf(code, scope);
      if (kind === "none" || objectId === undefined || objectId === null) {
        if (code !== undefined) scope.carry(codeProp, code);
        if (objectId !== undefined) scope.carry(idProp, objectId);
        return {};
      }
      const id = ids[kind].decode(objectId, scope, [idProp]);
      if (id === INVALID) return INVALID;
      if (id === undefined) {
        scope.carry(codeProp, code);
        return {};
      }
      // The code read goes back while it still names this kind.
      if (code !== codeOf(kind, scope)) scope.carry(codeProp, code);
      return kind === "material" ? { material: { id } } : kind === "lot" ? { lot: id } : { order: id };
    },
    encode(value, scope, pointer) {
      const named = (["material", "lot", "order"] as const).filter((k) => value?.[k] !== undefined);
      if (named.length === 0) return [EMPTY, EMPTY];
      if (named.length > 1) return scope.issue(pointer + "/" + (named[1] ?? ""), MAPPING_CODES.noVendorCode, `an Oracle AffectedObjects row names one object (ObjectId): this item names ${named.join(" and ")}`);
      const kind = named[0] as Exclude<AffectedKind, "none">;
      const kept = scope.kept("SupportedEntityCode");
      const code = typeof kept === "string" && kindOf(kept, scope) === kind ? kept : codeOf(kind, scope);
      if (code === undefined) return scope.issue(`${pointer}/${kind}`, MAPPING_CODES.noVendorCode, `no ${LIST} code is known for a ${kind}; give the context a codeTables["${LIST}"] entry`);
      const ref = (kind === "material" ? value?.material?.id : value?.[kind]) as Identifier;
      const out = ids[kind].encode(ref, scope, kind === "material" ? `${pointer}/material/id` : `${pointer}/${kind}`);
      if (out === INVALID) return INVALID;
      return [code, out];
    },
  };
}
