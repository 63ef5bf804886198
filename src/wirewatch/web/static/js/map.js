// The events map: Leaflet with country outlines from world-atlas (offline) or, when the server
// is configured with WIREWATCH_TILE_URL, online tiles; markers coloured by event type, sized by
// fatalities, clustered when dense.

import { el } from "./dom.js";
import { actorLabel, formatDate, formatQuantity, placeLabel, typeSlug } from "./format.js";

const L = window.L;

/** Where the map starts before any event is placed: Iraq and Syria, the project's first beat. */
const DEFAULT_VIEW = { center: [33.5, 42.0], zoom: 5 };
/** Zooming in further than this onto a few events hides the surrounding context. */
const FIT_MAX_ZOOM = 6;
/** Natural Earth 1:50m outlines turn blocky past this; with tiles the tile server decides. */
const MAX_ZOOM = 10;
/** Marker diameter in px: a base everyone can click, growing with the square root of the
 *  fatalities so marker area tracks the count, capped so one massacre does not hide a city. */
const MARKER_BASE = 12;
const MARKER_GROWTH = 4;
const MARKER_MAX = 42;
/** Modes shown hollow: the text does not say the event happened. */
const UNCONFIRMED_MODES = new Set(["claimed", "denied", "threatened", "planned", "hypothetical"]);

export function markerDiameter(fatalities) {
  const value = fatalities?.value ?? 0;
  return Math.min(MARKER_MAX, Math.round(MARKER_BASE + MARKER_GROWTH * Math.sqrt(value)));
}

function typeColour(eventType) {
  const value = getComputedStyle(document.documentElement).getPropertyValue(`--type-${typeSlug(eventType)}`);
  return value.trim() || "#888";
}

function popupContent(item) {
  const place = item.place;
  const lines = [
    el("div", { className: "popup-title", text: item.sub_event_type }),
    el("div", { className: "popup-meta", text: `${formatDate(item.date)} · ${placeLabel(place)}` }),
  ];
  const actors = [actorLabel(item.actor1), actorLabel(item.actor2)].filter(Boolean);
  if (actors.length) lines.push(el("div", { className: "popup-meta", text: actors.join(" → ") }));
  if (item.fatalities) {
    lines.push(el("div", { className: "popup-killed", text: `${formatQuantity(item.fatalities)} killed` }));
  }
  lines.push(
    el("a", {
      className: "popup-link",
      text: "Open event →",
      attrs: { href: `/events/${encodeURIComponent(item.id)}` },
    }),
  );
  return el("div", { className: "popup" }, lines);
}

function eventIcon(item) {
  const size = markerDiameter(item.fatalities);
  const hollow = UNCONFIRMED_MODES.has(item.mode) ? " is-unconfirmed" : "";
  const dot = el("span", { className: `marker-dot type-${typeSlug(item.event_type)}${hollow}` });
  return L.divIcon({ html: dot, className: "event-marker", iconSize: [size, size] });
}

/** A cluster shows its count inside a ring split by event type. */
function clusterIcon(cluster) {
  const counts = new Map();
  for (const marker of cluster.getAllChildMarkers()) {
    counts.set(marker.options.eventType, (counts.get(marker.options.eventType) ?? 0) + 1);
  }
  const total = cluster.getChildCount();
  let angle = 0;
  const stops = [];
  for (const [eventType, count] of [...counts].sort((a, b) => b[1] - a[1])) {
    const next = angle + (360 * count) / total;
    stops.push(`${typeColour(eventType)} ${angle}deg ${next}deg`);
    angle = next;
  }
  const ring = el("div", { className: "cluster-ring" }, [
    el("span", { className: "cluster-count", text: String(total) }),
  ]);
  ring.style.background = `conic-gradient(${stops.join(", ")})`;
  const size = total < 10 ? 34 : total < 100 ? 40 : 48;
  return L.divIcon({ html: ring, className: "event-cluster", iconSize: [size, size] });
}

