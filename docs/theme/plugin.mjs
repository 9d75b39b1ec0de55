// @ts-check
/**
 * TypeDoc plugin for the mfgsync site (docs/typedoc.json `plugin`):
 *
 * - puts every export in a category by what it is (objects, events, parsing, mapping, rules, ...), from the
 *   file that declares it, unless its TSDoc names one with `@category`; the navigation lists them by category;
 * - names each package's entry modules after their import paths (`@mfgsync/canonical/testing`), not `index`;
 * - shows a zod schema constant as `ZodType<ProductionOrder>` (linking the named type) instead of zod's
 *   generic internals; the named types themselves are generated (scripts/generate-model-types.ts);
 * - drops a breadcrumb entry that the next one repeats: a package's main entry module is named like the package
 *   (`@mfgsync/canonical` › `@mfgsync/canonical` › `ProductionOrder` becomes `@mfgsync/canonical` › `ProductionOrder`,
 *   keeping the link to the module, which lists the exports);
 * - removes the README's own `# mfgsync` heading from the home page (the theme prints the project name);
 * - copies mermaid from the installed package into the site's assets (no CDN: the site works offline);
 *   `docs/theme/mermaid-init.js` (the `customJs`) renders ```mermaid blocks with it.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { Comment, CommentTag, Converter, PageEvent, ReferenceType, ReflectionKind, RendererEvent } from "typedoc";

const require = createRequire(import.meta.url);

/** Category of an export by package and declaring file (path inside the package). First match wins. */
const CATEGORY_RULES = [
  { pkg: /./, file: /(^|\/)generated\//, category: "Vendor catalog" },
  { pkg: /canonical$/, file: /^src\/bindings\//, category: "Event transport" },
  { pkg: /canonical$/, file: /^src\/stream\//, category: "Streaming" },
  { pkg: /canonical$/, name: /^(safe)?([Pp]arse|[Rr]ead|[Cc]heck)[A-Z]|^(Issue|Result|CanonicalValidationError|ISSUE_CODES|toJsonPointer|MAX_INPUT_DEPTH|ReadMode|ReadOptions|ReadValue|UnknownField|UnknownValue)$/, category: "Parsing" },
  { pkg: /canonical$/, file: /^src\/events\//, category: "Events" },
  { pkg: /canonical$/, file: /^src\/(material|production-order|lot|inspection|nonconformance)\/|^src\/objects\.ts$/, category: "Objects" },
  { pkg: /canonical$/, file: /^src\/vocabularies\//, category: "Vocabularies" },
  { pkg: /canonical$/, file: /^src\/(primitives|units)\//, category: "Primitives" },
  { pkg: /canonical$/, file: /^src\/json-schema\.ts$/, category: "JSON Schema" },
  { pkg: /validators$/, file: /^src\/(rules|lot)\//, category: "Rules" },
  { pkg: /validators$/, file: /^src\/context\//, category: "Context stores" },
  { pkg: /validators$/, file: /./, category: "Validation" },
  { pkg: /mapping$/, file: /^src\/converters?[./]/, category: "Converters" },
  { pkg: /mapping$/, file: /^src\/profiles\//, category: "Wire profiles" },
  { pkg: /mapping$/, file: /^src\/(json|time)\//, category: "Wire values" },
  { pkg: /mapping$/, file: /^src\/report\//, category: "Reports" },
  { pkg: /mapping$/, file: /^src\/(conformance|testing)\//, category: "Conformance" },
  { pkg: /mapping$/, file: /./, category: "Mapping" },
  { pkg: /mappers-/, file: /^src\/events\//, category: "Events" },
  { pkg: /mappers-/, file: /^src\/(material|production-order|lot|inspection|nonconformance|work-order|batch|quality|mappers)[./]/, category: "Mapping" },
  { pkg: /mappers-/, file: /units/, category: "Units" },
  { pkg: /mappers-/, file: /./, category: "Mapping" },
  { pkg: /fp$/, file: /./, category: "fp-ts and io-ts" },
  { pkg: /cli$/, file: /./, category: "Command line" },
];

/** @param {string} pkg @param {string} file @param {string} name */
export function categoryOf(pkg, file, name) {
  for (const rule of CATEGORY_RULES) {
    if (!rule.pkg.test(pkg)) continue;
    if (rule.file && !rule.file.test(file)) continue;
    if (rule.name && !rule.name.test(name)) continue;
    return rule.category;
  }
  return undefined;
}

/**
 * Unregisters the reflections (object literal types) inside a type that is being replaced.
 * @param {import("typedoc").ProjectReflection} project @param {unknown} type
 */
function removeTypeReflections(project, type) {
  if (Array.isArray(type)) { for (const t of type) removeTypeReflections(project, t); return; }
  if (type === null || typeof type !== "object" || typeof (/** @type {{ type?: unknown }} */ (type)).type !== "string") return;
  const t = /** @type {Record<string, unknown> & { type: string }} */ (type);
  if (t.type === "reflection" && t["declaration"]) { project.removeReflection(/** @type {import("typedoc").Reflection} */ (t["declaration"])); return; }
  for (const [key, value] of Object.entries(t)) if (key !== "reflection" && key !== "_target" && key !== "_project") removeTypeReflections(project, value);
}

/** @param {import("typedoc").Application} app */
export function load(app) {
  /** Zod schema constants, to retype once their named types exist. @type {Set<import("typedoc").DeclarationReflection>} */
  const schemas = new Set();

  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Variable)) return;
    const symbol = context.getSymbolFromReflection(reflection);
    if (!symbol) return;
    const type = context.checker.getTypeOfSymbol(symbol);
    if (type.getProperty("_zod") && type.getProperty("parse")) schemas.add(reflection);
  });

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    // Zod schema constants: `ZodType<Name>` with Name the type of the same name, when there is one.
    for (const reflection of schemas) {
      const parent = reflection.parent;
      const named = parent && "children" in parent ? /** @type {import("typedoc").DeclarationReflection[]} */ (parent.children ?? [])
        .find((c) => c !== reflection && c.name === reflection.name && c.kindOf(ReflectionKind.TypeAlias | ReflectionKind.Interface)) : undefined;
      const zodType = ReferenceType.createBrokenReference("ZodType", project, "zod");
      zodType.externalUrl = "https://zod.dev/api";
      if (named) zodType.typeArguments = [ReferenceType.createResolvedReference(named.name, named, project)];
      // The replaced type's object literals were registered as reflections: unregister them with it.
      if (reflection.type) removeTypeReflections(project, reflection.type);
      reflection.type = zodType;
    }
    schemas.clear();

    for (const reflection of Object.values(project.reflections)) {
      // Entry modules named after their import paths.
      if (reflection.kindOf(ReflectionKind.Module) && reflection.parent?.kindOf(ReflectionKind.Project)) {
        const pkg = project.packageName ?? project.name;
        reflection.name = reflection.name === "index" ? pkg : `${pkg}/${reflection.name.replace(/\/index$/, "")}`;
        continue;
      }
      if (!reflection.isDeclaration() || !reflection.parent?.kindOf(ReflectionKind.SomeModule | ReflectionKind.Project)) continue;
      const id = project.getSymbolIdFromReflection(reflection);
      if (!id) continue;
      const comments = [reflection.comment, ...(reflection.signatures ?? []).map((s) => s.comment)].filter(Boolean);
      if (comments.some((c) => c?.blockTags.some((t) => t.tag === "@category"))) continue;
      const category = categoryOf(id.packageName, id.packagePath, reflection.name);
      if (!category) continue;
      const tag = new CommentTag("@category", [{ kind: "text", text: category }]);
      const target = reflection.signatures?.[0];
      if (target) (target.comment ??= new Comment()).blockTags.push(tag);
      else (reflection.comment ??= new Comment()).blockTags.push(tag);
    }

    // The README starts with `# mfgsync`; the theme already titles the page with the project name.
    const readme = project.readme;
    if (readme?.[0]?.kind === "text") readme[0] = { ...readme[0], text: readme[0].text.replace(/^\s*# mfgsync\s*\n/, "") };
  });

  app.renderer.on(PageEvent.END, (page) => {
    if (!page.contents) return;
    page.contents = page.contents.replace(/(<ul class="tsd-breadcrumb"[^>]*>)([\s\S]*?)(<\/ul>)/, (_, open, items, close) => {
      const entries = items.match(/<li>[\s\S]*?<\/li>/g) ?? [];
      const text = (/** @type {string} */ li) => li.replace(/<[^>]+>/g, "").trim();
      const kept = entries.filter((li, i) => i === entries.length - 1 || text(li) !== text(entries[i + 1]));
      return kept.length === entries.length ? open + items + close : open + kept.join("") + close;
    });
  });

  app.renderer.on(RendererEvent.END, (event) => {
    const mermaid = require.resolve("mermaid/dist/mermaid.min.js");
    fs.copyFileSync(mermaid, path.join(event.outputDirectory, "assets", "mermaid.min.js"));
  });
}
