/**
 * `pnpm run docs:check`: builds the TypeDoc site (unless `--no-build`), serves it on a local port and loads every page
 * in headless Chromium (Debian's `chromium`, driven by playwright-core; no browser download) at 1400×1000, two tabs at a
 * time in one browser (scripts/docs-check/check-site.ts). Fails when a page
 *
 * - does not load, logs a console error, throws, or requests a file of the site that is missing;
 * - has an element wider than the content column that is not inside a horizontally scrolling box
 *   (or the page itself scrolls sideways);
 * - should show diagrams (a guide with ```mermaid blocks) and does not show one rendered SVG per block, or leaves a
 *   mermaid block undrawn;
 * - links to a page of the site that does not exist, or to an anchor that is not on its page.
 *
 * Prints, per check, on how many pages (links: distinct targets) it ran and how many failed. Writes screenshots of the
 * home page, the ProductionOrder type, the diagrams page and the SAP mapping page to `docs/site/screenshots/`.
 * Options: `--no-build`, `--chromium PATH` (default `CHROMIUM` or /usr/bin/chromium), `--only SUBSTRING` (pages whose
 * path contains it), `--tabs N` (pages loaded at once, default 2).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CHECKS, checkSite } from "./docs-check/check-site.js";
import { htmlPages } from "./docs-check/serve.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SITE = path.join(root, "docs/site");
const GUIDES = path.join(root, "docs/guides");

const args = process.argv.slice(2);
const option = (name: string) => { const i = args.indexOf(name); return i === -1 ? undefined : args[i + 1]; };
const executablePath = option("--chromium") ?? process.env["CHROMIUM"] ?? "/usr/bin/chromium";
const only = option("--only");
const tabs = Number(option("--tabs") ?? 2);

/** Pages that must show diagrams: the guide pages whose Markdown has ```mermaid blocks, with how many. */
export function expectedDiagrams(site: string, guides: string): Map<string, number> {
  const pages = htmlPages(site).filter((p) => p.startsWith("documents/"));
  const out = new Map<string, number>();
  for (const file of fs.readdirSync(guides).filter((f) => f.endsWith(".md"))) {
    const text = fs.readFileSync(path.join(guides, file), "utf8");
    const count = (text.match(/^```mermaid$/gm) ?? []).length;
    if (count === 0) continue;
    const title = /^title:\s*(.+)$/m.exec(text)?.[1]?.trim();
    const page = pages.find((p) => title !== undefined && fs.readFileSync(path.join(site, p), "utf8").includes(`<title>${title} |`));
    if (!page) throw new Error(`no site page for the guide ${file} (title ${title ?? "?"})`);
    out.set(page, count);
  }
  return out;
}

async function main(): Promise<number> {
  const started = Date.now();
  if (!args.includes("--no-build")) {
    const build = spawnSync("pnpm", ["run", "docs"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) return build.status ?? 1;
  }
  if (!fs.existsSync(executablePath)) {
    console.error(`docs:check: no Chromium at ${executablePath} (Debian: apt-get install -y chromium; or --chromium PATH)`);
    return 2;
  }
  if (!fs.existsSync(path.join(SITE, "index.html"))) {
    console.error(`docs:check: no site at ${path.relative(root, SITE)} (run without --no-build)`);
    return 2;
  }
  const all = htmlPages(SITE);
  const pages = all.filter((p) => only === undefined || p.includes(only));
  const diagrams = expectedDiagrams(SITE, GUIDES);
  const shotDir = path.join(SITE, "screenshots");
  fs.mkdirSync(shotDir, { recursive: true });
  const want: Array<[string, (p: string) => boolean]> = [
    ["home.png", (p) => p === "index.html"],
    ["production-order.png", (p) => /^(types|interfaces)\/.*\.ProductionOrder\.html$/.test(p)],
    ["diagrams.png", (p) => p === "documents/Diagrams.html"],
    ["sap-mappings.png", (p) => /^documents\/SAP.*mappings\.html$/i.test(p)],
  ];
  const shots = new Map<string, string>();
  for (const [name, match] of want) { const p = pages.find(match); if (p) shots.set(p, path.join(shotDir, name)); }

  const result = await checkSite({
    site: SITE, executablePath, pages, concurrency: tabs, screenshots: shots,
    // With --only, only the selected guides must show their diagrams.
    diagrams: new Map([...diagrams].filter(([p]) => pages.includes(p))),
    progress: (done, total) => console.error(`docs:check: ${done}/${total} pages`),
  });

  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  console.log(`docs:check: ${result.pages} pages in Chromium in ${seconds(result.ms)} s (${seconds(Date.now() - started)} s in all); diagrams expected on ${[...diagrams].map(([p, n]) => `${p} (${n})`).join(", ")}`);
  for (const check of CHECKS) {
    const { checked, failed } = result.counts[check];
    const unit = check === "links" ? "link targets" : check === "anchors" ? "anchors" : "pages";
    console.log(`  ${check.padEnd(8)} ${String(checked - failed).padStart(5)} passed, ${String(failed).padStart(4)} failed (${checked} ${unit})`);
  }
  console.log(`screenshots: ${[...shots.values()].map((s) => path.relative(root, s)).join(", ")}`);
  if (result.problems.length > 0) {
    console.error(`docs:check: ${result.problems.length} problem(s):`);
    for (const p of result.problems.slice(0, 200)) console.error(`  ${p.page}: [${p.check}] ${p.message}`);
    if (result.problems.length > 200) console.error(`  ... and ${result.problems.length - 200} more`);
    return 1;
  }
  console.log("docs:check: ok");
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => { process.exitCode = code; }, (error: unknown) => {
    console.error(`docs:check: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
