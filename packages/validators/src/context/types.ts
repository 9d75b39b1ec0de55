import type { Disposition, Identifier, Inspection, Lot, LotHold, Material, QualityStatus } from "@mfgsync/canonical";

// The interfaces rules read master data through. All synchronous: a caller
// with an asynchronous store loads what one validation needs first (or keeps
// a warm cache), which keeps every rule a plain function.

/**
 * Known plant (site) codes.
 *
 * @example
 * ```ts
 * import type { PlantDirectory } from "@mfgsync/validators";
 * const plants: PlantDirectory = { has: (code) => code === "1010" };
 * ```
 */
export interface PlantDirectory {
  /** Whether the plant code exists in the target system. */
  has(code: string): boolean;
}

/**
 * Material master records, possibly several revisions per material.
 *
 * @example
 * ```ts
 * import type { Material } from "@mfgsync/canonical";
 * import type { MaterialDirectory } from "@mfgsync/validators";
 * const records = new Map<string, Material>();
 * import { identifierKey } from "@mfgsync/canonical";
 * const materials: MaterialDirectory = { get: (id, revision) => records.get(`${identifierKey(id)}|${revision ?? ""}`) };
 * ```
 */
export interface MaterialDirectory {
  /**
   * The material record for `id` at `revision`; without `revision`, the
   * material's current record. Undefined when unknown. Identifiers match on
   * `scheme`, `value` and `scope`.
   */
  get(id: Identifier, revision?: string): Material | undefined;
}

/**
 * A unit conversion kept outside the material master (D365 keeps product
 * unit conversions as their own entity): one `from` equals
 * `numerator / denominator` `to`. Without `material` it holds for every
 * material.
 *
 * @example
 * ```ts
 * import type { UnitConversion } from "@mfgsync/validators";
 * // for this material (a liquid), one litre weighs 1.2 kg
 * const c: UnitConversion = { from: "LTR", to: "KGM", numerator: "1.2", denominator: "1", material: { value: "RM-200", scheme: "sap-s4hana" } };
 * ```
 */
export interface UnitConversion {
  /** Unit converted from (Rec 20). */
  readonly from: string;
  /** Unit converted to (Rec 20). */
  readonly to: string;
  /** `to` units in `denominator` `from` units, as a decimal string. */
  readonly numerator: string;
  /** `from` units that equal `numerator` `to` units; never zero. */
  readonly denominator: string;
  /** The material the conversion is specific to. */
  readonly material?: Identifier;
}

/**
 * Unit conversions beyond Rec 20 and the materials' own alternative units.
 *
 * @example
 * ```ts
 * import type { UnitConversionStore } from "@mfgsync/validators";
 * const conversions: UnitConversionStore = { list: () => [] };
 * ```
 */
export interface UnitConversionStore {
  /** Conversions that hold for `material` (global ones and those specific to it). */
  list(material?: Identifier): readonly UnitConversion[];
}

/**
 * Lots as the target system knows them (genealogy, quantities, holds).
 * Identifiers match as `sameIdentifier` says (scheme, value and scope); an
 * in-memory directory also finds a lot by any of its cross-references.
 *
 * @example
 * ```ts
 * import type { LotDirectory } from "@mfgsync/validators";
 * const lots: LotDirectory = { get: () => undefined };
 * ```
 */
export interface LotDirectory {
  /** The lot, or undefined when unknown. */
  get(id: Identifier): Lot | undefined;
}

/**
 * A lot's current disposition as the target system knows it.
 *
 * @example
 * ```ts
 * import type { LotDispositionRecord } from "@mfgsync/validators";
 * const record: LotDispositionRecord = {
 *   lot: { value: "0000012345", scheme: "sap-s4hana" }, disposition: "Restricted", changedAt: "2026-03-02T10:00:00Z",
 *   qualityStatus: "OnHold", holds: [{ reason: { value: "Investigation" }, source: { value: "Manual" }, blocks: ["Shipment"] }],
 * };
 * ```
 */
export interface LotDispositionRecord {
  /** The lot. */
  readonly lot: Identifier;
  /** Its current disposition. */
  readonly disposition: Disposition;
  /** When it took that disposition (RFC 3339), when known. */
  readonly changedAt?: string;
  /** Its current quality status, when known. Since 1.1. */
  readonly qualityStatus?: QualityStatus;
  /** Its active holds, when known (`lot/hold-blocks`). Since 1.1. */
  readonly holds?: readonly LotHold[];
}

/**
 * Current lot dispositions, quality statuses and active holds.
 *
 * @example
 * ```ts
 * import type { LotDispositionStore } from "@mfgsync/validators";
 * const store: LotDispositionStore = { get: () => undefined };
 * ```
 */
export interface LotDispositionStore {
  /** The lot's current disposition (with quality status and holds when known), or undefined when unknown. */
  get(lot: Identifier): LotDispositionRecord | undefined;
}

/**
 * Inspections and their decisions.
 *
 * @example
 * ```ts
 * import type { InspectionDirectory } from "@mfgsync/validators";
 * const inspections: InspectionDirectory = { get: () => undefined, forLot: () => [] };
 * ```
 */
export interface InspectionDirectory {
  /** The inspection with this id, or undefined when unknown. */
  get(id: Identifier): Inspection | undefined;
  /** Every known inspection whose subject is this lot. */
  forLot(lot: Identifier): readonly Inspection[];
}

/**
 * Idempotency keys (event ids) already processed.
 *
 * @example
 * ```ts
 * import type { IdempotencyStore } from "@mfgsync/validators";
 * const seen = new Set<string>();
 * const store: IdempotencyStore = { has: (key) => seen.has(key) };
 * ```
 */
export interface IdempotencyStore {
  /** Whether an event with this id was already processed. */
  has(key: string): boolean;
}

/**
 * The last event sequence processed per source and subject.
 *
 * @example
 * ```ts
 * import type { SequenceStore } from "@mfgsync/validators";
 * const store: SequenceStore = { last: () => undefined };
 * ```
 */
export interface SequenceStore {
  /** The highest `sequence` processed for this source and subject (decimal integer string), or undefined. */
  last(source: string, subject: string): string | undefined;
}

/**
 * Master data the context-dependent rules read. Every store is optional: a
 * rule whose store is missing checks only what the subject itself says (often
 * nothing). Each rule's metadata lists the stores it reads.
 *
 * @example
 * ```ts
 * import { createInMemoryContext, validate } from "@mfgsync/validators";
 * import type { ValidationContext } from "@mfgsync/validators";
 * const context: ValidationContext = createInMemoryContext({ plants: ["1010"] });
 * validate("lot", JSON.parse("{}"), { context });
 * ```
 */
export interface ValidationContext {
  /** Known plant codes (`plant/known`). */
  readonly plants?: PlantDirectory;
  /** Material master (`material/*`, unit conversions with the materials' alternative units). */
  readonly materials?: MaterialDirectory;
  /** Unit conversions beyond Rec 20 and the material master. */
  readonly unitConversions?: UnitConversionStore;
  /** Known lots (`lot/genealogy-*`). */
  readonly lots?: LotDirectory;
  /** Current lot dispositions, quality statuses and holds (`lot/*`, `nonconformance/lots-restricted`, `event/disposition-order`). */
  readonly lotDispositions?: LotDispositionStore;
  /** Inspections and decisions (`inspection/*` on events, `lot/release-needs-acceptance`). */
  readonly inspections?: InspectionDirectory;
  /** Processed event ids (`event/duplicate`). */
  readonly idempotency?: IdempotencyStore;
  /** Last processed sequences (`event/sequence`). */
  readonly sequences?: SequenceStore;
}
