// The canonical objects D365 can hold, for the property tests: D365
// identifiers (scheme d365-scm, the company as the order's scope), units the
// D365 unit table writes, operation numbers as integers, decimal line
// numbers, the states D365 has members for, dates after the 1900-01-01
// "no date". What D365 represents lossily is declared as known loss by the
// mappers instead.
import type { Identifier, Inspection, Lot, Material, Nonconformance, ProductionOrder } from "@mfgsync/canonical";
import { D365_SCHEME } from "@mfgsync/mappers-d365";

/** Units the property tests draw from: all in the default D365 unit tables, both ways. */
export const D365_TEST_UNITS = ["H87", "KGM", "GRM", "LTR", "MLT", "MTR", "MMT", "CMT", "MTK", "MTQ", "MIN", "HUR", "SEC", "DAY", "TNE", "LBR"];

/** Removes keys whose value is undefined. */
export function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A D365 identifier: the package's scheme, no issuer, the given company scope (or none). */
export function fitId(id: Identifier, company?: string): Identifier {
  return clean({ value: id.value, scheme: D365_SCHEME, scope: company === undefined ? undefined : { type: "company" as const, value: company } });
}

/** Optional text; empty strings become absent (D365 sends "" for none). */
export function fitOptionalText(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

/** Dates in years D365 holds after its 1900-01-01 "no date" (and before 9999). */
export function fitDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const year = Number(value.slice(0, 4));
  if (year > 1900 && year < 9999) return value;
  return "2026" + value.slice(4).replace(/^-02-29/, "-02-28");
}

/** Extensions without the d365 namespace (D365 values in extensions must have the D365 property's type; tested separately). */
export function withoutD365<T extends Record<string, unknown> | undefined>(extensions: T): T | undefined {
  if (extensions === undefined) return undefined;
  const { d365: _d365, ...rest } = extensions as Record<string, unknown>;
  return (Object.keys(rest).length > 0 ? rest : undefined) as T | undefined;
}

const ORDER_STATES = new Set(["Forecast", "Ready", "Released", "Running", "Completed", "Closed"]);
const OPERATION_STATES = new Set(["Released", "Running", "Completed"]);

/** Operation sequence as the Int32 D365 keeps ("0010" → "10"). */
const opNumber = (s: string) => String(Number(s));

/** The production orders D365 can hold. */
export function fitOrder(order: ProductionOrder): ProductionOrder {
  const company = order.id.scope?.type === "company" ? order.id.scope.value : "usmf";
  return clean({
    ...order,
    extensions: withoutD365(order.extensions),
    id: fitId(order.id, company),
    material: { id: fitId(order.material.id) },
    state: ORDER_STATES.has(order.state.value) ? order.state : { value: "Released" as const },
    scheduledStart: fitDate(order.scheduledStart), scheduledEnd: fitDate(order.scheduledEnd), plannedEnd: fitDate(order.plannedEnd),
    actualStart: fitDate(order.actualStart), actualEnd: fitDate(order.actualEnd),
    billOfMaterials: order.billOfMaterials && fitOptionalText(order.billOfMaterials.id) ? order.billOfMaterials : undefined,
    routing: order.routing && fitOptionalText(order.routing.id) ? order.routing : undefined,
    producedLot: order.producedLot && fitId(order.producedLot),
    operations: order.operations.map((op) => clean({
      ...op,
      sequence: opNumber(op.sequence),
      description: fitOptionalText(op.description),
      workCenter: fitOptionalText(op.workCenter),
      state: OPERATION_STATES.has(op.state.value) ? op.state : { value: "Released" as const },
      plannedStart: fitDate(op.plannedStart), plannedEnd: fitDate(op.plannedEnd),
    })),
    components: order.components.map((c, i) => clean({
      ...c,
      item: String(i + 1),
      material: { id: fitId(c.material.id) },
      lot: c.lot && fitId(c.lot),
      issuingOperation: c.issuingOperation === undefined || Number(c.issuingOperation) === 0 || Number(c.issuingOperation) > 2147483647 ? undefined : opNumber(c.issuingOperation),
      storageLocation: fitOptionalText(c.storageLocation),
    })),
  });
}

/** The materials D365 can hold: lifecycle Approved or one of the test context's codes. */
export function fitMaterial(material: Material, lifecycleCodes: Readonly<Record<string, string>>): Material {
  const meanings = new Set(Object.values(lifecycleCodes));
  return clean({
    ...material,
    extensions: withoutD365(material.extensions),
    id: fitId(material.id, material.id.scope?.type === "company" ? material.id.scope.value : "usmf"),
    group: fitOptionalText(material.group),
    lifecycleStatus: material.lifecycleStatus.value === "Approved" || meanings.has(material.lifecycleStatus.value) ? material.lifecycleStatus : { value: "Approved" as const },
  });
}

