// The web app: a SPARQL editor with highlighting and completion, the example catalogue, results
// as a sortable table with entity links and downloads, the same result drawn by the graph,
// timeline and map views (tabs, when the result allows), and entity search. Data from the graph is
// only ever put on the page as text (textContent), never as HTML.
"use strict";

const DATA = "https://w3id.org/gcsf/id/";
const KEYWORDS = new Set(("SELECT ASK CONSTRUCT DESCRIBE WHERE PREFIX BASE DISTINCT REDUCED FROM NAMED " +
  "OPTIONAL UNION MINUS FILTER BIND VALUES GRAPH ORDER BY ASC DESC LIMIT OFFSET GROUP HAVING AS " +
  "NOT EXISTS IN COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR STR LANG LANGMATCHES DATATYPE " +
  "BOUND IRI URI BNODE STRSTARTS STRENDS CONTAINS REGEX LCASE UCASE YEAR COALESCE IF a true false").split(" "));
const TOKEN = /(#[^\n]*)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(<[^<>"{}|^`\\\s]*>)|([?$][\w]+)|((?:[A-Za-z][\w.-]*)?:[\w.%-]*)|([A-Za-z_]\w*)|(@[a-zA-Z-]+)/g;
const CLASSES = ["comment", "string", "iri", "var", "pname", "word", "lang"];

const $ = (id) => document.getElementById(id);
let vocabulary = null;
let lastResult = null;
// The query the tabs draw (the one that ran) and the view data fetched for it, by view name.
let ran = { query: null, views: {} };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v; else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

// ------------------------------------------------------------------ highlighting
function highlight() {
  const text = $("query").value;
  const code = $("highlight");
  code.replaceChildren();
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > at) code.append(text.slice(at, m.index));
    const kind = CLASSES[m.slice(1).findIndex((g) => g !== undefined)];
    const cls = kind === "word" ? (KEYWORDS.has(m[0].toUpperCase()) || m[0] === "a" ? "kw" : null) : kind;
    code.append(cls ? el("span", { class: "tok-" + cls, text: m[0] }) : m[0]);
    at = m.index + m[0].length;
  }
  code.append(text.slice(at) + "\n");
  syncScroll();
}

function syncScroll() {
  const pre = document.querySelector(".highlight");
  pre.scrollTop = $("query").scrollTop;
  pre.scrollLeft = $("query").scrollLeft;
}

// ------------------------------------------------------------------ completion
async function loadVocabulary() {
  if (vocabulary) return vocabulary;
  const response = await fetch(rootPath() + "api/vocabulary");
  vocabulary = response.ok ? await response.json() : { prefixes: {}, classes: [], properties: [], entities: [] };
  document.body.dataset.vocabulary = "loaded";
  return vocabulary;
}

function rootPath() { return document.querySelector("a.brand").getAttribute("href"); }

function currentWord() {
  const area = $("query");
  const before = area.value.slice(0, area.selectionStart);
  const m = before.match(/[\w:.-]+$/);
  return m ? { word: m[0], start: area.selectionStart - m[0].length } : null;
}

function candidates(word) {
  const v = vocabulary;
  const lower = word.toLowerCase();
  const out = [];
  const add = (insert, note) => { if (out.length < 40) out.push({ insert, note }); };
  if (!word.includes(":")) {
    for (const p of Object.keys(v.prefixes)) if (p.startsWith(lower)) add(p + ":", v.prefixes[p]);
    for (const k of KEYWORDS) if (k.length > 2 && k.toLowerCase().startsWith(lower)) add(k, "keyword");
  }
  for (const [name, label] of [...v.classes, ...v.properties]) {
    if (name.toLowerCase().startsWith(lower) || (lower.length > 2 && label.toLowerCase().includes(lower))) add(name, label);
  }
  if (lower.length > 1) {
    for (const [name, label] of v.entities) {
      if (name.toLowerCase().startsWith(lower) || label.toLowerCase().includes(lower.replace(/^[\w-]*:/, ""))) add(name, label);
    }
  }
  return out;
}

let selected = 0;
async function complete(force) {
  const list = $("completions");
  const found = currentWord();
  if (!found || (!force && found.word.length < 2)) { list.hidden = true; return; }
  await loadVocabulary();
  const items = candidates(found.word);
  list.replaceChildren(...items.map((c, i) => {
    const li = el("li", { "data-insert": c.insert, class: i === 0 ? "active" : "" },
      el("code", { text: c.insert }), el("span", { class: "note", text: c.note }));
    li.addEventListener("mousedown", (e) => { e.preventDefault(); accept(c.insert); });
    return li;
  }));
  selected = 0;
  list.hidden = items.length === 0;
}

function accept(insert) {
  const area = $("query");
  const found = currentWord();
  if (!found) return;
  area.setRangeText(insert, found.start, area.selectionStart, "end");
  $("completions").hidden = true;
  highlight();
  area.focus();
}

