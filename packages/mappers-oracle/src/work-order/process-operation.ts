import type { EntityDeclaration } from "@mfgsync/mapping";
import { child, entity, field, jsonDecimal, quantity, unitCode } from "@mfgsync/mapping";
import {
  PROCESS_WORK_ORDER_OPERATION_CATALOG, PROCESS_WORK_ORDER_OPERATION_MATERIAL_CATALOG, PROCESS_WORK_ORDER_OPERATION_OUTPUT_CATALOG,
} from "../generated/catalog.js";
import { operationFields, rowItemFields } from "./operation.js";
import { isOutputComponent, outputType } from "./output.js";

/**
 * `processWorkOrders/Operation/Material` ↔ canonical `Component` (consumed):
 * the operation's ingredients become the order's components, each
 * remembering its issuing operation. POST attributes [seen-spec]; their
 * types are inferred from the names.
 */
export const processMaterialEntity: EntityDeclaration = entity({
  entity: "Material",
  catalog: PROCESS_WORK_ORDER_OPERATION_MATERIAL_CATALOG,
  constants: { materialUse: { value: "Consumed" } },
  fields: [
    ...rowItemFields("MaterialSequenceNumber", "material sequence within the operation (a number, 10)"),
    field(["Quantity", "UOMCode"], "requiredQuantity", quantity(jsonDecimal(), unitCode()), { required: true, note: "Quantity is in the POST body of process materials [seen-spec]" }),
  ],
});

/**
 * `processWorkOrders/Operation/Output` ↔ canonical `Component` (produced):
 * the primary product, co-products and by-products of the operation (notes
 * §4) become components whose `materialUse` says which (`Produced`,
 * `Co-product Produced`, `By-product Produced`), `issuingOperation` being
 * the operation that yields them. POST attributes [seen-spec]; `OutputType`
 * is [inferred].
 */
export const processOutputEntity: EntityDeclaration = entity({
  entity: "Output",
  catalog: PROCESS_WORK_ORDER_OPERATION_OUTPUT_CATALOG,
  fields: [
    ...rowItemFields("OutputSequenceNumber", "output sequence within the operation (a number, 10)"),
    field(["OutputQuantity", "UOMCode"], "requiredQuantity", quantity(jsonDecimal(), unitCode()), { required: true, note: "the planned output quantity" }),
    field("OutputType", "materialUse", outputType(), {
      note: "BY_PRODUCT → By-product Produced, else Co-product Produced; the output of the order's primary product (InventoryItemId = PrimaryProductId, else ItemNumber) reads as Produced",
      uncertain: "OutputType on process outputs, the code BY_PRODUCT and how an output names the primary product are [inferred]",
    }),
  ],
});

const LINK = { canonical: "issuingOperation", parent: "sequence" } as const;

/**
 * `processWorkOrders/Operation` ↔ canonical `Operation`: the discrete
 * operation's field table (its attributes are [inferred] by analogy with
 * `WorkOrderOperation`). Materials and outputs are flattened into the
 * order's components: outputs are the components with a produced use,
 * materials all the others. Resources and yield values have no canonical
 * home and are kept whole in the operation's extensions.
 */
export const processOperationEntity: EntityDeclaration = entity({
  entity: "Operation",
  catalog: PROCESS_WORK_ORDER_OPERATION_CATALOG,
  fields: operationFields(),
  children: [
    child("Material", "components", processMaterialEntity, {
      match: "item",
      flatten: { into: "components", link: LINK, when: (c) => !isOutputComponent(c) },
      note: "flattened into the order's components (those with a use other than produced)",
    }),
    child("Output", "components", processOutputEntity, {
      match: "item",
      flatten: { into: "components", link: LINK, when: isOutputComponent },
      note: "flattened into the order's components (those with a produced use)",
    }),
  ],
});
