// What docs:check reads from a loaded page. `inspect` runs inside the page (playwright serializes it), so it uses
// nothing from this module's scope.

/** What one page shows. */
export interface PageFacts {
  /** Absolute URLs of the links in the content, the page menu and the navigation. */
  readonly links: string[];
  /** Every id (and `a[name]`) on the page: the anchors other pages may link to. */
  readonly ids: string[];
  /** Elements that stick out of the content column and are not inside a box that scrolls or clips them. */
  readonly wide: string[];
  /** How many more such elements there are beyond the ones listed in `wide`. */
  readonly moreWide: number;
  /** Rendered diagrams (an SVG inside `div.mermaid`) in the content column; mermaid's "Syntax error" picture is not one. */
  readonly diagrams: number;
  /** Mermaid blocks left as code (the diagram script never turned them into diagrams). */
  readonly unrendered: number;
  /** The document's scroll width: more than the viewport means the page scrolls sideways. */
  readonly pageWidth: number;
  /** Whether the page has the content column at all. */
  readonly hasColumn: boolean;
}

/** Runs in the page. `selector` is the content column (TypeDoc's `.col-content`). */
export function inspect(selector: string): PageFacts {
  const column = document.querySelector(selector);
  const box = column ? column.getBoundingClientRect() : { left: 0, right: window.innerWidth };
  // One pixel of slack for sub-pixel layout.
  const left = box.left - 1;
  const right = box.right + 1;
  const wide: string[] = [];
  let moreWide = 0;
  const contained = (el: Element | null): boolean => {
    for (let e = el; e && e !== column; e = e.parentElement) {
      const overflow = getComputedStyle(e).overflowX;
      if (overflow === "auto" || overflow === "scroll" || overflow === "hidden" || overflow === "clip") return true;
    }
    return false;
  };
  const report = (el: Element, where: string) => {
    if (wide.length >= 5) { moreWide++; return; }
    const classes = typeof el.className === "string" && el.className.trim() !== "" ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
    const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${classes}`;
    wide.push(`${name} ${where}: "${(el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 60)}"`);
  };
  if (column) {
    const flagged: Element[] = [];
    for (const el of Array.from(column.querySelectorAll("*"))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || (rect.right <= right && rect.left >= left)) continue;
      if (contained(el.parentElement)) continue;
      flagged.push(el);
      report(el, rect.right > right
        ? `ends at ${Math.round(rect.right)}px, the content column at ${Math.round(box.right)}px`
        : `starts at ${Math.round(rect.left)}px, the content column at ${Math.round(box.left)}px`);
    }
    // Text (a long word) that runs out of its block while the block itself fits: no element is wider, but the block's
    // content is. Reported on the innermost such block, and only where no wide element explains it.
    const spilling: Element[] = [];
    for (const el of Array.from(column.querySelectorAll("*"))) {
      if (el.clientWidth === 0 || el.scrollWidth <= el.clientWidth + 1) continue;
      if (getComputedStyle(el).overflowX !== "visible" || contained(el.parentElement)) continue;
      if (el.getBoundingClientRect().left + el.scrollWidth <= right) continue;
      spilling.push(el);
    }
    for (const el of spilling) {
      if (spilling.some((other) => other !== el && el.contains(other)) || flagged.some((f) => el.contains(f) || f.contains(el))) continue;
      report(el, `has content to ${Math.round(el.getBoundingClientRect().left + el.scrollWidth)}px, the content column ends at ${Math.round(box.right)}px`);
    }
  }
  const links = Array.from(document.querySelectorAll(`${selector} a[href], .page-menu a[href], .col-sidebar a[href]`))
    .map((a) => (a as HTMLAnchorElement).href);
  const ids = Array.from(document.querySelectorAll("[id], a[name]")).map((e) => e.id || ((e as HTMLAnchorElement).name ?? ""));
  return {
    links, ids, wide, moreWide,
    diagrams: column ? column.querySelectorAll('div.mermaid > svg:not([aria-roledescription="error"])').length : 0,
    unrendered: document.querySelectorAll("pre > code.mermaid, pre > code.language-mermaid").length,
    pageWidth: document.documentElement.scrollWidth,
    hasColumn: column !== null,
  };
}
