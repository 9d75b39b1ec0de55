import type { Disposition, HoldBlock, HoldReason, HoldSource, LotHold, QualityStatus } from "@mfgsync/canonical";
import { HoldBlock as HoldBlocks, HoldReason as HoldReasons, HoldSource as HoldSources, QualityStatus as QualityStatuses } from "@mfgsync/canonical";
import type { Converter, DecodeScope, EncodeScope } from "@mfgsync/mapping";
import { MAPPING_CODES } from "@mfgsync/mapping";

/**
 * The code list of SAP batch statuses, and the key of the tenant code table
 * (`codeTables["sap:batch-status"]`) that says what a batch status means in
 * one tenant.
 *
 * @example
 * ```ts
 * import { BATCH_STATUS_LIST } from "@mfgsync/mappers-sap";
 * const context = { codeTables: { [BATCH_STATUS_LIST]: { restricted: "AwaitingInspection" } } };
 * ```
 */
export const BATCH_STATUS_LIST = "sap:batch-status";

/** The batch status codes of the table: SAP batch status management knows restricted and unrestricted batches. */
const RESTRICTED = "restricted";
const UNRESTRICTED = "unrestricted";

/**
 * What a batch status means in a tenant, as an entry of
 * `codeTables["sap:batch-status"]`: a quality status, or an object with a
 * quality status and the hold a restricted batch stands for.
 *
 * @example
 * ```ts
 * import type { BatchStatusMeaning } from "@mfgsync/mappers-sap";
 * const quarantine: BatchStatusMeaning = { qualityStatus: "Quarantined", hold: { reason: "Investigation", source: "Manual", blocks: ["All"] } };
 * ```
 */
export type BatchStatusMeaning = QualityStatus | {
  readonly qualityStatus?: QualityStatus;
  /** Only for `restricted`: the hold the restricted status stands for. */
  readonly hold?: { readonly reason: HoldReason; readonly source: HoldSource; readonly blocks: readonly HoldBlock[] };
};

/**
 * The canonical facts {@link batchStatus} reads from the two batch flags.
 *
 * @example
 * ```ts
 * import type { BatchStatus } from "@mfgsync/mappers-sap";
 * const restricted: BatchStatus = {
 *   disposition: { value: "Restricted", originalCode: "MatlBatchIsInRstrcdUseStock", originalList: "sap:batch-status" },
 *   qualityStatus: { value: "Other", originalCode: "restricted", originalList: "sap:batch-status" },
 * };
 * ```
 */
export interface BatchStatus {
  /** Closed, Restricted or UnRestricted; the deciding flag as `originalCode`. */
  disposition: { value: Disposition; originalCode?: string; originalList?: string };
  /** The tenant's quality status of the batch status (`originalCode` `restricted` or `unrestricted`). */
  qualityStatus?: { value: QualityStatus; originalCode?: string; originalList?: string };
  /** The hold a restricted batch stands for in the tenant, if its table names one. */
  holds?: LotHold[];
}

interface Meaning {
  readonly qualityStatus?: QualityStatus;
  readonly hold?: { readonly reason: HoldReason; readonly source: HoldSource; readonly blocks: readonly HoldBlock[] };
}

/** Statuses that say the lot may not be used: an unrestricted (free) batch cannot have them (validators: lot/rejected-not-unrestricted). */
const NOT_FREE: ReadonlySet<string> = new Set(["Rejected", "OnHold", "Quarantined"]);

const isIn = (options: readonly string[], v: unknown): boolean => typeof v === "string" && options.includes(v);

