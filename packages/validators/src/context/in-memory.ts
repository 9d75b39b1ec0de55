import type { CanonicalEvent, Identifier, Inspection, Lot, Material } from "@mfgsync/canonical";
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
  /** Current lot dispositions; they win over the lots' own `disposition`. */
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

/** Identifiers match on scheme and value; the issuer is informational. Internal. */
export function identifierKey(id: Identifier): string {
  return `${id.scheme}\u0000${id.value}`;
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
  const materials = new Map<string, Material[]>();
  for (const material of data.materials ?? []) {
    const key = identifierKey(material.id);
    materials.set(key, [...(materials.get(key) ?? []), material]);
  }
  const conversions = [...(data.unitConversions ?? [])];
  const lots = new Map<string, Lot>();
  for (const lot of data.lots ?? []) lots.set(identifierKey(lot.id), lot);
  const dispositions = new Map<string, LotDispositionRecord>();
  for (const record of data.lotDispositions ?? []) dispositions.set(identifierKey(record.lot), record);
  const inspections = new Map<string, Inspection>();
  for (const inspection of data.inspections ?? []) inspections.set(identifierKey(inspection.id), inspection);
  const seen = new Set(data.seenIdempotencyKeys ?? []);
  const sequences = new Map<string, string>();
  for (const entry of data.lastSequences ?? []) {
    const key = sequenceKey(entry.source, entry.subject);
    sequences.set(key, biggerSequence(sequences.get(key), entry.sequence));
  }

  const context: InMemoryContext = {
    ...(plants ? { plants: { has: (code: string) => plants.has(code) } } : {}),
    ...(data.materials
      ? {
          materials: {
            get(id: Identifier, revision?: string) {
              const records = materials.get(identifierKey(id));
              if (!records) return undefined;
              return revision === undefined ? records[records.length - 1] : records.find((m) => m.revision === revision);
            },
          },
        }
      : {}),
    unitConversions: {
      list: (material?: Identifier) =>
        conversions.filter((c) => c.material === undefined || (material !== undefined && identifierKey(c.material) === identifierKey(material))),
    },
    lots: { get: (id: Identifier) => lots.get(identifierKey(id)) },
    lotDispositions: {
      get(lot: Identifier) {
        const key = identifierKey(lot);
        const record = dispositions.get(key);
        if (record) return record;
        const known = lots.get(key);
        if (!known) return undefined;
        return { lot: known.id, disposition: known.disposition.value, ...(known.lastChangedAt ? { changedAt: known.lastChangedAt } : {}) };
      },
    },
    inspections: {
      get: (id: Identifier) => inspections.get(identifierKey(id)),
      forLot: (lot: Identifier) => [...inspections.values()].filter((i) => i.subject.lot !== undefined && identifierKey(i.subject.lot) === identifierKey(lot)),
    },
    idempotency: { has: (key: string) => seen.has(key) },
    sequences: { last: (source: string, subject: string) => sequences.get(sequenceKey(source, subject)) },
    record(event: CanonicalEvent) {
      seen.add(event.id);
      const key = sequenceKey(event.source, event.subject);
      sequences.set(key, biggerSequence(sequences.get(key), event.sequence));
      switch (event.type) {
        case "dev.mfgsync.lot.dispositionchanged.v1":
          dispositions.set(identifierKey(event.data.lot), { lot: event.data.lot, disposition: event.data.to.value, changedAt: event.data.occurredAt });
          break;
        case "dev.mfgsync.lot.created.v1":
          lots.set(identifierKey(event.data.lot.id), event.data.lot);
          break;
        case "dev.mfgsync.inspection.requested.v1":
          inspections.set(identifierKey(event.data.inspection.id), event.data.inspection);
          break;
        case "dev.mfgsync.inspection.resultrecorded.v1": {
          const known = inspections.get(identifierKey(event.data.inspection));
          if (known) inspections.set(identifierKey(known.id), { ...known, results: [...known.results, ...event.data.results] });
          break;
        }
        case "dev.mfgsync.inspection.decisionmade.v1": {
          // An inspection first seen through its decision is remembered with what the event says.
          const known: Inspection = inspections.get(identifierKey(event.data.inspection)) ?? {
            schemaVersion: "1.0", kind: "inspection", id: event.data.inspection, subject: event.data.subject,
            origin: { value: "Other" }, characteristics: [], results: [],
          };
          inspections.set(identifierKey(known.id), { ...known, decision: event.data.decision });
          break;
        }
        default:
          break;
      }
    },
  };
  return context;
}
