import type { EntityDeclaration } from "@mfgsync/mapping";
import { D365_NO_DATE } from "../context.js";
import { dateAndSecondsOfDay, entity, field, fixed, sameAsParent, text } from "@mfgsync/mapping";
import { ProductionOrderRouteOperations_CATALOG } from "../generated/catalog.js";
import { operationNumber, operationProgress } from "./converters.js";

/**
 * `ProductionOrderRouteOperations` (expanded as
 * `ProdutionOrderRouteOperations`, sic) ↔ canonical `Operation`. Only the
 * `Primary` row of an operation number becomes the operation; its secondary
 * rows (`Secondary1`, …, parallel resources) share the `OperationNumber` and
 * are kept whole with it (see the child's `group`).
 */
export const routeOperationEntity: EntityDeclaration = entity({
  entity: "ProductionOrderRouteOperations",
  catalog: ProductionOrderRouteOperations_CATALOG,
  scope: { vendor: "dataAreaId", type: "company", caseInsensitive: true },
  fields: [
    field("OperationNumber", "sequence", operationNumber(), { required: true, note: "Int32, as digits" }),
    field("OperationPriority", null, fixed("Primary"), { note: "the canonical operation is the Primary row; Secondary1… rows are kept with it" }),
    field("OperationId", "description", text(), { note: "the operation master id (Operations.OperationId); the operation's name is on Operations, not on this entity" }),
    field("CostingOperationResourceId", "workCenter", text(), { note: "the costing resource" }),
    field(["IsOperationStarted", "IsOperationCompleted"], "state", operationProgress(), { carryAlways: true, uncertain: "the route entity has no status of its own; the state is derived from the NoYes progress flags [inferred]" }),
    field(["ScheduledFromDate", "ScheduledFromTime"], "plannedStart", dateAndSecondsOfDay({ noDate: D365_NO_DATE }), { note: "scheduled start, seconds after midnight in the site's zone", uncertain: "seconds semantics [inferred]" }),
    field(["ScheduledEndDate", "ScheduledEndTime"], "plannedEnd", dateAndSecondsOfDay({ noDate: D365_NO_DATE }), { note: "scheduled end" }),
    field("ProductionOrderNumber", null, sameAsParent("ProductionOrderNumber")),
  ],
});
