// The timeline view: every dated fact at its precision (a year as a year-long span, a month as a
// month, a day as a point, start and end as a range), grouped by class, on vis-timeline.
// timelineView(container, data) draws the data the Python side writes (views/timeline.py).
import { DataSet } from "vis-data/peer";
import { Timeline } from "vis-timeline/peer";
import { el, layout, legendEntry, message, showFacts } from "./common.js";

const OPENING = 150;      // a timeline longer than this opens on its latest OPENING items
const LOAD_SLICE = 1000;  // a timeline longer than this adds the items out of view in slices

// A local date from "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" (far quicker than vis-timeline's parsing).
function localDate(text) {
  const [y, mo, d, h, mi, s] = text.split(/[-T:]/).map(Number);
  const date = new Date(2000, mo - 1, d, h || 0, mi || 0, s || 0);
  date.setFullYear(y);
  return date;
}

function itemBox(item) {
  const box = el("div", null, "item");
  box.appendChild(el("strong", item.label));
  const when = item.endValue ? item.value + " \u2013 " + item.endValue : item.value;
  const precision = item.precision === "annual" ? item.text : item.precision;
  box.appendChild(el("div", (item.property ? item.property + ": " : "") + when + " (" + precision + ")"));
  if (item.warning) box.appendChild(el("div", item.warning, "warning"));
  return box;
}

