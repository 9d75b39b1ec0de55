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
}

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
 * `production-confirmed` (none for a reversal confirmation, with a warning),
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
    warnings.push({ path: `${basePath}/IsReversal`, code: "event.skipped", message: "a reversal confirmation has no production-confirmed event; its goods movements are emitted as reversals" });
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
  return { ok: true, collection: unwrapped.collection, results: unwrapped.entities.map(({ value, path }) => decodeConfirmationEvents(value, context, options, path)) };
}

