import { showValue } from "./show.js";
import type { ValidationReport } from "./types.js";

/**
 * Output formats of {@link formatReport}: aligned text for people, JSON for machines.
 *
 * @example
 * ```ts
 * import type { ReportFormat } from "@mfgsync/validators";
 * const format: ReportFormat = "json";
 * ```
 */
export type ReportFormat = "text" | "json";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * Renders a report. `text`: one aligned line per finding (severity, rule id,
 * JSON Pointer, message, offending value) and a summary line. `json`: the
 * report itself, pretty-printed, for tools.
 *
 * @example
 * ```ts
 * import { formatReport, validate } from "@mfgsync/validators";
 * const report = validate("lot", JSON.parse("{}"));
 * console.log(formatReport(report));
 * // error  schema/valid  /schemaVersion  required field is missing
 * // ...
 * const machine = JSON.parse(formatReport(report, "json"));
 * ```
 */
export function formatReport(report: ValidationReport, format: ReportFormat = "text"): string {
  if (format === "json") return JSON.stringify(report, null, 2) + "\n";
  const findings = report.findings;
  const summary = `${plural(report.counts.error, "error")}, ${plural(report.counts.warning, "warning")}, ${report.counts.info} info`;
  if (findings.length === 0) return `no findings (${summary})\n`;
  // Loops, not Math.max(...): hundreds of thousands of findings would overflow the call stack as arguments.
  let severityWidth = 0, ruleWidth = 0, pathWidth = 0;
  for (const f of findings) {
    severityWidth = Math.max(severityWidth, f.severity.length);
    ruleWidth = Math.max(ruleWidth, f.ruleId.length);
    pathWidth = Math.max(pathWidth, (f.path || "/").length);
  }
  pathWidth = Math.min(40, pathWidth);
  const lines = findings.map((f) => {
    const value = "value" in f && f.value !== undefined ? ` (value: ${showValue(f.value)})` : "";
    return `${f.severity.padEnd(severityWidth)}  ${f.ruleId.padEnd(ruleWidth)}  ${(f.path || "/").padEnd(pathWidth)}  ${f.message}${value}`;
  });
  return `${lines.join("\n")}\n${summary}\n`;
}
