// The SAP production order decode written as one JSONata expression, the
// way integration teams write transforms in low-code tools. It produces the
// same canonical object as `productionOrderMapper.decode` (bench.test.ts
// keeps them deep-equal). JSONata has no IANA time zones, so the local
// date + time → timestamp step is the one JavaScript helper it calls
// (`$localDateTime`, the same function the hand-written decoder uses).
import jsonata from "jsonata";
import { SCHEMA_VERSION } from "@mfgsync/canonical";
import {
  SAP_INTERNAL_UNITS_OUT, SAP_ISO_UNITS_OUT, SAP_ORDER_STATUS_PRECEDENCE, SAP_ORDER_STATUS_STATES, SAP_SYSTEM_STATUS_CODES, SAP_UNITS_IN, SAP_UNITS_OUT,
} from "@mfgsync/mappers-sap";
import type { HandwrittenContext } from "./handwritten/decode.js";
import { OPERATION_FLAGS, ORDER_FLAGS } from "./handwritten/decode.js";
import { localDateTime } from "./handwritten/time.js";

const EXPRESSION = `(
  $order := $;
  $id := function($v) { $v != "" ? ($issuer ? {"value": $v, "scheme": "sap-s4hana", "issuer": $issuer} : {"value": $v, "scheme": "sap-s4hana"}) };
  $text := function($v) { $v != "" ? $v };
  $zoneOf := function($plant) { ($z := $lookup($zones, $plant); $z ? $z : "UTC") };
  $qty := function($v, $u) { $exists($v) and $exists($u) ? {"value": $v, "unit": $u} };
  $carry := function($r, $mapped) { $sift($r, function($v, $k) { $not($k in $mapped) and $not($exists($v.__deferred)) and $not($v = null) }) };
  $nulls := function($r, $mapped) {( $n := [$keys($sift($r, function($v, $k) { $not($k in $mapped) and $v = null }))]; $count($n) > 0 ? {"nulls": $n} )};
  $unit := function($r, $p) {(
    $c := $lookup($r, $p); $i := $lookup($r, $p & "ISOCode"); $s := $lookup($r, $p & "SAPCode");
    $rec := ($x := $lookup($UNITS_IN, $i); $x ? $x : ($y := $lookup($UNITS_IN, $s); $y ? $y : $lookup($UNITS_IN, $c)));
    $oc := ($o := $lookup($UNITS_OUT, $rec); $o ? $o : $rec);
    $oi := ($o := $lookup($ISO_OUT, $rec); $o ? $o : $rec);
    $os := ($o := $lookup($INTERNAL_OUT, $rec); $o ? $o : "");
    {"rec20": $rec, "kept": $merge([$c != $oc ? {$p: $c}, $i != $oi ? {$p & "ISOCode": $i}, $s != $os ? {$p & "SAPCode": $s}])}
  )};
  $state := function($r, $flags, $list, $set) {(
    $active := $append($flags[$lookup($r, flag) = "X"].code, $set.results[IsUserStatus != true].$lookup($STATUS_CODES, StatusCode));
    $winner := $PRECEDENCE[$ in $active][0];
    $winner
      ? {"value": $lookup($STATES, $winner), "originalCode": $winner, "originalList": $list}
      : {"value": "Other", "originalList": $list}
  )};
  $flagsOf := function($r, $flags) { $sift($r, function($v, $k) { $k in $flags.flag }) };
  $parentDiffs := function($r, $keys) { $merge($keys.($lookup($r, $) != $lookup($order, $) ? {$: $lookup($r, $)})) };
  $operation := function($o) {(
    $plant := $o.ProductionPlant;
    $zone := $zoneOf($plant);
    $u := $unit($o, "OperationUnit");
    {
      "value": {
        "sequence": $o.ManufacturingOrderOperation,
        "description": $text($o.MfgOrderOperationText),
        "workCenter": $text($o.WorkCenter),
        "plant": $plant != $order.ProductionPlant ? $plant,
        "state": $state($o, $OPERATION_FLAGS, "sap:operation-status"),
        "plannedStart": $localDateTime($o.OpErlstSchedldExecStrtDte, $o.OpErlstSchedldExecStrtTme, $zone),
        "plannedEnd": $localDateTime($o.OpErlstSchedldExecEndDte, $o.OpErlstSchedldExecEndTme, $zone),
        "actualStart": $localDateTime($o.OpActualExecutionStartDate, $o.OpActualExecutionStartTime, $zone),
        "actualEnd": $localDateTime($o.OpActualExecutionEndDate, $o.OpActualExecutionEndTime, $zone),
        "plannedQuantity": $qty($o.OpPlannedTotalQuantity, $u.rec20),
        "confirmedYield": $qty($o.OpTotalConfirmedYieldQty, $u.rec20)
      },
      "kept": $merge([
        $carry($o, $OPERATION_MAPPED), $u.kept, $flagsOf($o, $OPERATION_FLAGS),
        $parentDiffs($o, ["ManufacturingOrder", "ManufacturingOrderCategory", "ManufacturingOrderType"])
      ]),
      "state": $merge([$nulls($o, $OPERATION_MAPPED), {"key": $o.ManufacturingOrderOperation}])
    }
  )};
  $component := function($c) {(
    $u := $unit($c, "BaseUnit");
    $mv := $c.GoodsMovementType;
    $plant := $c.Plant;
    {
      "value": {
        "item": $text($c.ReservationItem),
        "material": {"id": $id($c.Material)},
        "requiredQuantity": $qty($c.RequiredQuantity, $u.rec20),
        "withdrawnQuantity": $qty($c.WithdrawnQuantity, $u.rec20),
        "materialUse": $mv = ""
          ? {"value": "Consumed"}
          : {"value": ($m := $lookup($MOVEMENTS, $mv); $m ? $m : "Other"), "originalCode": $mv, "originalList": "sap:GoodsMovementType"},
        "lot": $id($c.Batch),
        "issuingOperation": $text($c.ManufacturingOrderOperation),
        "plant": ($plant != "" and $plant != $order.ProductionPlant) ? $plant,
        "storageLocation": $text($c.StorageLocation),
        "backflush": $c.MatlCompIsMarkedForBackflush
      },
      "kept": $merge([
        $carry($c, $COMPONENT_MAPPED), $u.kept,
        $parentDiffs($c, ["ManufacturingOrder", "ManufacturingOrderCategory", "ManufacturingOrderType", "ProductionPlant"]),
        $mv = "" ? {"GoodsMovementType": ""}
      ]),
      "state": $merge([{}, $nulls($c, $COMPONENT_MAPPED), $text($c.ReservationItem) ? {"key": $c.ReservationItem}])
    }
  )};
  $zone := $zoneOf(ProductionPlant);
  $u := $unit($order, "ProductionUnit");
  $ops := [to_ProductionOrderOperation.results.$operation($)];
  $comps := [to_ProductionOrderComponent.results.$component($)];
  $stamp := LastChangeDateTime;
  {
    "schemaVersion": $SCHEMA_VERSION,
    "kind": "production-order",
    "id": $id(ManufacturingOrder),
    "lastChangedAt": $text($stamp) ? $substring($stamp, 0, 4) & "-" & $substring($stamp, 4, 2) & "-" & $substring($stamp, 6, 2) & "T" & $substring($stamp, 8, 2) & ":" & $substring($stamp, 10, 2) & ":" & $substring($stamp, 12, 2) & "Z",
    "orderType": ManufacturingOrderType != "" ? {"value": "Production", "originalCode": ManufacturingOrderType, "originalList": "sap:ManufacturingOrderType"},
    "material": {"id": $id(Material)},
    "plant": ProductionPlant,
    "plannedQuantity": $qty(TotalQuantity, $u.rec20),
    "confirmedYield": $qty(MfgOrderConfirmedYieldQty, $u.rec20),
    "plannedStart": $localDateTime(MfgOrderPlannedStartDate, MfgOrderPlannedStartTime, $zone),
    "plannedEnd": $localDateTime(MfgOrderPlannedEndDate, MfgOrderPlannedEndTime, $zone),
    "scheduledStart": $localDateTime(MfgOrderScheduledStartDate, MfgOrderScheduledStartTime, $zone),
    "scheduledEnd": $localDateTime(MfgOrderScheduledEndDate, MfgOrderScheduledEndTime, $zone),
    "state": $state($order, $ORDER_FLAGS, "sap:order-status", to_ProductionOrderStatus),
    "operations": [$ops.value],
    "components": [$comps.value],
    "extensions": {"sap": $merge([
      $carry($order, $ORDER_MAPPED), $u.kept, $flagsOf($order, $ORDER_FLAGS),
      {"to_ProductionOrderStatus": {"results": [to_ProductionOrderStatus.results.$sift(function($v, $k) { $k != "__metadata" })]}},
      {"to_ProductionOrderOperation": [$ops.kept]},
      {"to_ProductionOrderComponent": [$comps.kept]}
    ]), "mfgsync": {"sap": $merge([
      $nulls($order, $ORDER_MAPPED),
      {"children": {"to_ProductionOrderOperation": [$ops.state], "to_ProductionOrderComponent": [$comps.state]}}
    ])}}
  }
)`;