export function timelineView(container, data, { marks = {} } = {}) {
  const parts = layout(container, "Click an item to see its facts, each with its source article and quote.");
  const counts = el("span", null, "gv-counts");
  parts.toolbar.appendChild(el("span", "Scroll to zoom, drag to move; a year is drawn as a year-long bar, a month as a month, a day as a point.", "hint"));
  parts.toolbar.appendChild(counts);
  parts.legend.appendChild(el("h2", "Classes"));
  const hasFacts = (key) => key !== null && key !== undefined && Object.prototype.hasOwnProperty.call(data.facts, key);
  const byId = new Map(data.items.map((item) => [item.id, item]));
  const extra = [...data.recurring, ...data.skipped];
  for (const item of extra) byId.set(item.id, item);

  function showItem(id) {
    const item = byId.get(id);
    if (!item) return;
    const facts = hasFacts(item.item) ? data.facts[item.item] : null;
    showFacts(parts.panel, facts, { lead: itemBox(item) });
  }

  // Beside the legend: facts whose date has no year (an annual day) or cannot be placed.
  function sideList(title, list, note) {
    if (!list.length) return;
    parts.legend.appendChild(el("h2", title));
    parts.legend.appendChild(el("div", note, "note"));
    const ul = el("ul", null, "gv-side");
    for (const item of list) {
      const li = el("li");
      const a = el("a", item.label + " \u2014 " + (item.text || item.value));
      a.href = "#";
      a.addEventListener("click", (e) => { e.preventDefault(); showItem(item.id); });
      li.appendChild(a);
      ul.appendChild(li);
    }
    parts.legend.appendChild(ul);
  }

  if (!data.items.length) {
    message(parts.main, data.recurring.length || data.skipped.length
      ? "No dated fact here can be placed on a time line; the facts listed on the left have no year or no usable date."
      : "Nothing to draw: no dated facts in the graph (or in the query's result).");
    counts.textContent = "0 items";
    sideList("Every year on", data.recurring, "Days observed each year (no year to place them).");
    sideList("Not drawn", data.skipped, "Dates that cannot be placed.");
    return { timeline: null, items: new DataSet([]), showItem };
  }

  // Each class's colour on its bars and dots (vis-timeline gives a point's dot the item's classes).
  const colours = el("style");
  colours.textContent = data.groups.map((g) => `.gv-main .vis-item.gv-group-${Number(g.id)}.vis-range { background-color: ${g.color}; border-color: ${g.color}; }
    .gv-main .vis-item.gv-group-${Number(g.id)}.vis-dot { border-color: ${g.color}; }`).join("\n");
  container.appendChild(colours);
  const groups = new DataSet(data.groups.map((g) => ({ id: g.id, order: g.order, visible: true, color: g.color, name: g.type })));
  const all = data.items.map((item) => ({
    id: item.id, group: item.group, start: localDate(item.start), end: item.end ? localDate(item.end) : undefined,
    isoStart: item.start, isoEnd: item.end,
    type: item.end ? "range" : "point",
    className: "precision-" + item.precision + " gv-group-" + item.group + (item.badDate ? " bad" : ""),
    label: item.label,
  }));
  // Open on where most facts are: from the tenth percentile's start on, unless that hides little;
  // a long timeline opens on its latest OPENING facts.
  const starts = all.map((item) => item.start.getTime()).sort((a, b) => a - b);
  const last = Math.max(...all.map((item) => (item.end || item.start).getTime()));
  const year = 365.25 * 24 * 3600 * 1000;
  let from = starts[Math.floor(starts.length * 0.1)];
  if (starts.length > OPENING) from = starts[starts.length - OPENING];
  const narrow = from > starts[0] && (starts.length > OPENING || (last - starts[0] > 3 * (last - from) && last - from > year));
  if (!narrow) from = starts[0];
  const pad = (last - from) * 0.04 || year;
  const window = { start: from - pad, end: last + pad };
  // A long timeline is drawn first with the facts in that window; the others join in slices
  // right after, so the page answers at once (vis-timeline sets up some 50 µs per item).
  const inView = (item) => (item.end || item.start).getTime() >= window.start && item.start.getTime() <= window.end;
  const first = all.length > LOAD_SLICE ? all.filter(inView) : all;
  const later = all.length > LOAD_SLICE ? all.filter((item) => !inView(item)) : [];
  const items = new DataSet(first);
  function loadLater() {
    if (!later.length) {
      document.body.dataset.loaded = "true";
      return;
    }
    items.add(later.splice(0, LOAD_SLICE));
    setTimeout(loadLater, 0);
  }
  marks.dataset = performance.now();
  const timeline = new Timeline(parts.main, items, groups, {
    start: window.start,
    end: window.end,
    stack: true,
    onInitialDrawComplete: () => {
      requestAnimationFrame(() => {
        marks.drawn = performance.now();
        document.body.dataset.drawn = "true";
        setTimeout(loadLater, 0);
      });
    },
    orientation: { axis: "top", item: "top" },
    zoomMin: 1000 * 60 * 60 * 24 * 7,
    template: (item) => (item ? el("span", item.label) : el("span", "")),
    groupTemplate: (group) => (group ? el("span", group.name) : el("span", "")),
    tooltip: { followMouse: false },
    verticalScroll: true,
    maxHeight: "100%",
    height: "100%",
    selectable: true,
    showCurrentTime: false,
  });
  // vis-timeline given a start and end stays hidden until its range has "changed", which it
  // announces 200 ms late (or never, if the window is already in place): announce it now.
  timeline.emit("rangechanged", { start: new Date(window.start), end: new Date(window.end), byUser: false });
  marks.created = performance.now();

  function updateCounts() {
    const hidden = new Set(groups.get({ filter: (g) => !g.visible }).map((g) => g.id));
    const shown = data.items.filter((item) => !hidden.has(item.group)).length;
    counts.textContent = shown + " of " + data.items.length + " dated facts drawn";
  }
  for (const g of data.groups) {
    parts.legend.appendChild(legendEntry(g, (checked) => { groups.update({ id: g.id, visible: checked }); updateCounts(); }));
  }
  sideList("Every year on", data.recurring, "Days observed each year (no year to place them).");
  sideList("Not drawn", data.skipped, "Dates that cannot be placed.");
  timeline.on("select", (p) => { if (p.items.length) showItem(p.items[0]); });
  if (narrow) {
    const all = el("button", "Show all (" + starts.filter((t) => t < window.start).length + " earlier)", "gv-fit");
    all.addEventListener("click", () => timeline.fit({ animation: false }));
    parts.toolbar.insertBefore(all, counts);
  }
  updateCounts();
  return { timeline, items, groups, showItem };
}