function legendControl(eventTypes) {
  const control = L.control({ position: "topright" });
  control.onAdd = () => {
    const rows = eventTypes.map((eventType) =>
      el("li", {}, [el("span", { className: `legend-dot type-${typeSlug(eventType)}` }), eventType]),
    );
    const sizes = [0, 10, 50].map((killed) => {
      const dot = el("span", { className: "legend-size" });
      const size = markerDiameter({ value: killed });
      dot.style.width = `${size}px`;
      dot.style.height = `${size}px`;
      return el("span", { className: "legend-size-item" }, [dot, String(killed)]);
    });
    const box = el("div", { className: "map-legend" }, [
      el("div", { className: "legend-heading", text: "Event type" }),
      el("ul", {}, rows),
      el("div", { className: "legend-heading", text: "Killed" }),
      el("div", { className: "legend-sizes" }, sizes),
      el("div", { className: "legend-note" }, [
        el("span", { className: "legend-dot is-unconfirmed" }),
        "claimed, threatened or planned",
      ]),
    ]);
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  return control;
}

/** The centre of a country's largest polygon (by bounding box), where its name goes, and that
 *  box's area in square degrees, which decides from which zoom the name fits. */
function labelAnchor(geometry) {
  const polygons =
    geometry.type === "Polygon"
      ? [geometry.coordinates]
      : geometry.type === "MultiPolygon"
        ? geometry.coordinates
        : [];
  let best = null;
  for (const polygon of polygons) {
    const ring = polygon[0];
    const lngs = ring.map((point) => point[0]);
    const lats = ring.map((point) => point[1]);
    const [west, east, south, north] = [
      Math.min(...lngs),
      Math.max(...lngs),
      Math.min(...lats),
      Math.max(...lats),
    ];
    const area = (east - west) * (north - south);
    if (!best || area > best.area) best = { area, lat: (south + north) / 2, lng: (west + east) / 2 };
  }
  return best;
}

/** Zoom from which a country's name is shown: big countries early, small ones when zoomed in. */
function labelMinZoom(area) {
  if (area > 300) return 3;
  if (area > 40) return 4;
  if (area > 6) return 5;
  return 6;
}

async function addCountryOutlines(map) {
  const response = await fetch("/vendor/world-atlas/countries-50m.json");
  if (!response.ok) throw new Error(`country outlines unavailable (${response.status})`);
  const topology = await response.json();
  const countries = window.topojson.feature(topology, topology.objects.countries);
  L.geoJSON(countries, {
    interactive: false,
    renderer: L.canvas({ padding: 0.5 }),
    style: { className: "country", color: "#b7c0ca", weight: 0.8, fillColor: "#f7f7f4", fillOpacity: 1 },
  }).addTo(map);
  map.createPane("country-labels").classList.add("country-labels-pane");
  const labels = [];
  for (const country of countries.features) {
    const anchor = country.geometry && labelAnchor(country.geometry);
    if (!anchor || !country.properties?.name) continue;
    const label = L.marker([anchor.lat, anchor.lng], {
      pane: "country-labels",
      interactive: false,
      keyboard: false,
      icon: L.divIcon({
        className: "country-label",
        html: el("span", { text: country.properties.name }),
        iconSize: null,
      }),
    }).addTo(map);
    labels.push({ label, minZoom: labelMinZoom(anchor.area) });
  }
  const showLabels = () => {
    const zoom = map.getZoom();
    for (const { label, minZoom } of labels)
      label.getElement()?.classList.toggle("is-hidden", zoom < minZoom);
  };
  map.on("zoomend", showLabels);
  showLabels();
}

/** Zoom that shows a place of this geo precision (1 the town ... 4 the country) with context. */
const ZOOM_FOR_PRECISION = { 1: 6.5, 2: 6.5, 3: 5.5, 4: 4.5 };
/** Several places of one event: keep borders in view so the reader sees which country. */
const PLACE_FIT_MAX_ZOOM = 6;

function addBaseLayer(map, container, config) {
  map.attributionControl.setPrefix(false);
  if (config.tiles) {
    L.tileLayer(config.tiles.url, { attribution: escapeHtml(config.tiles.attribution), maxZoom: 18 }).addTo(
      map,
    );
    container.classList.add("has-tiles");
    return Promise.resolve();
  }
  map.attributionControl.addAttribution("Outlines: Natural Earth via world-atlas");
  return addCountryOutlines(map);
}

/** Leaflet renders attributions as HTML: ours is configuration, not data, but keep it text. */
function escapeHtml(text) {
  const entities = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  return String(text ?? "").replace(/[&<>"']/g, (character) => entities[character]);
}

/** The small map of one event's places on its page. */
export function placeMap(container, event, config) {
  const map = L.map(container, { maxZoom: MAX_ZOOM, scrollWheelZoom: false, zoomSnap: 0.5 });
  const placed = (event.places ?? []).filter(
    (place) => Number.isFinite(place.lat) && Number.isFinite(place.lon),
  );
  if (!placed.length) {
    map.setView(DEFAULT_VIEW.center, 3);
    container.append(el("div", { className: "map-note", text: "No place could be located on the map." }));
  }
  const latLngs = placed.map((place) => [place.lat, place.lon]);
  if (latLngs.length === 1) {
    map.setView(latLngs[0], ZOOM_FOR_PRECISION[placed[0].precision] ?? 6);
  } else if (latLngs.length > 1) {
    map.fitBounds(L.latLngBounds(latLngs).pad(0.4), { maxZoom: PLACE_FIT_MAX_ZOOM });
  }
  const slug = typeSlug(event.event_type);
  for (const place of placed) {
    // Regions and countries get a larger, fainter mark: the event is somewhere inside them.
    const dot = el("span", { className: `marker-dot type-${slug} precision-${place.precision}` });
    const size = place.precision >= 3 ? 26 : 18;
    L.marker([place.lat, place.lon], {
      icon: L.divIcon({ html: dot, className: "event-marker", iconSize: [size, size] }),
      title: placeLabel(place),
    })
      .bindTooltip(el("span", { text: place.name }), {
        direction: "right",
        offset: [size / 2, 0],
        permanent: place.precision <= 2,
        className: "place-label",
      })
      .addTo(map);
  }
  return addBaseLayer(map, container, config);
}

/**
 * The bounds of the middle of the events: with enough markers, the outer TRIM share on each
 * side (by latitude and by longitude) is left out, so one stray report on another continent
 * (a country-only place, say) does not zoom the whole map out to the world. Zooming out shows it.
 */
const TRIM = 0.1;
const TRIM_FROM_MARKERS = 10;

export function coreBounds(latLngs) {
  if (latLngs.length < TRIM_FROM_MARKERS) return L.latLngBounds(latLngs);
  const lats = latLngs.map((point) => point.lat).sort((a, b) => a - b);
  const lngs = latLngs.map((point) => point.lng).sort((a, b) => a - b);
  const low = Math.floor(latLngs.length * TRIM);
  const high = latLngs.length - 1 - low;
  return L.latLngBounds([lats[low], lngs[low]], [lats[high], lngs[high]]);
}

export class EventMap {
  constructor(container, config) {
    this.map = L.map(container, { zoomSnap: 0.5, worldCopyJump: true, minZoom: 2, maxZoom: MAX_ZOOM });
    this.map.setView(DEFAULT_VIEW.center, DEFAULT_VIEW.zoom);
    this.outlines = addBaseLayer(this.map, container, config);
    this.cluster = L.markerClusterGroup({
      iconCreateFunction: clusterIcon,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      maxClusterRadius: 40,
    });
    this.map.addLayer(this.cluster);
    legendControl(config.event_types.map((entry) => entry.name)).addTo(this.map);
    this.markers = new Map();
  }

  /** Replace the markers with these events (EventSummary items); returns how many are placed. */
  show(items, { fit = true } = {}) {
    this.cluster.clearLayers();
    this.markers.clear();
    const layers = [];
    for (const item of items) {
      const place = item.place;
      if (!place || place.lat === null || place.lon === null || place.lat === undefined) continue;
      const marker = L.marker([place.lat, place.lon], {
        icon: eventIcon(item),
        eventType: item.event_type,
        title: `${item.sub_event_type}, ${placeLabel(place)}`,
        riseOnHover: true,
      });
      marker.bindPopup(() => popupContent(item), { maxWidth: 280 });
      layers.push(marker);
      this.markers.set(item.id, marker);
    }
    this.cluster.addLayers(layers);
    if (fit && layers.length) {
      const bounds = coreBounds(layers.map((marker) => marker.getLatLng()));
      this.map.fitBounds(bounds.pad(0.25), { maxZoom: FIT_MAX_ZOOM, animate: false });
    }
    return layers.length;
  }

  /** Bring one event's marker into view and open its popup (from the list). */
  reveal(eventId) {
    const marker = this.markers.get(eventId);
    if (!marker) return;
    this.cluster.zoomToShowLayer(marker, () => marker.openPopup());
  }
}
