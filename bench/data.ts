import type { Inspection, Lot, ProductionOrder } from "@mfgsync/canonical";

/** Small deterministic PRNG (mulberry32) so every run measures the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const WORK_CENTERS = ["MILL-01", "LATHE-02", "DRILL-03", "WASH-01", "ASSY-04", "PACK-01", "QC-01"];
const SCHEME = "sap-s4hana";

function day(base: number, offsetDays: number): string {
  return new Date(base + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A realistic canonical production order: 4-8 operations, 5-10 components,
 * dates, quantities, extensions. Sizes follow the SAP sandbox samples.
 */
export function makeOrder(i: number, random = rng(i + 1)): ProductionOrder {
  const opCount = 4 + Math.floor(random() * 5);
  const compCount = 5 + Math.floor(random() * 6);
  const start = Date.UTC(2026, 0, 5) + Math.floor(random() * 300) * 86_400_000;
  const qty = String(10 + Math.floor(random() * 990));
  return {
    schemaVersion: "1.0",
    kind: "production-order",
    id: { value: String(1_000_000 + i), scheme: SCHEME, issuer: "S4P-100" },
    orderType: { value: "Production", originalCode: "PP01", originalList: "sap:ManufacturingOrderType" },
    material: { id: { value: `FG-${pad(i % 500, 4)}`, scheme: SCHEME } },
    plant: "1010",
    plannedQuantity: { value: qty, unit: "H87" },
    confirmedYield: { value: "0", unit: "H87" },
    confirmedScrap: { value: "0", unit: "H87" },
    plannedStart: day(start, 0),
    plannedEnd: day(start, 5),
    scheduledStart: `${day(start, 0)}T06:00:00Z`,
    scheduledEnd: `${day(start, 4)}T22:00:00Z`,
    state: { value: "Released", originalCode: "REL PRC", originalList: "sap:system-status" },
    operations: Array.from({ length: opCount }, (_, k) => ({
      sequence: pad((k + 1) * 10, 4),
      description: `Operation ${k + 1}`,
      workCenter: WORK_CENTERS[k % WORK_CENTERS.length]!,
      plant: "1010",
      state: { value: k === 0 ? "Running" : "Released", originalCode: k === 0 ? "PCNF" : "REL" },
      plannedStart: `${day(start, k * 0.5)}T06:00:00Z`,
      plannedEnd: `${day(start, k * 0.5 + 0.5)}T14:00:00Z`,
      plannedQuantity: { value: qty, unit: "H87" },
    })),
    components: Array.from({ length: compCount }, (_, k) => ({
      item: pad((k + 1) * 10, 4),
      material: { id: { value: `RM-${pad((i * 7 + k) % 900, 4)}`, scheme: SCHEME } },
      requiredQuantity: { value: (random() * 100).toFixed(3).replace(/\.?0+$/, "") || "1", unit: k % 3 === 0 ? "KGM" : "H87" },
      materialUse: { value: "Consumed" },
      issuingOperation: pad(((k % opCount) + 1) * 10, 4),
      storageLocation: "0001",
      backflush: k % 2 === 0,
    })),
    extensions: { sap: { MRPController: "001", ProductionSupervisor: "PS1", OrderIsMarkedForDeletion: false } },
  };
}

/** A batch as the canonical lot. */
export function makeLot(i: number): Lot {
  return {
    schemaVersion: "1.0",
    kind: "lot",
    id: { value: pad(i, 10), scheme: SCHEME },
    material: { id: { value: `FG-${pad(i % 500, 4)}`, scheme: SCHEME } },
    plant: "1010",
    manufacturedAt: "2026-03-02",
    expiresOn: "2028-03-02",
    disposition: { value: i % 10 === 0 ? "Restricted" : "UnRestricted" },
  };
}

/** An inspection lot with 6 characteristics and results. */
export function makeInspection(i: number): Inspection {
  const chars = Array.from({ length: 6 }, (_, k) => ({
    id: pad((k + 1) * 10, 4),
    description: `Dimension ${k + 1}`,
    kind: "Quantitative" as const,
    required: true,
    target: "12.00",
    lowerLimit: "11.98",
    upperLimit: "12.02",
    unit: "MMT",
  }));
  return {
    schemaVersion: "1.0",
    kind: "inspection",
    id: { value: String(890_000_000_000 + i), scheme: SCHEME },
    subject: { lot: { value: pad(i, 10), scheme: SCHEME }, plant: "1010" },
    origin: { value: "Final", originalCode: "04" },
    characteristics: chars,
    results: chars.map((c, k) => ({ characteristic: c.id, measured: { value: `12.0${k % 2}`, unit: "MMT" }, evaluation: { value: "Pass" as const, originalCode: "A" } })),
  };
}