function moveSelection(step) {
  const items = [...$("completions").children];
  if (!items.length) return;
  items[selected].classList.remove("active");
  selected = (selected + step + items.length) % items.length;
  items[selected].classList.add("active");
  items[selected].scrollIntoView({ block: "nearest" });
}

// ------------------------------------------------------------------ running queries
function shortName(iri) {
  const prefixes = vocabulary ? vocabulary.prefixes : {};
  let best = null;
  for (const [p, ns] of Object.entries(prefixes)) {
    if (iri.startsWith(ns) && !iri.slice(ns.length).includes("/") && (!best || ns.length > best[1].length)) best = [p, ns];
  }
  return best ? best[0] + ":" + iri.slice(best[1].length) : iri;
}

function entityHref(iri) {
  if (!iri.startsWith(DATA)) return null;
  const parts = iri.slice(DATA.length).split("/");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  return rootPath() + "id/" + parts.map(encodeURIComponent).join("/");
}

function cell(term) {
  const td = el("td");
  if (!term) return td;
  if (term.type === "uri") {
    const href = entityHref(term.value);
    td.append(href ? el("a", { href, text: shortName(term.value), title: term.value }) : el("span", { text: shortName(term.value), title: term.value }));
  } else {
    td.textContent = term.type === "bnode" ? "_:" + term.value : term.value;
  }
  return td;
}

function sortValue(term) {
  if (!term) return "";
  const n = Number(term.value);
  return term.type === "literal" && term.value !== "" && !Number.isNaN(n) ? n : term.value.toLowerCase();
}

function renderTable(json) {
  const vars = json.head.vars;
  let rows = json.results.bindings.slice();
  const table = el("table", { class: "result-table" });
  const thead = el("thead");
  const tbody = el("tbody");
  const head = el("tr");
  let order = { column: null, dir: 1 };
  const fill = () => tbody.replaceChildren(...rows.map((r) => el("tr", {}, ...vars.map((v) => cell(r[v])))));
  vars.forEach((v) => {
    const th = el("th", { text: v, title: "sort", "data-var": v });
    th.addEventListener("click", () => {
      order = { column: v, dir: order.column === v ? -order.dir : 1 };
      rows.sort((a, b) => {
        const x = sortValue(a[v]), y = sortValue(b[v]);
        return (x < y ? -1 : x > y ? 1 : 0) * order.dir;
      });
      for (const h of head.children) h.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", order.dir > 0 ? "ascending" : "descending");
      fill();
    });
    head.append(th);
  });
  thead.append(head);
  fill();
  table.append(thead, tbody);
  return table;
}

function csvOf(json) {
  const quote = (s) => /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  const vars = json.head.vars;
  const lines = [vars.map(quote).join(",")];
  for (const r of json.results.bindings) lines.push(vars.map((v) => quote(r[v] ? r[v].value : "")).join(","));
  return lines.join("\r\n") + "\r\n";
}

function offerDownloads(json) {
  for (const [id, text, type] of [["download-csv", csvOf(json), "text/csv"],
                                  ["download-json", JSON.stringify(json, null, 1), "application/sparql-results+json"]]) {
    const link = $(id);
    if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([text], { type }));
    link.hidden = false;
  }
}

// ------------------------------------------------------------------ result tabs
// Which views a result allows: the graph for triples or rows naming entities, the timeline for
// rows with a ?start column, the map for rows naming countries.
function allowedViews(json) {
  if (json === "triples") return ["graph"];
  const iris = json.results.bindings.flatMap((r) => Object.values(r))
    .filter((t) => t.type === "uri" && t.value.startsWith(DATA)).map((t) => t.value);
  const allowed = [];
  if (iris.length) allowed.push("graph");
  if (json.head.vars.includes("start")) allowed.push("timeline");
  if (iris.some((iri) => iri.startsWith(DATA + "country/"))) allowed.push("map");
  return allowed;
}

function offerTabs(allowed) {
  const tabs = $("result-tabs");
  if (!tabs || !window.gcsfViews) return;
  for (const button of tabs.querySelectorAll("button[data-tab]")) {
    button.hidden = button.dataset.tab !== "table" && !allowed.includes(button.dataset.tab);
  }
  tabs.hidden = allowed.length === 0;
  showTab("table");
}

