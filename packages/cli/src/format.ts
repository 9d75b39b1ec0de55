import type { Issue, Result } from "@mfgsync/canonical";
import { parseWireJson } from "@mfgsync/mapping";

/** Renders issues as aligned text lines. Internal. */
export function formatIssues(issues: readonly Issue[], indent = "  "): string {
  // A loop, not Math.max(...): 200,000 issues would overflow the call stack as arguments.
  let width = 1;
  for (const issue of issues) width = Math.max(width, (issue.path || "/").length);
  width = Math.min(48, width);
  let out = "";
  for (const i of issues) out += `${indent}${(i.path || "/").padEnd(width)}  ${i.code.padEnd(18)}  ${i.message}\n`;
  return out;
}

const POSITION = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/;

/**
 * Parses JSON text losslessly (the mapping core's wire parser: duplicate keys
 * refused naming the key, number tokens a double would change kept exactly)
 * into a value, or a single `json.invalid` issue that says where the syntax
 * breaks (line and column). Internal.
 */
export function parseJson(text: string): Result<unknown> {
  if (text.trim() === "") return { ok: false, issues: [{ path: "", code: "json.invalid", message: "not valid JSON: the input is empty" }] };
  const wire = parseWireJson(text);
  if (wire.ok) return { ok: true, value: wire.value };
  if (wire.issues[0]?.code !== "json.invalid") return wire;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = POSITION.exec(message);
    let where = "";
    if (at) {
      const offset = Number(at[1]);
      const before = text.slice(0, offset);
      const line = before.split("\n").length;
      where = ` at line ${line}, column ${offset - before.lastIndexOf("\n")}`;
    }
    return { ok: false, issues: [{ path: "", code: "json.invalid", message: `not valid JSON${where}: ${message.replace(POSITION, "")}` }] };
  }
}

/** Whether the only problem is that the text is no JSON at all (so reports say "not valid JSON", not "1 schema issue"). Internal. */
export function isJsonSyntaxError(issues: readonly Issue[]): boolean {
  return issues.length === 1 && issues[0]?.code === "json.invalid";
}