const flagList = (flags: readonly (readonly [string, string])[]) => flags.map(([flag, code]) => ({ flag, code }));

const TABLES = {
  UNITS_IN: SAP_UNITS_IN, UNITS_OUT: SAP_UNITS_OUT, ISO_OUT: SAP_ISO_UNITS_OUT, INTERNAL_OUT: SAP_INTERNAL_UNITS_OUT,
  STATUS_CODES: SAP_SYSTEM_STATUS_CODES, STATES: SAP_ORDER_STATUS_STATES, PRECEDENCE: SAP_ORDER_STATUS_PRECEDENCE,
  MOVEMENTS: { "261": "Consumed", "531": "By-product Produced", "101": "Co-product Produced" },
  ORDER_FLAGS: flagList(ORDER_FLAGS), OPERATION_FLAGS: flagList(OPERATION_FLAGS),
  ORDER_MAPPED: [
    "__metadata", "ManufacturingOrder", "LastChangeDateTime", "ManufacturingOrderType", "Material", "ProductionPlant", "TotalQuantity", "ProductionUnit",
    "ProductionUnitISOCode", "ProductionUnitSAPCode", "MfgOrderConfirmedYieldQty", "MfgOrderPlannedStartDate", "MfgOrderPlannedStartTime",
    "MfgOrderPlannedEndDate", "MfgOrderPlannedEndTime", "MfgOrderScheduledStartDate", "MfgOrderScheduledStartTime", "MfgOrderScheduledEndDate",
    "MfgOrderScheduledEndTime", "to_ProductionOrderStatus", "to_ProductionOrderOperation", "to_ProductionOrderComponent", ...ORDER_FLAGS.map(([f]) => f),
  ],
  OPERATION_MAPPED: [
    "__metadata", "ManufacturingOrderOperation", "MfgOrderOperationText", "WorkCenter", "ProductionPlant", "OpErlstSchedldExecStrtDte", "OpErlstSchedldExecStrtTme",
    "OpErlstSchedldExecEndDte", "OpErlstSchedldExecEndTme", "OpActualExecutionStartDate", "OpActualExecutionStartTime", "OpActualExecutionEndDate",
    "OpActualExecutionEndTime", "OpPlannedTotalQuantity", "OperationUnit", "OperationUnitISOCode", "OperationUnitSAPCode", "OpTotalConfirmedYieldQty",
    "ManufacturingOrder", "ManufacturingOrderCategory", "ManufacturingOrderType", ...OPERATION_FLAGS.map(([f]) => f),
  ],
  COMPONENT_MAPPED: [
    "__metadata", "ReservationItem", "Material", "RequiredQuantity", "BaseUnit", "BaseUnitISOCode", "BaseUnitSAPCode", "WithdrawnQuantity", "GoodsMovementType",
    "Batch", "ManufacturingOrderOperation", "Plant", "StorageLocation", "MatlCompIsMarkedForBackflush", "ManufacturingOrder", "ManufacturingOrderCategory",
    "ManufacturingOrderType", "ProductionPlant",
  ],
};

/** Compiles the expression once; the returned function evaluates it for one SAP order. */
export function jsonataOrderDecoder(ctx: HandwrittenContext): (order: unknown) => Promise<Record<string, unknown>> {
  const expression = jsonata(EXPRESSION);
  const bindings = { ...TABLES, SCHEMA_VERSION, issuer: ctx.identifiers.issuer, zones: ctx.plantTimeZones, localDateTime };
  return async (order) => (await expression.evaluate(order, bindings)) as Record<string, unknown>;
}