async function showTab(name) {
  const tabs = $("result-tabs");
  if (!tabs) return;
  for (const button of tabs.querySelectorAll("button[data-tab]")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === name));
  }
  const pane = $("view-pane");
  $("results").hidden = name !== "table";
  pane.hidden = name === "table";
  delete document.body.dataset.view;
  if (name === "table") { pane.replaceChildren(); pane.className = "view-pane"; return; }
  const query = ran.query;
  const status = $("status");
  try {
    if (!ran.views[name]) {
      pane.replaceChildren(el("p", { class: "view-message", text: "drawing the " + name + "…" }));
      const response = await fetch(rootPath() + "api/result/" + name, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: new URLSearchParams({ query }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(text.trim() || "error " + response.status);
      if (ran.query !== query) return; // another query ran meanwhile
      ran.views[name] = JSON.parse(text);
    }
    if (tabs.querySelector("button[aria-selected=true]").dataset.tab !== name) return;
    pane.replaceChildren();
    window.gcsfView = window.gcsfViews[name](pane, ran.views[name], { marks: {} });
    document.body.dataset.view = name;
  } catch (error) {
    pane.replaceChildren(el("pre", { class: "error-text", text: error.message }));
    status.textContent = "the " + name + " could not be drawn";
    status.className = "error";
    document.body.dataset.view = "failed";
  }
}

async function run() {
  try { await runQuery(); } finally {
    document.body.dataset.runs = String(Number(document.body.dataset.runs || 0) + 1);
  }
}

async function runQuery() {
  const status = $("status");
  const results = $("results");
  $("download-csv").hidden = $("download-json").hidden = true;
  ran = { query: $("query").value, views: {} };
  offerTabs([]);
  status.textContent = "running…";
  status.className = "";
  const started = performance.now();
  try {
    const response = await fetch(rootPath() + "sparql", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded",
                 Accept: "application/sparql-results+json, text/turtle;q=0.9" },
      body: new URLSearchParams({ query: $("query").value }),
    });
    const text = await response.text();
    const took = Math.round(performance.now() - started);
    if (!response.ok) {
      status.textContent = `error ${response.status}`;
      status.className = "error";
      results.replaceChildren(el("pre", { class: "error-text", text }));
      return;
    }
    const type = response.headers.get("content-type") || "";
    if (type.startsWith("application/sparql-results+json")) {
      const json = JSON.parse(text);
      if ("boolean" in json) {
        results.replaceChildren(el("p", { class: "boolean", text: String(json.boolean) }));
        status.textContent = `answer in ${took} ms`;
        return;
      }
      await loadVocabulary();
      lastResult = json;
      results.replaceChildren(renderTable(json));
      offerDownloads(json);
      offerTabs(allowedViews(json));
      const cut = response.headers.get("gcsf-truncated") ? " (cut at the row limit)" : "";
      status.textContent = `${json.results.bindings.length} rows in ${took} ms${cut}`;
    } else {
      results.replaceChildren(el("pre", { class: "rdf", text }));
      status.textContent = `triples in ${took} ms`;
      offerTabs(allowedViews("triples"));
    }
  } catch (error) {
    status.textContent = "the server did not answer";
    status.className = "error";
  }
}

// ------------------------------------------------------------------ examples and search
function showExamples() {
  const data = JSON.parse($("example-data").textContent);
  $("examples").replaceChildren(...data.map((ex) => {
    const button = el("button", { type: "button", "data-example": ex.name, title: ex.description, text: ex.title });
    button.addEventListener("click", () => { $("query").value = ex.text; highlight(); run(); });
    return el("li", {}, button);
  }));
}

let searchTimer = null;
function search() {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(async () => {
    const text = $("search-text").value.trim();
    const hits = $("search-hits");
    if (!text) { hits.hidden = true; return; }
    const response = await fetch(rootPath() + "api/search?q=" + encodeURIComponent(text));
    const found = response.ok ? await response.json() : [];
    hits.replaceChildren(...found.map((m) => el("li", {},
      m.page ? el("a", { href: m.page, text: m.label }) : el("span", { text: m.label }),
      el("span", { class: "type", text: " " + m.type }))));
    hits.hidden = found.length === 0;
  }, 150);
}

function start() {
  const area = $("query");
  area.addEventListener("input", () => { highlight(); complete(false); });
  area.addEventListener("scroll", syncScroll);
  area.addEventListener("keydown", (e) => {
    const open = !$("completions").hidden;
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); run(); }
    else if (e.ctrlKey && e.key === " ") { e.preventDefault(); complete(true); }
    else if (open && e.key === "ArrowDown") { e.preventDefault(); moveSelection(1); }
    else if (open && e.key === "ArrowUp") { e.preventDefault(); moveSelection(-1); }
    else if (open && (e.key === "Enter" || e.key === "Tab")) {
      e.preventDefault();
      accept($("completions").children[selected].dataset.insert);
    } else if (open && e.key === "Escape") { $("completions").hidden = true; }
  });
  area.addEventListener("blur", () => setTimeout(() => { $("completions").hidden = true; }, 150));
  $("run").addEventListener("click", run);
  for (const button of document.querySelectorAll("button[data-tab]")) {
    button.addEventListener("click", () => showTab(button.dataset.tab));
  }
  $("search").addEventListener("submit", (e) => e.preventDefault());
  $("search-text").addEventListener("input", search);
  showExamples();
  highlight();
  loadVocabulary();
  document.body.dataset.ready = "true";
}

document.addEventListener("DOMContentLoaded", start);
