// The dashboard page: filters drive the map, the timeline and the list together, and live in
// the address bar so a view can be bookmarked or shared.

import { ApiError, fetchEvents, filterParams, getJSON } from "./api.js";
import { clear, el } from "./dom.js";
import { actorLabel, formatDate, formatQuantity, placeLabel, plural, typeSlug } from "./format.js";
import { EventMap } from "./map.js";
import { Timeline, chooseInterval } from "./timeline.js";

/** Most events put on the map at once: markercluster stays smooth well past this, and beyond
 *  it a reader should narrow the filters anyway (the list says how many matched). */
const MAX_EVENTS = 5000;
/** Rows in the list; the map and the timeline still show every matching event. */
const LIST_LIMIT = 300;
/** Wait this long after the last keystroke before asking for actor suggestions. */
const SUGGEST_DELAY_MS = 250;
const TEXT_FILTERS = ["start", "end", "sub_event_type", "mode", "actor", "country", "min_fatalities", "q"];

const form = document.getElementById("filters");
const statusLine = document.getElementById("status");
const alertBox = document.getElementById("alert");
const list = document.getElementById("event-list");
const listCount = document.getElementById("list-count");
const intervalLabel = document.getElementById("interval");

let allEventTypes = [];
let map = null;
let timeline = null;
let latestRequest = 0;

function showAlert(error) {
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  const fix = error instanceof ApiError ? error.fix : null;
  clear(alertBox).append(el("strong", { text: "Problem: " }), message);
  if (fix) alertBox.append(el("span", { className: "fix", text: ` Fix: ${fix}` }));
  alertBox.hidden = false;
}

function hideAlert() {
  alertBox.hidden = true;
  clear(alertBox);
}

function buildForm(config) {
  const typeBox = document.getElementById("type-options");
  for (const { name } of config.event_types) {
    const box = el("input", { attrs: { type: "checkbox", name: "event_type", value: name, checked: true } });
    typeBox.append(
      el("label", { className: "type-option" }, [
        box,
        el("span", { className: `swatch type-${typeSlug(name)}` }),
        name,
      ]),
    );
  }
  const subSelect = form.elements.sub_event_type;
  for (const { name, sub_event_types: subTypes } of config.event_types) {
    subSelect.append(
      el(
        "optgroup",
        { attrs: { label: name } },
        subTypes.map((sub) => el("option", { text: sub, attrs: { value: sub } })),
      ),
    );
  }
  const modeSelect = form.elements.mode;
  for (const mode of config.modes) modeSelect.append(el("option", { text: mode, attrs: { value: mode } }));
}

function typeBoxes() {
  return [...form.querySelectorAll('input[name="event_type"]')];
}

/** Fill the form from the address (on load and on back/forward). */
function formFromAddress() {
  const params = filterParams(window.location.search);
  for (const name of TEXT_FILTERS) form.elements[name].value = params.get(name) ?? "";
  const chosen = params.get("event_type");
  const wanted = chosen ? new Set(chosen.split(",")) : null;
  for (const box of typeBoxes()) box.checked = wanted === null || wanted.has(box.value);
}

function filtersFromForm() {
  const params = new URLSearchParams();
  for (const name of TEXT_FILTERS) {
    let value = String(form.elements[name].value ?? "").trim();
    if (name === "country") value = value.toUpperCase().replace(/\s+/g, "");
    if (value !== "") params.set(name, value);
  }
  const chosen = typeBoxes()
    .filter((box) => box.checked)
    .map((box) => box.value);
  if (chosen.length && chosen.length < allEventTypes.length) params.set("event_type", chosen.join(","));
  return { params, noTypes: chosen.length === 0 };
}

function badge(className, text) {
  return el("span", { className: `badge ${className}`, text });
}

function listItem(item) {
  const slug = typeSlug(item.event_type);
  const badges = [
    item.fatalities && badge("badge-killed", `${formatQuantity(item.fatalities)} killed`),
    item.injuries && badge("", `${formatQuantity(item.injuries)} injured`),
    item.mode !== "asserted" && badge("badge-mode", item.mode),
    badge("badge-sources", plural(item.article_count, "source")),
  ];
  const actors = [actorLabel(item.actor1), actorLabel(item.actor2)].filter(Boolean).join(" → ");
  const link = el(
    "a",
    { className: "event-link", attrs: { href: `/events/${encodeURIComponent(item.id)}` } },
    [
      el("div", { className: "event-head" }, [
        el("span", { className: `swatch type-${slug}`, attrs: { title: item.event_type } }),
        el("span", { className: "event-title", text: item.sub_event_type }),
        el("span", { className: "event-date", text: formatDate(item.date) }),
      ]),
      el("div", { className: "event-place", text: placeLabel(item.place) }),
      actors ? el("div", { className: "event-actors", text: actors }) : null,
      item.summary ? el("div", { className: "event-summary", text: item.summary }) : null,
      el("div", { className: "badges" }, badges),
    ],
  );
  const row = el("li", { className: `event-item type-${slug}`, attrs: { "data-event-id": item.id } }, [link]);
  if (item.place && item.place.lat !== null && item.place.lat !== undefined) {
    const locate = el("button", {
      className: "locate",
      text: "Map",
      attrs: { type: "button", title: "Show on the map" },
    });
    locate.addEventListener("click", () => map.reveal(item.id));
    row.append(locate);
  }
  return row;
}

