// Turns arbitrary canonical objects into ones Oracle can hold: the documented
// input domain of the Oracle mappers (Oracle identifiers and organisation
// scopes, units in the default table, sequence numbers as numbers, components
// under an operation). What Oracle keeps lossily is declared as known loss by
// the mappers instead.
import type { Identifier, Inspection, Lot, Material, ProductionOrder } from "@mfgsync/canonical";
import { lotStatusFields } from "@mfgsync/mappers-oracle";
import type { MappingContext } from "@mfgsync/mapping";

/** Units the property tests draw from: all in the default Oracle unit table. */
export const ORACLE_TEST_UNITS = ["H87", "KGM", "GRM", "LTR", "MLT", "MTR", "HUR", "MIN", "P1"];

/** Scheme of the Oracle user keys. */
export const SCHEME = "oracle-fusion";

/** Removes keys whose value is undefined. */
export function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Extensions without the oracle namespace (Oracle values there must have the attribute's type; tested by the vendor round trip). */
export function withoutOracle<T extends Record<string, unknown> | undefined>(extensions: T): T | undefined {
  if (extensions === undefined) return undefined;
  const { oracle: _o, ...rest } = extensions as Record<string, unknown>;
  return (Object.keys(rest).length > 0 ? rest : undefined) as T | undefined;
}

/** An Oracle user key, scoped by the organisation when given. */
export function oracleId(id: Identifier, organization?: string): Identifier {
  return organization === undefined ? { value: id.value, scheme: SCHEME } : { value: id.value, scheme: SCHEME, scope: { type: "organization", value: organization } };
}

/** The production orders an Oracle discrete work order can hold. */
export function fitWorkOrder(order: ProductionOrder): ProductionOrder {
  const plant = order.plant;
  const unit = order.plannedQuantity.unit;
  const operations = order.operations.map((op) => clean({ ...op, sequence: String(Number(op.sequence)) }));
  return clean({
    ...order,
    extensions: withoutOracle(order.extensions),
    id: oracleId(order.id, plant),
    material: { id: oracleId(order.material.id.scope?.type === "organization" ? order.material.id : { ...order.material.id, scope: undefined } as Identifier) },
    state: order.state.value === "Other" ? { value: "Released" as const } : order.state,
    confirmedYield: order.confirmedYield && { ...order.confirmedYield, unit },
    confirmedScrap: order.confirmedScrap && { ...order.confirmedScrap, unit },
    operations,
    components: operations.length === 0 ? [] : order.components.map((c, i) => clean({
      ...c,
      item: String((i + 1) * 10),
      material: { id: oracleId(c.material.id) },
      withdrawnQuantity: c.withdrawnQuantity && { ...c.withdrawnQuantity, unit: c.requiredQuantity.unit },
      issuingOperation: operations[i % operations.length]?.sequence,
    })),
  });
}

/** The materials an Oracle item can hold. */
export function fitItem(material: Material): Material {
  const scope = material.id.scope?.value ?? "M1";
  return clean({ ...material, extensions: withoutOracle(material.extensions), id: oracleId(material.id, scope) });
}

/** Material status codes the lot property tests draw from: defaults and the test code table's. */
const LOT_STATUSES = ["Active", "Hold", "Quarantine", "Rejected", "MX_QA_PEND", "MX_QUAR", "ZZ_UNKNOWN"];

/**
 * The lots an Oracle lot can hold: one material status, whose meaning
 * (through the code table of the test context) gives the disposition,
 * quality status and holds.
 */
export function fitLot(context: MappingContext): (lot: Lot) => Lot {
  const table = context.codeTables?.["oracle:lot-status"];
  return (lot) => {
    const organization = lot.plant ?? lot.id.scope?.value ?? "M1";
    const code = LOT_STATUSES[lot.id.value.length % LOT_STATUSES.length] ?? "Active";
    const { disposition: _d, qualityStatus: _q, holds: _h, vendorStatus: _v, ...rest } = lot;
    return clean({
      ...rest, ...lotStatusFields(code, table),
      extensions: withoutOracle(lot.extensions), id: oracleId(lot.id, organization), plant: organization, material: { id: oracleId(lot.material.id) },
    });
  };
}

/** A digits-only id (an Oracle int64 surrogate) standing for any identifier value. */
function surrogate(value: string): string {
  let h = 7;
  for (const c of value) h = (h * 31 + c.charCodeAt(0)) % 1_000_000_007;
  return String(300100000000000 + h);
}

/** The inspections an Oracle inspection event can hold: int64 ids, organisation-scoped keys, split quantities in the event's unit. */
export function fitInspection(inspection: Inspection): Inspection {
  const organization = inspection.id.scope?.value ?? inspection.subject.plant ?? "M1";
  const unit = inspection.inspectedQuantity?.unit;
  const decision = inspection.decision;
  const q = decision?.quantities;
  const inUnit = (x: { value: string; unit: string } | undefined) => (x === undefined || unit === undefined ? undefined : { ...x, unit });
  return clean({
    ...inspection,
    extensions: withoutOracle(inspection.extensions),
    id: oracleId({ ...inspection.id, value: surrogate(inspection.id.value) }, organization),
    subject: clean({
      ...inspection.subject,
      plant: organization,
      material: inspection.subject.material && { id: oracleId(inspection.subject.material.id, organization) },
      lot: inspection.subject.lot && oracleId(inspection.subject.lot, organization),
    }),
    specification: inspection.specification && { value: surrogate(inspection.specification.value), scheme: "oracle-fusion.inspection-plan-id" },
    characteristics: inspection.characteristics.map((c) => clean({ ...c, master: c.master && { value: surrogate(c.master.value), scheme: "oracle-fusion.characteristic-id" } })),
    decision: decision && clean({ ...decision, quantities: q && clean({ accepted: inUnit(q.accepted), rejected: inUnit(q.rejected) }) }),
  });
}

/**
 * The production orders an Oracle process work order can hold: those of a
 * discrete work order, marked as read from processWorkOrders (what the
 * dispatching production-order mapper writes back as a process work order).
 */
export function fitProcessWorkOrder(order: ProductionOrder): ProductionOrder {
  const fitted = fitWorkOrder(order);
  return { ...fitted, extensions: { ...fitted.extensions, mfgsync: { "oracle.resource": "processWorkOrders" } } };
}
