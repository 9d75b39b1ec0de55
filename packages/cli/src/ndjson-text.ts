import type { Issue, StreamCounts, StreamRecord } from "@mfgsync/canonical";
import { stringifyWireJson } from "@mfgsync/mapping";

/**
 * The text the CLI writes for a stream's records: values as NDJSON on the
 * output, dead letters and warnings as one JSON line each (the formats in
 * the CLI README). The same code runs in-process (`--jobs 1`) and in the
 * worker threads, so that both write the same bytes. Internal.
 */
export class RecordText {
  out = "";
  dead = "";
  warn = "";
  /** Failed lines, for `onFailure`. */
  failures: Array<readonly [number, readonly Issue[]]> = [];
  /** The too-long line whose dead letter is open (its base64 being written), and the 0–2 bytes that wait for a whole 3-byte group. */
  private open: number | undefined;
  private carry: Buffer = Buffer.alloc(0);

  constructor(private readonly keep: { readonly deadLetters: boolean; readonly warnings: boolean; readonly failures?: boolean }) {}

  add(record: StreamRecord<unknown>): void {
    switch (record.kind) {
      case "value":
        this.out += stringifyWireJson(record.value) + "\n";
        return;
      case "warnings":
        if (this.keep.warnings) this.warn += JSON.stringify({ line: record.line, warnings: record.warnings }) + "\n";
        return;
      case "raw":
        if (!this.keep.deadLetters) return;
        this.openTooLong(record.line);
        this.base64(Buffer.from(record.bytes.buffer, record.bytes.byteOffset, record.bytes.byteLength));
        return;
      case "dead-letter": {
        const letter = record.deadLetter;
        if (this.keep.failures === true) this.failures.push([record.line, letter.issues]);
        if (!this.keep.deadLetters) return;
        if (letter.inputBytes !== undefined) {
          // A too-long line: its bytes were streamed into the entry as they came; the entry closes with its size and issue.
          this.openTooLong(record.line);
          if (this.carry.length > 0) this.dead += this.carry.toString("base64");
          this.carry = Buffer.alloc(0);
          this.open = undefined;
          this.dead += `","inputBytes":${letter.inputBytes},"issues":${JSON.stringify(letter.issues)}}\n`;
        } else this.dead += JSON.stringify(letter) + "\n";
      }
    }
  }

  /** Takes what was collected so far. */
  take(): { out: string; dead: string; warn: string } {
    const taken = { out: this.out, dead: this.dead, warn: this.warn };
    this.out = this.dead = this.warn = "";
    return taken;
  }

  get size(): number {
    return this.out.length + this.dead.length + this.warn.length;
  }

  private openTooLong(line: number): void {
    if (this.open === line) return;
    this.open = line;
    this.dead += `{"line":${line},"inputBase64":"`;
  }

  private base64(bytes: Buffer): void {
    const all = this.carry.length > 0 ? Buffer.concat([this.carry, bytes]) : bytes;
    const whole = all.length - (all.length % 3);
    if (whole > 0) this.dead += all.toString("base64", 0, whole);
    this.carry = Buffer.from(all.subarray(whole));
  }
}

/** Counts of one part of a run added to the total (the parallel run adds each batch's, in input order). Internal. */
export function addCounts(total: StreamCounts | undefined, part: StreamCounts): StreamCounts {
  if (total === undefined) return part;
  const byCode = new Map(total.warningsByCode.map((w) => [w.code, { ...w }]));
  for (const w of part.warningsByCode) {
    const entry = byCode.get(w.code);
    if (entry) entry.count += w.count;
    else byCode.set(w.code, { ...w });
  }
  return {
    lines: total.lines + part.lines,
    passed: total.passed + part.passed,
    failed: total.failed + part.failed,
    skipped: total.skipped + part.skipped,
    outputs: total.outputs + part.outputs,
    bytes: total.bytes + part.bytes,
    warnings: total.warnings + part.warnings,
    linesWithWarnings: total.linesWithWarnings + part.linesWithWarnings,
    warningsByCode: [...byCode.values()].sort((a, b) => b.count - a.count),
  };
}
