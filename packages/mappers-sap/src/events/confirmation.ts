import type { CanonicalEvent, Issue, MaterialUse } from "@mfgsync/canonical";
import { safeCreateEvent } from "@mfgsync/canonical";
import type { MapResult, MappingContext } from "@mfgsync/mapping";
import { compileDecoder, instantFromWallClock, lossNormalizers, odataV2Profile } from "@mfgsync/mapping";
import { SAP_CONTEXT_DEFAULTS, SAP_SCHEME } from "../context.js";
import type { WireResult } from "@mfgsync/mapping";
import { unwrapODataV2 } from "@mfgsync/mapping";
import type { DecodedConfirmation, DecodedMovement } from "./confirmation-declaration.js";
import { confirmationDeclaration } from "./confirmation-declaration.js";

const decoder = compileDecoder<DecodedConfirmation>(confirmationDeclaration, SAP_CONTEXT_DEFAULTS, odataV2Profile);

/**
 * Options of the confirmation event builder.
 *
 * @example
 * ```ts
 * import type { ConfirmationEventOptions } from "@mfgsync/mappers-sap";
 * const options: ConfirmationEventOptions = { source: "urn:mfgsync:sap-s4hana:S4P-100" };
 * ```
 */
export interface ConfirmationEventOptions {
  /** CloudEvents `source` of the events; default `urn:mfgsync:sap-s4hana`, plus `:<issuer>` when the context names one. */
  readonly source?: string;
  /** Correlation id; default `sap-confirmation:<group>/<count>`, shared by a confirmation and its goods movements. */
  readonly correlationId?: string;
  /** Per-order sequence number of the events; default the confirmation counter (which counts within the confirmation group). */
  readonly sequence?: number;
  /**
   * For a cancellation (`IsReversal`): the `ConfirmationCount` of the confirmation it cancels, in the same
   * confirmation group. API_PROD_ORDER_CONFIRMATION_2_SRV does not say which one a cancellation cancels, so
   * the caller names it (it called `CancelProdnOrdConf` with it), or {@link decodeConfirmationEventsWire}
   * pairs it within the payload.
   */
  readonly reverses?: string;
}

const isZero = (q: { value: string } | undefined) => q === undefined || /^0*(\.0*)?$/.test(q.value);

/** Canonical use of a goods movement type: [event, use, reversal] [INFERRED beyond 261 and 101]. */
const MOVEMENTS: Readonly<Record<string, readonly [name: "material-consumed" | "material-produced", use: MaterialUse, reversal: boolean]>> = {
  "261": ["material-consumed", "Consumed", false],
  "262": ["material-consumed", "Consumed", true],
  "101": ["material-produced", "Produced", false],
  "102": ["material-produced", "Produced", true],
  "531": ["material-produced", "By-product Produced", false],
  "532": ["material-produced", "By-product Produced", true],
};