function renderList(items, total) {
  clear(list);
  listCount.textContent =
    total > items.length || items.length > LIST_LIMIT
      ? `${Math.min(items.length, LIST_LIMIT)} of ${total}`
      : String(total);
  if (!items.length) {
    list.append(el("li", { className: "empty", text: "No events match these filters." }));
    return;
  }
  list.append(...items.slice(0, LIST_LIMIT).map(listItem));
}

function dateExtent(items) {
  const starts = items
    .map((item) => item.date?.start)
    .filter(Boolean)
    .sort();
  return [starts[0], starts[starts.length - 1]];
}

async function refresh({ record = true } = {}) {
  const request = ++latestRequest;
  const { params, noTypes } = filtersFromForm();
  if (record) {
    const query = params.toString();
    const address = query ? `?${query}` : window.location.pathname;
    if (query !== window.location.search.slice(1)) window.history.pushState(null, "", address);
  }
  sessionStorage.setItem("wirewatch.dashboardQuery", params.toString() ? `?${params}` : "");
  if (noTypes) {
    map.show([], { fit: false });
    timeline.show([], "week");
    renderList([], 0);
    statusLine.textContent = "Choose at least one event type";
    return;
  }
  statusLine.textContent = "Loading…";
  document.body.classList.add("is-loading");
  try {
    const { items, total } = await fetchEvents(params, MAX_EVENTS);
    const [first, last] = dateExtent(items);
    const interval = chooseInterval(params.get("start") ?? first, params.get("end") ?? last);
    const seriesParams = new URLSearchParams(params);
    seriesParams.set("interval", interval);
    seriesParams.set("group_by", "event_type");
    const series = await getJSON("/api/stats/timeseries", seriesParams);
    if (request !== latestRequest) return;
    hideAlert();
    const placed = map.show(items);
    timeline.show(series.series, series.interval ?? interval);
    intervalLabel.textContent = series.interval ?? interval;
    renderList(items, total);
    statusLine.textContent = `${total} matching · ${placed} on the map`;
  } catch (error) {
    if (request !== latestRequest) return;
    statusLine.textContent = "";
    showAlert(error);
  } finally {
    if (request === latestRequest) document.body.classList.remove("is-loading");
  }
}

function suggestActors() {
  const input = form.elements.actor;
  const options = document.getElementById("actor-options");
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = input.value.trim();
      if (text.length < 2) return;
      try {
        const found = await getJSON("/api/actors", new URLSearchParams({ q: text, limit: "15" }));
        clear(options).append(...found.items.map((actor) => el("option", { attrs: { value: actor.name } })));
      } catch {
        // Suggestions are a convenience: typing still filters without them.
      }
    }, SUGGEST_DELAY_MS);
  });
}

async function main() {
  let config;
  try {
    config = await getJSON("/dashboard/config.json");
  } catch (error) {
    showAlert(error);
    return;
  }
  if (!window.L || !window.L.markerClusterGroup || !window.topojson) {
    showAlert(new ApiError(0, "the map libraries did not load", config.install_fix));
    return;
  }
  allEventTypes = config.event_types.map((entry) => entry.name);
  buildForm(config);
  formFromAddress();
  map = new EventMap(document.getElementById("map"), config);
  map.outlines?.catch(showAlert);
  timeline = new Timeline(document.getElementById("timeline"), allEventTypes, (start, end) => {
    form.elements.start.value = start;
    form.elements.end.value = end;
    refresh();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    refresh();
  });
  form.addEventListener("change", () => refresh());
  form.addEventListener("reset", () =>
    setTimeout(() => {
      for (const box of typeBoxes()) box.checked = true;
      refresh();
    }),
  );
  document.getElementById("all-types").addEventListener("click", () => {
    const everyChecked = typeBoxes().every((box) => box.checked);
    for (const box of typeBoxes()) box.checked = !everyChecked;
    refresh();
  });
  window.addEventListener("popstate", () => {
    formFromAddress();
    refresh({ record: false });
  });
  suggestActors();
  getJSON("/api/health")
    .then((health) => {
      document.getElementById("store-size").textContent =
        `Store: ${plural(health.events, "event")}, ${plural(health.articles, "article")}`;
    })
    .catch(() => {});
  await refresh({ record: false });
}

main();
