import type { Converter } from "@mfgsync/mapping";
import { EMPTY } from "@mfgsync/mapping";

/**
 * The inspected material's revision level (`MaterialRevisionLevel`) as the
 * revision of the subject's material reference. It is read only when the lot
 * names its material (`materialProperty`); a revision without a material is
 * kept in extensions.
 *
 * @example
 * ```ts
 * import { materialRevision } from "@mfgsync/mappers-sap";
 * materialRevision("Material").arity; // 1
 * ```
 */
export function materialRevision(materialProperty: string): Converter<string | null | undefined, string> {
  return {
    kind: "revision of the lot's material",
    description: `revision level, read when ${materialProperty} is set; "" means none`,
    arity: 1,
    decode(value, scope, props) {
      if (value === undefined) return undefined;
      if (value !== null && typeof value !== "string") return scope.issue(props[0] ?? "", "type.invalid", "a revision level is a string");
      const material = scope.record[materialProperty];
      if (value === null || value === "" || typeof material !== "string" || material === "") {
        scope.carry(props[0] ?? "", value);
        return undefined;
      }
      return value;
    },
    // What was read and kept (null, a revision without a material) goes back through the core's kept values.
    encode: (value) => value ?? EMPTY,
  };
}
