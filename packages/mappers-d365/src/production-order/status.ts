import { enumMember } from "@mfgsync/mapping";

/**
 * Canonical `RequestState` per `ProductionOrderStatus` member name (enum
 * ProdStatus; member names [seen-csdl], the UI label of `Completed` is
 * "Ended" and of `CostEstimated` "Estimated" [seen-doc]). There is no
 * member 6; `"Ended"` or `"ReportedAsFinished"` are refused.
 *
 * @example
 * ```ts
 * import { D365_ORDER_STATUS_STATES } from "@mfgsync/mappers-d365";
 * D365_ORDER_STATUS_STATES.StartedUp; // "Running"
 * ```
 */
export const D365_ORDER_STATUS_STATES = {
  Created: "Forecast",
  CostEstimated: "Forecast",
  Scheduled: "Ready",
  Released: "Released",
  StartedUp: "Running",
  ReportedFinished: "Completed",
  Completed: "Closed",
} as const;

/** `ProductionOrderStatus` ↔ canonical state: a closed enum (an unknown member is refused naming the property). */
export const productionOrderStatus = enumMember({ list: "d365:ProdStatus", members: D365_ORDER_STATUS_STATES, fallback: "Other", encode: { Forecast: "Created" } });