/** The tenant's meaning of a batch status, or a message saying why the table entry is not one. */
function meaningOf(entry: unknown, code: string): Meaning | string {
  const where = `codeTables["${BATCH_STATUS_LIST}"].${code}`;
  if (entry === undefined) return code === RESTRICTED ? { qualityStatus: "Other" } : {};
  const m = typeof entry === "string" ? { qualityStatus: entry } : entry;
  if (typeof m !== "object" || m === null || Array.isArray(m)) return `${where} must be a quality status or { qualityStatus, hold }`;
  const { qualityStatus, hold, ...rest } = m as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `${where} has unknown keys (${Object.keys(rest).join(", ")}); known: qualityStatus, hold`;
  if (qualityStatus !== undefined && !isIn(QualityStatuses.options, qualityStatus)) return `${where}.qualityStatus "${String(qualityStatus)}" is not one of ${QualityStatuses.options.join(", ")}`;
  if (code === UNRESTRICTED && typeof qualityStatus === "string" && NOT_FREE.has(qualityStatus)) return `${where}.qualityStatus "${qualityStatus}" contradicts an unrestricted (free) batch`;
  if (hold === undefined) return qualityStatus === undefined ? {} : { qualityStatus: qualityStatus as QualityStatus };
  if (code !== RESTRICTED) return `${where}.hold: only a restricted batch stands for a hold`;
  const h = hold as Record<string, unknown> | null;
  if (typeof h !== "object" || h === null || Array.isArray(h)) return `${where}.hold must be { reason, source, blocks }`;
  if (!isIn(HoldReasons.options, h["reason"])) return `${where}.hold.reason must be one of ${HoldReasons.options.join(", ")}`;
  if (!isIn(HoldSources.options, h["source"])) return `${where}.hold.source must be one of ${HoldSources.options.join(", ")}`;
  const blocks = h["blocks"];
  if (!Array.isArray(blocks) || blocks.length === 0 || blocks.length > 6 || !blocks.every((b) => isIn(HoldBlocks.options, b)) || new Set(blocks).size !== blocks.length) {
    return `${where}.hold.blocks must be a non-empty list of distinct ${HoldBlocks.options.join(", ")}`;
  }
  return {
    ...(qualityStatus === undefined ? {} : { qualityStatus: qualityStatus as QualityStatus }),
    hold: { reason: h["reason"] as HoldReason, source: h["source"] as HoldSource, blocks: blocks as HoldBlock[] },
  };
}

function meaningIn(scope: DecodeScope | EncodeScope, code: string): Meaning | string {
  return meaningOf(scope.context.codeTable(BATCH_STATUS_LIST)?.get(code), code);
}

/** What SAP reads for a batch status: the canonical quality status and holds (without disposition). */
function factsOf(meaning: Meaning, code: string): Omit<BatchStatus, "disposition"> {
  const out: Omit<BatchStatus, "disposition"> = {};
  if (meaning.qualityStatus !== undefined) out.qualityStatus = { value: meaning.qualityStatus, originalCode: code, originalList: BATCH_STATUS_LIST };
  if (meaning.hold !== undefined) {
    out.holds = [{
      reason: { value: meaning.hold.reason, originalCode: code, originalList: BATCH_STATUS_LIST },
      source: { value: meaning.hold.source },
      blocks: [...meaning.hold.blocks],
    }];
  }
  return out;
}

/**
 * The batch's status from its two flags (notes section 6): marked for
 * deletion → `Closed`, restricted-use stock → `Restricted`, otherwise
 * `UnRestricted`; the deciding flag is kept as the disposition's
 * `originalCode`.
 *
 * What a restricted batch means is the tenant's choice: batch status
 * management restricts new batches until QM releases them, a usage decision
 * may restrict a rejected batch, and users restrict batches by hand
 * (quarantine, investigation). A restricted batch is therefore not read as a
 * QM hold. Without a tenant table it reads as quality status `Other` with
 * `originalCode` `"restricted"` and no hold; `codeTables["sap:batch-status"]`
 * (`restricted`, `unrestricted`: a {@link BatchStatusMeaning}) gives the
 * tenant's quality status and, for `restricted`, the hold it stands for.
 * SAP keeps no hold id, no placing user or time and no reason code on a batch.
 * Quality-inspection and blocked stock are stock types of the batch quantity
 * (API_MATERIAL_STOCK_SRV), not batch attributes, and are not read
 * [INFERRED]. A deleted batch reads as `Closed` only.
 *
 * Encoding writes the flags from the disposition. A lot with holds or a
 * quality status that refuses use (Rejected, OnHold, Quarantined) is
 * refused as `UnRestricted`; a quality status or holds the batch status does
 * not give back are not kept, with a warning.
 *
 * @example
 * ```ts
 * import { batchStatus } from "@mfgsync/mappers-sap";
 * batchStatus().arity; // 2
 * ```
 */
