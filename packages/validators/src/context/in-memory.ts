import type { CanonicalEvent, HoldRelease, Identifier, Inspection, Lot, LotHold, Material, Reference } from "@mfgsync/canonical";
import { SCHEMA_VERSION, identifierKey as canonicalKey, identitiesOf, sameIdentifier } from "@mfgsync/canonical";
import type { LotDispositionRecord, UnitConversion, ValidationContext } from "./types.js";

/**
 * Master data for {@link createInMemoryContext}: plain arrays, as a JSON
 * `--context` file holds them.
 *
 * @example
 * ```ts
 * import type { InMemoryContextData } from "@mfgsync/validators";
 * const data: InMemoryContextData = {
 *   plants: ["1010"],
 *   lotDispositions: [{ lot: { value: "0000012345", scheme: "sap-s4hana" }, disposition: "Restricted" }],
 *   seenIdempotencyKeys: [],
 * };
 * ```
 */
export interface InMemoryContextData {
  /** Known plant codes. When given, every other plant is unknown. */
  readonly plants?: readonly string[];
  /** Material master records; list a material's revisions oldest first (the last one is its current record). */
  readonly materials?: readonly Material[];
  /** Unit conversions beyond Rec 20 and the materials' alternative units. */
  readonly unitConversions?: readonly UnitConversion[];
  /** Known lots (genealogy, quantities, and their dispositions unless `lotDispositions` says otherwise). */
  readonly lots?: readonly Lot[];
  /** Current lot dispositions (with quality status and holds); they win over the lots' own `disposition`, `qualityStatus` and `holds`. */
  readonly lotDispositions?: readonly LotDispositionRecord[];
  /** Known inspections and their decisions. */
  readonly inspections?: readonly Inspection[];
  /** Event ids already processed. */
  readonly seenIdempotencyKeys?: readonly string[];
  /** The last sequence processed per source and subject. */
  readonly lastSequences?: readonly { readonly source: string; readonly subject: string; readonly sequence: string }[];
}

/**
 * A context held in memory. Besides the stores it can `record` events that
 * were accepted, so that a batch validated in order sees its own history
 * (duplicate keys, sequences, disposition changes, new lots and inspections).
 *
 * @example
 * ```ts
 * import { createInMemoryContext } from "@mfgsync/validators";
 * import type { InMemoryContext } from "@mfgsync/validators";
 * const context: InMemoryContext = createInMemoryContext({});
 * ```
 */
export interface InMemoryContext extends ValidationContext {
  /** Remembers an accepted event: its id, its sequence, and what it says about lots and inspections. */
  record(event: CanonicalEvent): void;
}

/** Identifiers match on scheme, value and scope; the issuer is informational. Internal. */
export function identifierKey(id: Identifier): string {
  return canonicalKey(id);
}

/**
 * A map from identifiers to records that also finds a record by any of its
 * cross-references, and any record by a reference's cross-references: one
 * lot known in SAP, the MES and the QMS is found from any of its ids.
 */