function occurredAt(c: DecodedConfirmation, zone: string): string | undefined {
  if (c.executedAt !== undefined) return c.executedAt;
  if (c.postingDate === undefined) return undefined;
  const [y, m, d] = c.postingDate.split("-").map(Number);
  const instant = instantFromWallClock(zone, Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return lossNormalizers.localDateTime(new Date(instant).toISOString(), zone, { midnightIsDate: false }) as string;
}

/**
 * Turns one SAP production order confirmation (API_PROD_ORDER_CONFIRMATION_2_SRV
 * `ProdnOrdConf2`, with its goods movements expanded in
 * `to_ProdnOrdConfMatlDocItm`) into canonical events: one
 * `production-confirmed` (for a cancellation, `IsReversal`, one
 * `production-confirmation-reversed` naming the cancelled confirmation when
 * `options.reverses` gives its counter, else none, with a warning),
 * then one `material-consumed` per 261/262 movement and one
 * `material-produced` per 101/102 (531/532 by-product) movement: the
 * genealogy facts linking consumed and produced batches through the order.
 * Event ids are idempotency keys over the confirmation and material document.
 *
 * @example
 * ```ts
 * import { decodeConfirmationEvents } from "@mfgsync/mappers-sap";
 * const r = decodeConfirmationEvents({ ConfirmationGroup: "207", ConfirmationCount: "1", OrderID: "2000022", ConfirmationYieldQuantity: "10", ConfirmationUnit: "PC", PostingDate: "/Date(1474416000000)/" });
 * if (r.ok) r.value.map((e) => e.type); // ["dev.mfgsync.production.confirmed.v1"]
 * ```
 */
export function decodeConfirmationEvents(input: unknown, context?: MappingContext, options: ConfirmationEventOptions = {}, basePath = ""): MapResult<CanonicalEvent[]> {
  const decoded = decoder.decode(input, context, { basePath });
  if (!decoded.ok) return decoded;
  const c = decoded.value.value;
  const warnings: Issue[] = [...decoded.warnings];
  const issuer = context?.identifiers?.issuer;
  const source = options.source ?? `urn:mfgsync:${SAP_SCHEME}${issuer ? `:${issuer}` : ""}`;
  const zone = context?.plantTimeZones?.[c.plant ?? ""] ?? context?.defaultTimeZone ?? "UTC";
  const time = occurredAt(c, zone);
  if (time === undefined) return { ok: false, issues: [{ path: `${basePath}/PostingDate`, code: "field.required", message: "a confirmation needs an execution end or a posting date" }], warnings };
  const base = {
    source, subject: c.order.value, time,
    sequence: options.sequence ?? Math.max(1, Number(c.confirmation.value.split("/")[1]) || 1),
    correlationId: options.correlationId ?? `sap-confirmation:${c.confirmation.value}`,
  };
  const events: CanonicalEvent[] = [];
  const issues: Issue[] = [];
  const add = (result: ReturnType<typeof safeCreateEvent>, path: string) => {
    if (result.ok) events.push(result.value as CanonicalEvent);
    else for (const issue of result.issues) issues.push({ ...issue, path: path + issue.path, message: `event: ${issue.message}` });
  };
  if (c.reversal === true) {
    if (options.reverses === undefined || options.reverses === "") {
      warnings.push({
        path: `${basePath}/IsReversal`, code: "event.skipped",
        message: "a cancellation confirmation does not say which confirmation it cancels: no production-confirmation-reversed event (name it with the reverses option, or decode the confirmation group with decodeConfirmationEventsWire); its goods movements are emitted as reversals",
      });
    } else {
      // The reversed confirmation is in the same group: its id is the group part of this one's and the named counter.
      const group = c.confirmation.value.slice(0, c.confirmation.value.lastIndexOf("/"));
      const reversed = { ...c.confirmation, value: `${group}/${options.reverses.replace(/~/g, "~0").replace(/\//g, "~1")}` };
      add(safeCreateEvent("production-confirmation-reversed", {
        ...base, revision: c.confirmation.value,
        data: {
          order: c.order, confirmation: reversed, reversal: c.confirmation, occurredAt: time,
          ...(c.operation ? { operation: c.operation } : {}),
          ...(isZero(c.yield) ? {} : { yield: c.yield }),
          ...(isZero(c.scrap) ? {} : { scrap: c.scrap }),
          ...(isZero(c.rework) ? {} : { rework: c.rework }),
          ...(c.plant ? { plant: c.plant } : {}),
        },
      }), basePath);
    }
  } else {
    add(safeCreateEvent("production-confirmed", {
      ...base, revision: c.confirmation.value,
      data: {
        order: c.order, confirmation: c.confirmation, yield: c.yield, final: c.final === true, occurredAt: time,
        ...(c.operation ? { operation: c.operation } : {}),
        ...(c.scrap && !/^0*(\.0*)?$/.test(c.scrap.value) ? { scrap: c.scrap } : {}),
        ...(c.rework && !/^0*(\.0*)?$/.test(c.rework.value) ? { rework: c.rework } : {}),
        ...(c.workCenter ? { workCenter: c.workCenter } : {}),
        ...(c.plant ? { plant: c.plant } : {}),
      },
    }), basePath);
  }
  (c.movements ?? []).forEach((m: DecodedMovement, i) => {
    const path = `${basePath}/to_ProdnOrdConfMatlDocItm/results/${i}`;
    const kind = m.movementType !== undefined && Object.prototype.hasOwnProperty.call(MOVEMENTS, m.movementType) ? MOVEMENTS[m.movementType] : undefined;
    if (kind === undefined) {
      warnings.push({ path: `${path}/GoodsMovementType`, code: "event.skipped", message: `goods movement type ${m.movementType ?? "(none)"} is neither a consumption nor a receipt for the order` });
      return;
    }
    const [name, use, reversal] = kind;
    add(safeCreateEvent(name, {
      ...base, revision: m.movement.value,
      data: {
        order: c.order, material: m.material, quantity: m.quantity, materialUse: use, movement: m.movement, occurredAt: time,
        ...(m.movementType ? { movementType: m.movementType } : {}),
        ...(reversal ? { reversal: true } : {}),
        ...(c.operation ? { operation: c.operation } : {}),
        ...(m.lot ? { lot: m.lot } : {}),
        ...(m.plant ? { plant: m.plant } : {}),
        ...(m.storageLocation ? { storageLocation: m.storageLocation } : {}),
      },
    }), path);
  });
  if (issues.length > 0) return { ok: false, issues: issues as [Issue, ...Issue[]], warnings };
  return { ok: true, value: events, warnings };
}

/**
 * {@link decodeConfirmationEvents} for a whole OData V2 payload (envelope,
 * collection or bare entity): one result (a list of events) per confirmation.
 * A cancellation (`IsReversal`) is paired with the confirmation it cancels
 * when the payload holds exactly one candidate: same group and order, marked
 * `IsReversed`, a lower counter and the same quantities [INFERRED]; it then
 * gives a `production-confirmation-reversed` event naming it.
 *
 * @example
 * ```ts
 * import { decodeConfirmationEventsWire } from "@mfgsync/mappers-sap";
 * const r = decodeConfirmationEventsWire('{"d":{"results":[]}}');
 * if (r.ok) r.results.length; // 0
 * ```
 */
export function decodeConfirmationEventsWire(payload: unknown, context?: MappingContext, options: ConfirmationEventOptions = {}): WireResult<CanonicalEvent[]> {
  const unwrapped = unwrapODataV2(payload);
  if (!unwrapped.ok) return unwrapped;
  const reverses = pairCancellations(unwrapped.entities.map((e) => e.value));
  return {
    ok: true, collection: unwrapped.collection,
    results: unwrapped.entities.map(({ value, path }, i) => {
      const counter = reverses.get(i);
      return decodeConfirmationEvents(value, context, counter === undefined ? options : { ...options, reverses: counter }, path);
    }),
  };
}

const text = (record: Record<string, unknown>, key: string) => (typeof record[key] === "string" ? (record[key] as string) : undefined);
/** A decimal text without insignificant zeros, so that "10" and "10.000" compare equal. */
const amount = (record: Record<string, unknown>, key: string) => text(record, key)?.replace(/^0+(?=\d)/, "").replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");

/**
 * Pairs each cancellation (`IsReversal`) of a payload with the confirmation it
 * cancels: the one confirmation of the same group and order, marked
 * `IsReversed`, with a lower counter and the same yield, scrap, rework and unit,
 * not paired yet [INFERRED: SAP's cancellation record repeats the cancelled
 * quantities; the API does not expose the cancelled counter]. Cancellations
 * with no or several candidates stay unpaired.
 */
function pairCancellations(records: readonly unknown[]): Map<number, string> {
  const out = new Map<number, string>();
  const rows = records.map((r) => (typeof r === "object" && r !== null && !Array.isArray(r) ? (r as Record<string, unknown>) : undefined));
  const counter = (r: Record<string, unknown>) => {
    const c = text(r, "ConfirmationCount");
    return c !== undefined && /^\d+$/.test(c) ? Number(c) : undefined;
  };
  const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    ["ConfirmationGroup", "OrderID", "ConfirmationUnit"].every((k) => text(a, k) === text(b, k)) &&
    ["ConfirmationYieldQuantity", "ConfirmationScrapQuantity", "ConfirmationReworkQuantity"].every((k) => amount(a, k) === amount(b, k));
  const taken = new Set<number>();
  const cancellations = rows.flatMap((r, i) => (r?.["IsReversal"] === true && counter(r) !== undefined ? [i] : [])).sort((a, b) => counter(rows[a]!)! - counter(rows[b]!)!);
  for (const i of cancellations) {
    const cancel = rows[i]!;
    const candidates = rows.flatMap((r, j) => (r !== undefined && j !== i && !taken.has(j) && r["IsReversed"] === true && r["IsReversal"] !== true && (counter(r) ?? Infinity) < counter(cancel)! && same(r, cancel) ? [j] : []));
    if (candidates.length !== 1) continue;
    const j = candidates[0]!;
    taken.add(j);
    out.set(i, text(rows[j]!, "ConfirmationCount")!);
  }
  return out;
}

