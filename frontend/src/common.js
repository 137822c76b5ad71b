// Shared pieces of every view: DOM helpers that put data on screen only as text, the side panel
// of facts with their article and quote, and the page boot that reads the embedded JSON.

export function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

// The layout every view uses inside its container: toolbar, legend, main area, side panel.
export function layout(container, hint) {
  container.textContent = "";
  container.classList.add("gv");
  const parts = {
    toolbar: el("div", null, "gv-toolbar"),
    legend: el("nav", null, "gv-legend"),
    main: el("main", null, "gv-main"),
    panel: el("aside", null, "gv-panel"),
  };
  parts.legend.setAttribute("aria-label", "Legend");
  parts.panel.setAttribute("aria-live", "polite");
  parts.panel.appendChild(el("p", hint, "hint"));
  for (const part of Object.values(parts)) container.appendChild(part);
  return parts;
}

// "1 event", "2 events".
export function plural(count, noun) {
  return count + " " + noun + (count === 1 ? "" : "s");
}

// A clear message in place of a view that has nothing to draw.
export function message(main, text) {
  main.textContent = "";
  main.appendChild(el("p", text, "gv-message"));
}

export function sourceList(sources) {
  const frag = document.createDocumentFragment();
  for (const [doc, quote] of sources) {
    const q = el("blockquote");
    q.appendChild(el("span", "\u201c" + quote + "\u201d"));
    q.appendChild(el("div", doc, "doc"));
    frag.appendChild(q);
  }
  return frag;
}

// The facts of one entity in the side panel. `facts` is the shape the Python side writes:
// {label, type, iri, aliases, literals: [[property, value, sources]], out: [[relation, id, label,
// sources]], in: [...]}; `onLink(id)` is called when a linked entity is clicked (if given and the
// entity has facts of its own). `lead` is an optional element shown first (the clicked item).
export function showFacts(panel, f, { onLink, hasFacts, lead } = {}) {
  panel.textContent = "";
  if (lead) panel.appendChild(lead);
  if (!f) return;
  panel.appendChild(el("h3", f.label, "name"));
  panel.appendChild(el("div", f.type, "kind"));
  if (f.iri) panel.appendChild(el("div", f.iri, "iri"));
  if (f.aliases && f.aliases.length) panel.appendChild(el("p", "Also: " + f.aliases.join("; ")));
  if (f.literals.length || f.out.length) panel.appendChild(el("h2", "Facts"));
  const link = (fact) => {
    if (!onLink || (hasFacts && !hasFacts(fact[1]))) return el("span", fact[2], "entity");
    const a = el("a", fact[2]);
    a.href = "#";
    a.addEventListener("click", (e) => { e.preventDefault(); onLink(fact[1]); });
    return a;
  };
  const facts = el("ul");
  for (const l of f.literals) {
    const li = el("li");
    li.appendChild(el("strong", l[0] + ": "));
    li.appendChild(el("span", l[1]));
    li.appendChild(sourceList(l[2]));
    facts.appendChild(li);
  }
  for (const fact of f.out) {
    const li = el("li");
    li.appendChild(el("strong", fact[0] + " "));
    li.appendChild(link(fact));
    li.appendChild(sourceList(fact[3]));
    facts.appendChild(li);
  }
  panel.appendChild(facts);
  if (f.in.length) {
    panel.appendChild(el("h2", "Facts that point here"));
    const incoming = el("ul");
    for (const fact of f.in) {
      const li = el("li");
      li.appendChild(link(fact));
      li.appendChild(el("strong", " " + fact[0] + " "));
      li.appendChild(el("span", f.label));
      li.appendChild(sourceList(fact[3]));
      incoming.appendChild(li);
    }
    panel.appendChild(incoming);
  }
}

// A legend entry with a filter checkbox.
export function legendEntry(item, onChange) {
  const label = el("label");
  const box = el("input");
  box.type = "checkbox";
  box.checked = true;
  box.dataset.type = item.type;
  box.addEventListener("change", () => onChange(box.checked));
  const swatch = el("span", null, "swatch" + (item.shape ? " shape-" + String(item.shape).replace(/[^A-Za-z]/g, "") : ""));
  swatch.style.background = item.color;
  label.appendChild(box);
  label.appendChild(swatch);
  label.appendChild(el("span", item.type + " (" + item.count + ")"));
  return label;
}

// Page start-up: read the JSON the page embeds, build the view in #app, mark the body ready.
// A failure shows its message on the page instead of leaving it blank.
export function boot(name, view) {
  const marks = { start: performance.now() };
  window.gcsfMarks = marks;
  const app = document.getElementById("app");
  try {
    const data = JSON.parse(document.getElementById("view-data").textContent);
    marks.parsed = performance.now();
    window.gcsfView = view(app, data, { marks });
    window.gcsfViews = Object.assign(window.gcsfViews || {}, { [name]: view });
  } catch (error) {
    app.textContent = "";
    app.appendChild(el("p", "This page could not be drawn: " + error.message, "gv-message"));
    document.body.dataset.failed = "true";
  }
  document.body.dataset.ready = "true";
}
