// Builders of valid canonical objects and events for the rule tests. Each base
// fixture passes every built-in rule with the default profile (checked in
// engine.test.ts), so a test changes one thing and looks for one finding.
import { expect } from "vitest";
import { createEvent } from "@mfgsync/canonical";
import type { CanonicalEventOf, EventInput, EventName, Identifier, Inspection, Lot, Material, Nonconformance, ProductionOrder } from "@mfgsync/canonical";
import type { Finding, ValidationReport } from "@mfgsync/validators";

export const id = (value: string, scheme = "sap-s4hana"): Identifier => ({ value, scheme });

export function material(overrides: Partial<Material> = {}): Material {
  return {
    schemaVersion: "1.0", kind: "material", id: id("FG-1000"), revision: "B",
    type: { value: "FinishedGood" }, baseUnit: "H87", lifecycleStatus: { value: "Approved" },
    ...overrides,
  };
}

export function order(overrides: Partial<ProductionOrder> = {}): ProductionOrder {
  return {
    schemaVersion: "1.0", kind: "production-order", id: id("1000123"),
    material: { id: id("FG-1000"), revision: "B" }, plant: "1010",
    plannedQuantity: { value: "100", unit: "H87" },
    plannedStart: "2026-03-02", plannedEnd: "2026-03-04",
    state: { value: "Released", originalCode: "REL" },
    operations: [
      { sequence: "0010", state: { value: "Released" }, plannedStart: "2026-03-02T06:30:00+01:00", plannedEnd: "2026-03-02T14:30:00+01:00", plannedQuantity: { value: "100", unit: "H87" } },
      { sequence: "0020", state: { value: "Released" }, plannedStart: "2026-03-02T14:30:00+01:00", plannedEnd: "2026-03-03T10:00:00+01:00" },
    ],
    components: [
      { item: "0010", material: { id: id("RM-200") }, requiredQuantity: { value: "25", unit: "KGM" }, materialUse: { value: "Consumed" } },
    ],
    ...overrides,
  };
}

export function lot(overrides: Partial<Lot> = {}): Lot {
  return {
    schemaVersion: "1.0", kind: "lot", id: id("0000012345"),
    material: { id: id("FG-1000") }, plant: "1010",
    quantity: { value: "100", unit: "H87" },
    manufacturedAt: "2026-03-03", expiresOn: "2028-03-03",
    disposition: { value: "UnRestricted" },
    ...overrides,
  };
}

export function inspection(overrides: Partial<Inspection> = {}): Inspection {
  return {
    schemaVersion: "1.0", kind: "inspection", id: id("890000000123"),
    subject: { lot: id("0000012345"), material: { id: id("FG-1000") }, plant: "1010" },
    origin: { value: "Final" },
    characteristics: [
      { id: "0010", description: "Bore diameter", kind: "Quantitative", required: true, target: "12", lowerLimit: "11.98", upperLimit: "12.02", unit: "MMT" },
      { id: "0020", description: "Surface", kind: "Qualitative", required: true },
      { id: "0030", description: "Weight", kind: "Quantitative", required: false, lowerLimit: "1.9", upperLimit: "2.1", unit: "KGM" },
    ],
    results: [
      { characteristic: "0010", measured: { value: "12.01", unit: "MMT" }, evaluation: { value: "Pass" } },
      { characteristic: "0020", attributeCode: { code: "OK" }, evaluation: { value: "Pass" } },
    ],
    decision: { outcome: { value: "Accepted" }, resultingDisposition: "UnRestricted" },
    ...overrides,
  };
}

export function nonconformance(overrides: Partial<Nonconformance> = {}): Nonconformance {
  return {
    schemaVersion: "1.0", kind: "nonconformance", id: id("NC-2026-0042", "qms"),
    type: { value: "Product" }, severity: { value: "Major" }, source: { value: "Internal" }, status: { value: "Open" },
    description: "Bore diameter above upper limit",
    affected: [{ lot: id("0000012345"), quantity: { value: "12", unit: "H87" } }],
    defects: [], containmentActions: [],
    openedAt: "2026-03-02T09:12:00+01:00",
    ...overrides,
  };
}

type Envelope = Partial<Omit<EventInput<EventName>, "data">>;

/** A valid event; `subject` defaults to the business key the data is about. */
export function event<N extends EventName>(name: N, data: EventInput<N>["data"], envelope: Envelope = {}): CanonicalEventOf<N> {
  return createEvent(name, {
    source: "urn:mfgsync:mes:line-3", subject: "0000012345", time: "2026-03-03T10:00:00Z", sequence: 1, correlationId: "test",
    ...envelope, data,
  } as EventInput<N>);
}

export const consumed = (overrides: Record<string, unknown> = {}, envelope: Envelope = {}) =>
  event("material-consumed", {
    order: id("1000123"), material: { id: id("RM-200") }, lot: id("0000008801"),
    quantity: { value: "25", unit: "KGM" }, materialUse: "Consumed", occurredAt: "2026-03-03T10:00:00Z", ...overrides,
  } as EventInput<"material-consumed">["data"], { subject: "1000123", ...envelope });

export const dispositionChanged = (overrides: Record<string, unknown> = {}, envelope: Envelope = {}) =>
  event("lot-disposition-changed", {
    lot: id("0000012345"), change: "Hold", from: { value: "UnRestricted" }, to: { value: "Restricted" }, occurredAt: "2026-03-03T10:00:00Z", ...overrides,
  } as EventInput<"lot-disposition-changed">["data"], envelope);

/** Findings of one rule. */
export function of(report: ValidationReport, ruleId: string): Finding[] {
  return report.findings.filter((f) => f.ruleId === ruleId);
}

/** Asserts the rule found nothing (and shows all findings when it did). */
export function expectNone(report: ValidationReport, ruleId: string): void {
  expect(of(report, ruleId), JSON.stringify(report.findings, null, 2)).toEqual([]);
}

/** Asserts the rule reported exactly these paths, and returns its findings. */
export function expectPaths(report: ValidationReport, ruleId: string, paths: string[]): Finding[] {
  const found = of(report, ruleId);
  expect(found.map((f) => f.path), JSON.stringify(report.findings, null, 2)).toEqual(paths);
  return found;
}