class IdentityIndex<T> {
  private readonly byKey = new Map<string, T>();
  /** Stores `value` under its own id and its cross-references (earlier entries for those ids are replaced). */
  set(ids: readonly Identifier[], value: T): void {
    for (const id of ids) this.byKey.set(identifierKey(id), value);
  }
  get(ref: Identifier | Reference): T | undefined {
    for (const id of identitiesOf(ref)) {
      const found = this.byKey.get(identifierKey(id));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  values(): T[] {
    return [...new Set(this.byKey.values())];
  }
}

/** A reference's own identifier, without its cross-references (what an object's `id` holds). */
function ownIdentifier(ref: Reference): Identifier {
  const { crossReferences: _crossReferences, ...id } = ref;
  return id;
}

const ownIds = (object: { id: Identifier; crossReferences?: readonly Identifier[] | undefined }): Identifier[] => [object.id, ...(object.crossReferences ?? [])];

/** The holds after a change: releases apply to the holds active before it, then placements. */
function applyHolds(current: readonly LotHold[], released: readonly HoldRelease[] | undefined, placed: readonly LotHold[] | undefined): LotHold[] {
  let holds = [...current];
  for (const release of released ?? []) {
    holds = release.hold === undefined ? [] : holds.filter((h) => h.id === undefined || !sameIdentifier(h.id, release.hold!));
  }
  for (const hold of placed ?? []) {
    holds = hold.id === undefined ? [...holds, hold] : [...holds.filter((h) => h.id === undefined || !sameIdentifier(h.id, hold.id!)), hold];
  }
  return holds;
}

function sequenceKey(source: string, subject: string): string {
  return `${source}\u0000${subject}`;
}

function biggerSequence(a: string | undefined, b: string): string {
  if (a === undefined) return b;
  return BigInt(b) > BigInt(a) ? b : a;
}

/**
 * Builds a synchronous in-memory {@link ValidationContext} from plain data.
 * Plants and materials become stores only when given (an absent list means
 * "not checked", an empty list "nothing is known"); the other stores always
 * exist and start with what `data` holds.
 *
 * @example
 * ```ts
 * import { createInMemoryContext, validate } from "@mfgsync/validators";
 * const context = createInMemoryContext({
 *   plants: ["1010", "1020"],
 *   lotDispositions: [{ lot: { value: "0000012345", scheme: "sap-s4hana" }, disposition: "Restricted" }],
 * });
 * const report = validate("material-consumed", JSON.parse("{}"), { context });
 * ```
 */
export function createInMemoryContext(data: InMemoryContextData = {}): InMemoryContext {
  const plants = data.plants ? new Set(data.plants) : undefined;
  const materials = new IdentityIndex<Material[]>();
  for (const material of data.materials ?? []) materials.set(ownIds(material), [...(materials.get(material.id) ?? []), material]);
  const conversions = [...(data.unitConversions ?? [])];
  const lots = new IdentityIndex<Lot>();
  for (const lot of data.lots ?? []) lots.set(ownIds(lot), lot);
  const dispositions = new IdentityIndex<LotDispositionRecord>();
  for (const record of data.lotDispositions ?? []) dispositions.set(identitiesOf(record.lot), record);
  const inspections = new IdentityIndex<Inspection>();
  for (const inspection of data.inspections ?? []) inspections.set(ownIds(inspection), inspection);
  const seen = new Set(data.seenIdempotencyKeys ?? []);
  const sequences = new Map<string, string>();
  for (const entry of data.lastSequences ?? []) {
    const key = sequenceKey(entry.source, entry.subject);
    sequences.set(key, biggerSequence(sequences.get(key), entry.sequence));
  }
  const dispositionOf = (lot: Identifier): LotDispositionRecord | undefined => {
    const record = dispositions.get(lot);
    if (record) return record;
    const known = lots.get(lot);
    if (!known) return undefined;
    return {
      lot: known.id, disposition: known.disposition.value,
      ...(known.lastChangedAt ? { changedAt: known.lastChangedAt } : {}),
      ...(known.qualityStatus ? { qualityStatus: known.qualityStatus.value } : {}),
      ...(known.holds ? { holds: known.holds } : {}),
    };
  };
  const matches = (a: Identifier | undefined, b: Identifier) => a !== undefined && identitiesOf(a).some((x) => identitiesOf(b).some((y) => sameIdentifier(x, y)));

  const context: InMemoryContext = {
    ...(plants ? { plants: { has: (code: string) => plants.has(code) } } : {}),
    ...(data.materials
      ? {
          materials: {
            get(id: Identifier, revision?: string) {
              const records = materials.get(id);
              if (!records) return undefined;
              return revision === undefined ? records[records.length - 1] : records.find((m) => m.revision === revision);
            },
          },
        }
      : {}),
    unitConversions: {
      list: (material?: Identifier) =>
        conversions.filter((c) => c.material === undefined || (material !== undefined && matches(c.material, material))),
    },
    lots: { get: (id: Identifier) => lots.get(id) },
    lotDispositions: { get: dispositionOf },
    inspections: {
      get: (id: Identifier) => inspections.get(id),
      forLot: (lot: Identifier) => inspections.values().filter((i) => matches(i.subject.lot, lot)),
    },
    idempotency: { has: (key: string) => seen.has(key) },
    sequences: { last: (source: string, subject: string) => sequences.get(sequenceKey(source, subject)) },
    record(event: CanonicalEvent) {
      seen.add(event.id);
      const key = sequenceKey(event.source, event.subject);
      sequences.set(key, biggerSequence(sequences.get(key), event.sequence));
      switch (event.type) {
        case "dev.mfgsync.lot.dispositionchanged.v1": {
          const before = dispositionOf(event.data.lot);
          const quality = event.data.qualityStatus?.value ?? before?.qualityStatus;
          dispositions.set(identitiesOf(event.data.lot), {
            lot: event.data.lot, disposition: event.data.to.value, changedAt: event.data.occurredAt,
            ...(quality ? { qualityStatus: quality } : {}),
            holds: applyHolds(before?.holds ?? [], event.data.holdsReleased, event.data.holdsPlaced),
          });
          break;
        }
        case "dev.mfgsync.lot.created.v1":
          lots.set(ownIds(event.data.lot), event.data.lot);
          break;
        case "dev.mfgsync.inspection.requested.v1":
          inspections.set(ownIds(event.data.inspection), event.data.inspection);
          break;
        case "dev.mfgsync.inspection.resultrecorded.v1": {
          const known = inspections.get(event.data.inspection);
          if (known) inspections.set(ownIds(known), { ...known, results: [...known.results, ...event.data.results] });
          break;
        }
        case "dev.mfgsync.inspection.decisionmade.v1": {
          // An inspection first seen through its decision is remembered with what the event says.
          const known: Inspection = inspections.get(event.data.inspection) ?? {
            schemaVersion: SCHEMA_VERSION, kind: "inspection", id: ownIdentifier(event.data.inspection),
            ...(event.data.inspection.crossReferences ? { crossReferences: event.data.inspection.crossReferences } : {}), subject: event.data.subject,
            origin: { value: "Other" }, characteristics: [], results: [],
            ...(event.data.inspectedQuantity ? { inspectedQuantity: event.data.inspectedQuantity } : {}),
          };
          inspections.set(ownIds(known), { ...known, decision: event.data.decision });
          break;
        }
        default:
          break;
      }
    },
  };
  return context;
}
