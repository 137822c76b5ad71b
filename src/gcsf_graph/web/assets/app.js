// The web app: a SPARQL editor (the bundled CodeMirror editor of static/web/editor.js, or a plain
// text area without it) with completion from the graph's vocabulary and the vocabulary check's
// warnings beside it, the example catalogue, results as a sortable table with entity links and
// downloads, the same result drawn by the graph, timeline and map views (tabs, when the result
// allows), and entity search. Data from the graph is only ever put on the page as text
// (textContent), never as HTML.
"use strict";

const DATA = "https://w3id.org/gcsf/id/";

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

// ------------------------------------------------------------------ the editor
// The query box: { value, focus(), check() }, the bundled editor's or the text area's own.
let editor = null;

async function loadVocabulary() {
  if (vocabulary) return vocabulary;
  const response = await fetch(rootPath() + "api/vocabulary");
  vocabulary = response.ok ? await response.json() : { prefixes: {}, classes: [], properties: [], entities: [] };
  document.body.dataset.vocabulary = "loaded";
  return vocabulary;
}

function rootPath() { return document.querySelector("a.brand").getAttribute("href"); }

// Where a term stands in the text, as a whole word: [from, to] pairs.
function placesOf(text, term) {
  const found = [];
  const inWord = (c) => c !== undefined && /[\w.:%-]/.test(c);
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (!inWord(text[at - 1]) && !inWord(text[at + term.length])) found.push([at, at + term.length]);
  }
  return found;
}

// The vocabulary check of the text (terms the graph does not hold): listed beside the editor and
// returned as the editor's warning marks.
async function checkTerms(text) {
  if (!text.trim()) { showWarnings([]); return []; }
  let notes = [];
  try {
    const response = await fetch(rootPath() + "api/check", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({ query: text }),
    });
    if (response.ok) notes = await response.json();
  } catch (error) { notes = []; }
  if (editor && editor.value !== text) return []; // edited meanwhile: the next check answers
  showWarnings(notes);
  return notes.flatMap((n) => placesOf(text, n.term).map(([from, to]) =>
    ({ from, to, severity: "warning", source: "vocabulary", message: n.message })));
}

function showWarnings(notes) {
  $("warning-list").replaceChildren(...notes.map((n) => el("li", { text: n.message })));
  $("warnings").hidden = notes.length === 0;
  document.body.dataset.checks = String(Number(document.body.dataset.checks || 0) + 1);
}

function plainEditor(area) {
  let timer = null;
  area.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); run(); }
  });
  area.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => checkTerms(area.value), 600); });
  return {
    get value() { return area.value; },
    set value(text) { area.value = text; checkTerms(text); },
    focus() { area.focus(); },
    check() { checkTerms(area.value); },
  };
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
  ran = { query: editor.value, views: {} };
  offerTabs([]);
  status.textContent = "running…";
  status.className = "";
  const started = performance.now();
  try {
    const response = await fetch(rootPath() + "sparql", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded",
                 Accept: "application/sparql-results+json, text/turtle;q=0.9" },
      body: new URLSearchParams({ query: editor.value }),
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
    button.addEventListener("click", () => { editor.value = ex.text; run(); });
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
  editor = window.gcsfEditor
    ? window.gcsfEditor.fromTextArea(area, { run, vocabulary: loadVocabulary, notes: checkTerms })
    : plainEditor(area);
  $("run").addEventListener("click", run);
  for (const button of document.querySelectorAll("button[data-tab]")) {
    button.addEventListener("click", () => showTab(button.dataset.tab));
  }
  $("search").addEventListener("submit", (e) => e.preventDefault());
  $("search-text").addEventListener("input", search);
  showExamples();
  loadVocabulary();
  editor.check();
  document.body.dataset.editor = window.gcsfEditor ? "codemirror" : "plain";
  document.body.dataset.ready = "true";
}

document.addEventListener("DOMContentLoaded", start);