export function batchStatus(): Converter<readonly unknown[], BatchStatus> {
  return {
    kind: "batch flags + tenant batch status table",
    description: `BatchIsMarkedForDeletion → Closed, else MatlBatchIsInRstrcdUseStock → Restricted, else UnRestricted; quality status and hold of "restricted"/"unrestricted" from codeTables["${BATCH_STATUS_LIST}"] (restricted without a table: quality status Other, no hold)`,
    arity: 2,
    decode(values, scope, props) {
      const [deleted, restricted] = values;
      for (let i = 0; i < 2; i++) {
        const v = values[i];
        if (v !== undefined && v !== null && typeof v !== "boolean") return scope.issue(props[i] ?? "", "type.invalid", "expected true or false");
      }
      if (deleted === true) return { disposition: { value: "Closed", originalCode: props[0] ?? "", originalList: BATCH_STATUS_LIST } };
      const code = restricted === true ? RESTRICTED : UNRESTRICTED;
      const meaning = meaningIn(scope, code);
      if (typeof meaning === "string") return scope.issue(props[1] ?? "", MAPPING_CODES.invalidCodeTable, `context ${meaning}`);
      const disposition: BatchStatus["disposition"] = restricted === true
        ? { value: "Restricted", originalCode: props[1] ?? "", originalList: BATCH_STATUS_LIST }
        : { value: "UnRestricted", originalList: BATCH_STATUS_LIST };
      return { disposition, ...factsOf(meaning, code) };
    },
    encode(value, scope, pointer) {
      const disposition = value?.disposition?.value;
      const flags = disposition === "Closed" ? [true, false] : disposition === "Restricted" ? [false, true] : disposition === "UnRestricted" ? [false, false] : undefined;
      if (flags === undefined) {
        return scope.issue(pointer + "/disposition/value", MAPPING_CODES.noVendorCode, `an SAP batch cannot be "${String(disposition)}": it is unrestricted, restricted or marked for deletion`);
      }
      const holds = value?.holds ?? [];
      const quality = value?.qualityStatus?.value;
      if (disposition === "UnRestricted") {
        if (holds.length > 0) return scope.issue(pointer + "/holds", "value.invalid", "an SAP batch under a hold is restricted: an UnRestricted lot cannot carry holds");
        if (quality !== undefined && NOT_FREE.has(quality)) return scope.issue(pointer + "/qualityStatus/value", "value.invalid", `a lot with quality status ${quality} cannot be written as an unrestricted SAP batch`);
      }
      if (disposition !== "Closed") {
        const meaning = meaningIn(scope, disposition === "Restricted" ? RESTRICTED : UNRESTRICTED);
        const facts = typeof meaning === "string" ? {} : factsOf(meaning, disposition === "Restricted" ? RESTRICTED : UNRESTRICTED);
        if (quality !== undefined && quality !== facts.qualityStatus?.value) {
          scope.warn(pointer + "/qualityStatus", MAPPING_CODES.carried, `SAP keeps no quality status: a ${disposition === "Restricted" ? RESTRICTED : UNRESTRICTED} batch reads back as ${facts.qualityStatus?.value ?? "none"}, not ${quality}`);
        }
        if (holds.length > 0 && !sameHolds(holds, facts.holds)) {
          scope.warn(pointer + "/holds", MAPPING_CODES.carried, `SAP keeps no hold records: the restricted batch reads back ${facts.holds === undefined ? "without holds" : "with the tenant's one hold"} (set codeTables["${BATCH_STATUS_LIST}"].restricted.hold)`);
        }
      } else if (holds.length > 0 || quality !== undefined) {
        scope.warn(pointer + "/disposition", MAPPING_CODES.carried, "a batch marked for deletion keeps no quality status or holds");
      }
      return flags;
    },
  };
}

/** Whether the lot's holds are the one hold the batch status gives back (ids, times, people and notes are not kept). */
function sameHolds(holds: readonly LotHold[], read: readonly LotHold[] | undefined): boolean {
  if (read === undefined || holds.length !== 1) return false;
  const [a, b] = [holds[0]!, read[0]!];
  return a.reason.value === b.reason.value && a.source.value === b.source.value && a.blocks.length === b.blocks.length && a.blocks.every((x) => b.blocks.includes(x));
}
