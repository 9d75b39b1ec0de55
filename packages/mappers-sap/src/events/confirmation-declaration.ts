import type { Identifier, MaterialRef, Quantity } from "@mfgsync/canonical";
import type { Converter, EntityDeclaration } from "@mfgsync/mapping";
import {
  amountInUnitOf, boolean, child, odataV2Decimal, entity, field, identifier, materialRef, odataV2Date, odataV2DateAndTime, quantity, sameAsParent, text,
} from "@mfgsync/mapping";
import { ProdnOrdConf2_CATALOG, ProdnOrdConfMatlDocItm_CATALOG } from "../generated/catalog.js";
import { SEQUENCE } from "../production-order/operation.js";
import { sapUnit } from "../units.js";

// Parts are escaped as in JSON Pointer (`~` → `~0`, `/` → `~1`) before they are
// joined, so that "20/7" + "1" and "20" + "7/1" give different identifiers
// ("20~17/1" and "20/7~11"). SAP's numeric keys contain neither character and
// read exactly as before.
const escapePart = (part: string) => part.replace(/~/g, "~0").replace(/\//g, "~1");
const unescapePart = (part: string) => part.replace(/~1/g, "/").replace(/~0/g, "~");

/**
 * An identifier made of several SAP key properties joined by `/`
 * (confirmation `207/1`, material document `2016/4900000483/1`); a `/` or `~`
 * inside a part is escaped as `~1` or `~0`, so different keys never share an
 * identifier.
 *
 * @example
 * ```ts
 * import { compositeIdentifier } from "@mfgsync/mappers-sap";
 * compositeIdentifier(2).arity; // 2
 * ```
 */
export function compositeIdentifier(parts: number): Converter<readonly unknown[], Identifier> {
  return {
    kind: "composite key",
    description: `${parts} key properties joined by "/" (a "/" or "~" inside a part escaped as "~1" or "~0")`,
    arity: parts,
    decode(values, scope, props) {
      for (let i = 0; i < parts; i++) {
        const v = values[i];
        if (typeof v !== "string" || v === "") return scope.issue(props[i] ?? "", "field.required", `key ${props[i]} is missing`);
      }
      const ctx = scope.context;
      const value = (values as string[]).map(escapePart).join("/");
      return ctx.issuer === undefined ? { value, scheme: ctx.scheme } : { value, scheme: ctx.scheme, issuer: ctx.issuer };
    },
    encode(value, scope, pointer) {
      const split = value?.value.split("/") ?? [];
      return split.length === parts ? split.map(unescapePart) : scope.issue(pointer, "format.invalid", `expected ${parts} parts joined by "/"`);
    },
  };
}

const CONFIRMATION_UNIT = ["ConfirmationUnit", "ConfirmationUnitISOCode", "ConfirmationUnitSAPCode"] as const;

/** A goods movement of a confirmation, as decoded. */
export interface DecodedMovement {
  readonly movement: Identifier;
  readonly material: MaterialRef;
  readonly lot?: Identifier;
  readonly quantity: Quantity;
  readonly movementType?: string;
  readonly plant?: string;
  readonly storageLocation?: string;
}

/** A confirmation, as decoded (the input of the event builder). */
export interface DecodedConfirmation {
  readonly confirmation: Identifier;
  readonly order: Identifier;
  readonly operation?: string;
  readonly material?: MaterialRef;
  readonly yield: Quantity;
  readonly scrap?: Quantity;
  readonly rework?: Quantity;
  readonly final?: boolean;
  readonly reversal?: boolean;
  readonly reversed?: boolean;
  readonly workCenter?: string;
  readonly plant?: string;
  readonly executedAt?: string;
  readonly postingDate?: string;
  readonly movements?: readonly DecodedMovement[];
}

const movement = entity({
  entity: "ProdnOrdConfMatlDocItm",
  catalog: ProdnOrdConfMatlDocItm_CATALOG,
  fields: [
    field(["MaterialDocumentYear", "MaterialDocument", "MaterialDocumentItem"], "movement", compositeIdentifier(3), { required: true, note: "year/document/item" }),
    field("Material", "material", materialRef(), { required: true }),
    field("Batch", "lot", identifier(), { note: "the consumed (261) or produced (101) batch" }),
    field(["QuantityInEntryUnit", "EntryUnit", "EntryUnitISOCode", "EntryUnitSAPCode"], "quantity", quantity(odataV2Decimal(), sapUnit({ iso: true, internal: true })), { required: true }),
    field("GoodsMovementType", "movementType", text(), { note: "261/262 consumption, 101/102 and 531/532 receipts", uncertain: "101 and 531 as produced movements of a confirmation are [INFERRED]" }),
    field("Plant", "plant", text()),
    field("StorageLocation", "storageLocation", text()),
    field("OrderID", null, sameAsParent("OrderID")),
    field("ConfirmationGroup", null, sameAsParent("ConfirmationGroup")),
    field("ConfirmationCount", null, sameAsParent("ConfirmationCount")),
  ],
});

/**
 * API_PROD_ORDER_CONFIRMATION_2_SRV `ProdnOrdConf2` with its goods movements
 * (`to_ProdnOrdConfMatlDocItm`), declared for decoding into the canonical
 * production-confirmed and material-consumed/produced events.
 *
 * @example
 * ```ts
 * import { confirmationDeclaration } from "@mfgsync/mappers-sap";
 * confirmationDeclaration.entity; // "ProdnOrdConf2"
 * ```
 */
export const confirmationDeclaration: EntityDeclaration = entity({
  entity: "ProdnOrdConf2",
  catalog: ProdnOrdConf2_CATALOG,
  plant: { vendor: "Plant" },
  fields: [
    field(["ConfirmationGroup", "ConfirmationCount"], "confirmation", compositeIdentifier(2), { required: true, note: "group/count, e.g. 207/1" }),
    field("OrderID", "order", identifier(), { required: true }),
    field("OrderOperation", "operation", text(SEQUENCE)),
    field("Material", "material", materialRef()),
    field(["ConfirmationYieldQuantity", ...CONFIRMATION_UNIT], "yield", quantity(odataV2Decimal(), sapUnit({ iso: true, internal: true })), { required: true }),
    field("ConfirmationScrapQuantity", "scrap", amountInUnitOf(odataV2Decimal(), sapUnit({ iso: true, internal: true }), CONFIRMATION_UNIT, "yield.unit")),
    field("ConfirmationReworkQuantity", "rework", amountInUnitOf(odataV2Decimal(), sapUnit({ iso: true, internal: true }), CONFIRMATION_UNIT, "yield.unit")),
    field("IsFinalConfirmation", "final", boolean(), { note: "FinalConfirmationType is kept" }),
    field("IsReversal", "reversal", boolean()),
    field("IsReversed", "reversed", boolean()),
    field("WorkCenter", "workCenter", text()),
    field("Plant", "plant", text()),
    field(["ConfirmedExecutionEndDate", "ConfirmedExecutionEndTime"], "executedAt", odataV2DateAndTime({ timestamp: true }), { note: "when the work ended, in the plant's time zone" }),
    field("PostingDate", "postingDate", odataV2Date(), { note: "used when no execution end is confirmed" }),
  ],
  children: [child("to_ProdnOrdConfMatlDocItm", "movements", movement, { optional: true })],
});
