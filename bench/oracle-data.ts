// Generated Oracle REST work orders for `pnpm bench` (pipelineVsFloorOracle):
// synthetic payloads in the shape the notes describe (framework v3 items
// collections, int64 ids, decimals, local offsets, nulls), built from an index
// so that every payload differs.
import { floorOf, pipelineOf } from "./pipeline.js";
import { workOrderMapper } from "@mfgsync/mappers-oracle";
import type { Comparison } from "./harness.js";

/** One Oracle work order collection (one order with operations and materials) as REST JSON text. */
export function makeOracleWorkOrderText(i: number): string {
  const id = 300100211400000 + i * 17;
  const operations = Array.from({ length: 3 }, (_, k) => `{"WorkOrderOperationId":${id + 100 + k},"OperationSequenceNumber":${(k + 1) * 10},"OperationName":"Op ${k + 1}","OperationDescription":null,`
    + `"WorkCenterId":300100045200${500 + k},"WorkCenterCode":"WC-${k}","CountPointOperationFlag":true,"AutoTransactFlag":false,`
    + `"PlannedStartDate":"2026-12-0${1 + k}T0${6 + k}:30:00-06:00","PlannedCompletionDate":"2026-12-0${2 + k}T07:30:00-06:00","ReadyQuantity":${i + 10}.50,"CompletedQuantity":0,`
    + `"WorkOrderOperationMaterial":{"items":[`
    + Array.from({ length: 2 }, (_, m) => `{"WorkOrderOperationMaterialId":${id + 200 + k * 10 + m},"MaterialSequenceNumber":${(m + 1) * 10},"InventoryItemId":${300100187700000 + m},"ItemNumber":"RM-${k}-${m}",`
      + `"UOMCode":"Kg","Quantity":${i + m}.250,"ExtendedQuantity":${i + m}.250,"IssuedQuantity":0,"SupplySubinventory":"RM01","RequiredDate":null,"IncludeInPlanningFlag":true,`
      + `"links":[{"rel":"self","href":"https://pod.example/x/${id}/${k}/${m}","name":"WorkOrderOperationMaterial","kind":"item"}]}`).join(",")
    + `],"count":2,"hasMore":false,"limit":25,"offset":0}}`).join(",");
  return `{"items":[{"WorkOrderId":${id},"WorkOrderNumber":"WO-${i}","WorkOrderDescription":null,"OrganizationId":300100045200117,"OrganizationCode":"MX1",`
    + `"WorkOrderType":"STANDARD","InventoryItemId":${300100187700412 + i},"ItemNumber":"FG-${i % 7}","Description":"Product ${i % 7}","PlannedStartQuantity":${i + 100}.50,`
    + `"CompletedQuantity":0,"ScrappedQuantity":null,"UOMCode":"Ea","UnitOfMeasure":"Each","PlannedStartDate":"2026-12-01T06:30:00-06:00","PlannedCompletionDate":"2026-12-05T17:00:00-06:00",`
    + `"ActualStartDate":null,"ActualCompletionDate":null,"WorkOrderStatusCode":"ORA_RELEASED","WorkOrderSystemStatusCode":"RELEASED","FirmPlannedFlag":false,"ExplosionFlag":true,`
    + `"LastUpdateDate":"2026-12-01T12:00:00+00:00","WorkOrderOperation":{"items":[${operations}],"count":3,"hasMore":false,"limit":25,"offset":0},`
    + `"links":[{"rel":"self","href":"https://pod.example/fscmRestApi/resources/11.13.18.05/workOrders/${id}","name":"workOrders","kind":"item"}]}],"count":1,"hasMore":false,"limit":25,"offset":0}`;
}

/** Oracle REST text → parse → decode → canonical schema check → JSON text, against JSON.parse + JSON.stringify of the same text. */
export function oraclePipelineComparison(count: number): Comparison {
  const texts = Array.from({ length: count }, (_, i) => makeOracleWorkOrderText(i));
  const pipeline = pipelineOf(texts, workOrderMapper, undefined, "Oracle");
  const floor = floorOf(texts);

  return {
    key: "pipelineVsFloorOracle",
    description: "Oracle REST work order JSON text → parse → decode → canonical schema check → JSON text, against JSON.parse + JSON.stringify of the same text",
    target: 2.5,
    subject: { name: "mfgsync pipeline (Oracle)", fn: pipeline, batch: texts.length },
    reference: { name: "JSON.parse + JSON.stringify", fn: floor, batch: texts.length },
    verify: () => {
      pipeline();
    },
  };
}