/** What the test context's disposition codes (and the defaults) mean, as canonical lot fields. */
export type LotMeaning = Pick<Lot, "disposition" | "qualityStatus" | "holds">;

/** The lots D365 can hold: dates after 1900, a country D365 writes, disposition fields one of the known codes mean. */
export function fitLot(lot: Lot, meanings: readonly LotMeaning[]): Lot {
  const pick = meanings[lot.id.value.length % meanings.length] ?? { disposition: { value: "UnRestricted" as const } };
  return clean({
    ...lot,
    extensions: withoutD365(lot.extensions),
    id: fitId(lot.id, lot.id.scope?.type === "company" ? lot.id.scope.value : "usmf"),
    material: { id: fitId(lot.material.id) },
    manufacturedAt: fitDate(lot.manufacturedAt), expiresOn: fitDate(lot.expiresOn), retestOn: fitDate(lot.retestOn),
    supplierLot: fitOptionalText(lot.supplierLot),
    countryOfOrigin: lot.countryOfOrigin !== undefined && alpha3(lot.countryOfOrigin) ? lot.countryOfOrigin : undefined,
    disposition: pick.disposition, qualityStatus: pick.qualityStatus, holds: pick.holds,
  });
}

const ASSIGNED = new Set("AD AE AF AG AI AL AM AO AR AT AU BE BR CA CH CN DE DK ES FI FR GB IE IN IT JP MX NL NO PL PT SE US ZA".split(" "));
/** A few assigned alpha-2 codes the property tests may keep (others become absent). */
function alpha3(code: string): boolean {
  return ASSIGNED.has(code);
}

const ORIGINS = new Set(["Receiving", "Final", "InProcess"]);

/** The inspections D365 can hold: the origins with a reference type, pass/fail decisions, results keyed "<sequence>-<line>". */
export function fitInspection(inspection: Inspection): Inspection {
  const subject = inspection.subject;
  const operation = subject.operation === undefined || Number(subject.operation) === 0 || Number(subject.operation) > 2147483647 ? undefined : String(Number(subject.operation));
  const outcome = inspection.decision?.outcome.value;
  return clean({
    ...inspection,
    extensions: withoutD365(inspection.extensions),
    id: fitId(inspection.id, inspection.id.scope?.type === "company" ? inspection.id.scope.value : "usmf"),
    origin: ORIGINS.has(inspection.origin.value) ? inspection.origin : { value: "Final" as const },
    status: { value: inspection.decision === undefined ? ("InProgress" as const) : ("Decided" as const) },
    specification: inspection.specification && fitId(inspection.specification),
    subject: clean({
      ...subject,
      material: subject.material && { id: fitId(subject.material.id) },
      lot: subject.lot && fitId(subject.lot),
      order: subject.order && fitId(subject.order),
      operation,
      plant: fitOptionalText(subject.plant),
    }),
    decision: inspection.decision === undefined ? undefined : clean({
      ...inspection.decision,
      outcome: outcome === "Other" ? { value: "Accepted" as const } : inspection.decision.outcome,
      decidedAt: inspection.decision.decidedAt === undefined ? undefined : fitDate(inspection.decision.decidedAt),
    }),
    results: inspection.results.map((r, i) => clean({ ...r, sample: `${i + 1}-1`, attributeCode: r.attributeCode && { code: r.attributeCode.code } })),
  });
}

const SOURCE_TYPES: Readonly<Record<string, readonly string[]>> = { Internal: ["Product", "Process"], Customer: ["Product"], Supplier: ["Material"] };

/** The nonconformances D365 can hold: one item, a source and type a nonconformance type means, dates after 1900. */
export function fitNonconformance(nc: Nonconformance): Nonconformance {
  const source = Object.prototype.hasOwnProperty.call(SOURCE_TYPES, nc.source.value) ? nc.source : { value: "Internal" as const };
  const types = SOURCE_TYPES[source.value] ?? ["Product"];
  const first = nc.affected[0];
  const item = first === undefined ? undefined : clean({ material: first.material && { id: fitId(first.material.id) }, quantity: first.quantity, order: first.order && fitId(first.order) });
  return clean({
    ...nc,
    extensions: withoutD365(nc.extensions),
    id: fitId(nc.id, nc.id.scope?.type === "company" ? nc.id.scope.value : "usmf"),
    source,
    type: types.includes(nc.type.value) ? nc.type : { value: (types[0] ?? "Product") as Nonconformance["type"]["value"] },
    approval: nc.approval === undefined ? undefined : { ...nc.approval, state: nc.approval.state.value === "Other" ? { value: "Pending" as const } : nc.approval.state },
    affected: item === undefined || (item.material === undefined && item.quantity === undefined && item.order === undefined) ? [] : [item],
    defects: nc.defects.slice(0, 1),
    openedAt: fitDate(nc.openedAt) ?? nc.openedAt,
  });
}
