// The timeline: events per day, week or month as stacked SVG bars, one colour per event type.
// Clicking a bar narrows the date filter to that period.

import { clear, svg } from "./dom.js";
import { formatDay, plural, typeSlug } from "./format.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MARGIN = { top: 10, right: 12, bottom: 22, left: 34 };
/** Extents (in days) up to which daily, then weekly bars stay wide enough to read and click. */
const DAILY_UP_TO_DAYS = 45;
const WEEKLY_UP_TO_DAYS = 400;
/** Roughly one x-axis label per this many pixels, so labels never overlap. */
const LABEL_SPACING_PX = 80;
const DAY_MS = 86_400_000;

function toUtc(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function toIso(date) {
  return date.toISOString().slice(0, 10);
}

/** day, week or month, whichever keeps the number of bars readable for this date extent. */
export function chooseInterval(firstIso, lastIso) {
  if (!firstIso || !lastIso) return "week";
  const days = (toUtc(lastIso) - toUtc(firstIso)) / DAY_MS;
  if (days <= DAILY_UP_TO_DAYS) return "day";
  if (days <= WEEKLY_UP_TO_DAYS) return "week";
  return "month";
}

function nextPeriod(date, interval) {
  const next = new Date(date);
  if (interval === "day") next.setUTCDate(next.getUTCDate() + 1);
  else if (interval === "week") next.setUTCDate(next.getUTCDate() + 7);
  else next.setUTCMonth(next.getUTCMonth() + 1);
  return next;
}

/** The last day of the period that starts on `iso`. */
export function periodEnd(iso, interval) {
  const end = nextPeriod(toUtc(iso), interval);
  end.setUTCDate(end.getUTCDate() - 1);
  return toIso(end);
}

function periodLabel(iso, interval, withYear) {
  const date = toUtc(iso);
  if (interval === "month") {
    return withYear ? `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}` : MONTHS[date.getUTCMonth()];
  }
  const label = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return withYear ? `${label} ${date.getUTCFullYear()}` : label;
}

function periodTitle(iso, interval) {
  if (interval === "day") return formatDay(iso);
  if (interval === "week") return `Week of ${formatDay(iso)}`;
  const date = toUtc(iso);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** A round step for about `wanted` ticks up to `max`. */
function tickStep(max, wanted) {
  const raw = Math.max(1, max / wanted);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw);
  return Math.max(1, step);
}

/** Rows of {period, byType: Map(type -> events), events, fatalities}, gaps filled with zeros. */
export function tabulate(series, interval) {
  const rows = new Map();
  for (const line of series) {
    for (const point of line.points) {
      const row = rows.get(point.period) ?? {
        period: point.period,
        byType: new Map(),
        events: 0,
        fatalities: 0,
      };
      row.byType.set(line.key, (row.byType.get(line.key) ?? 0) + point.events);
      row.events += point.events;
      row.fatalities += point.fatalities ?? 0;
      rows.set(point.period, row);
    }
  }
  if (rows.size === 0) return [];
  const periods = [...rows.keys()].sort();
  const filled = [];
  const last = toUtc(periods[periods.length - 1]);
  for (let date = toUtc(periods[0]); date <= last; date = nextPeriod(date, interval)) {
    const iso = toIso(date);
    filled.push(rows.get(iso) ?? { period: iso, byType: new Map(), events: 0, fatalities: 0 });
  }
  return filled;
}

export class Timeline {
  constructor(container, eventTypes, onSelect) {
    this.container = container;
    this.eventTypes = eventTypes;
    this.onSelect = onSelect;
    this.rows = [];
    this.interval = "week";
    new ResizeObserver(() => this.draw()).observe(container);
  }

  show(series, interval) {
    this.interval = interval;
    this.rows = tabulate(series, interval);
    this.draw();
  }

  draw() {
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    clear(this.container);
    if (!this.rows.length || width < 50 || height < 50) {
      this.container.append(
        svg("svg", { attrs: { width, height, role: "img", "aria-label": "No dated events" } }, [
          svg("text", {
            className: "timeline-empty",
            text: "No dated events match the filters",
            attrs: { x: width / 2, y: height / 2 },
          }),
        ]),
      );
      return;
    }
    const plotWidth = width - MARGIN.left - MARGIN.right;
    const plotHeight = height - MARGIN.top - MARGIN.bottom;
    const maxEvents = Math.max(1, ...this.rows.map((row) => row.events));
    const step = tickStep(maxEvents, 3);
    const top = Math.ceil(maxEvents / step) * step;
    const y = (value) => MARGIN.top + plotHeight - (value / top) * plotHeight;
    const slot = plotWidth / this.rows.length;
    const barWidth = Math.max(1, slot * 0.8);

    const chart = svg("svg", {
      className: "timeline-chart",
      attrs: { width, height, role: "img", "aria-label": `Events per ${this.interval}` },
    });
    for (let tick = 0; tick <= top; tick += step) {
      chart.append(
        svg("line", {
          className: "grid",
          attrs: { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(tick), y2: y(tick) },
        }),
        svg("text", {
          className: "axis-label",
          text: String(tick),
          attrs: { x: MARGIN.left - 6, y: y(tick) + 4, "text-anchor": "end" },
        }),
      );
    }
    const labelEvery = Math.max(1, Math.ceil(LABEL_SPACING_PX / slot));
    let lastYear = null;
    this.rows.forEach((row, index) => {
      const x = MARGIN.left + index * slot + (slot - barWidth) / 2;
      const title = [
        `${periodTitle(row.period, this.interval)}: ${plural(row.events, "event")}, ${row.fatalities} killed`,
        ...[...row.byType]
          .filter(([, count]) => count > 0)
          .map(([eventType, count]) => `${eventType}: ${count}`),
      ].join("\n");
      const group = svg(
        "g",
        { className: row.events ? "bar-group" : "bar-group is-empty", attrs: { "data-period": row.period } },
        [
          svg("title", { text: title }),
          // An invisible full-height hit area, so thin bars are still easy to click.
          svg("rect", {
            className: "bar-hit",
            attrs: { x: MARGIN.left + index * slot, y: MARGIN.top, width: slot, height: plotHeight },
          }),
        ],
      );
      let stacked = 0;
      for (const eventType of this.eventTypes) {
        const count = row.byType.get(eventType) ?? 0;
        if (!count) continue;
        group.append(
          svg("rect", {
            className: `bar type-${typeSlug(eventType)}`,
            attrs: { x, width: barWidth, y: y(stacked + count), height: y(stacked) - y(stacked + count) },
          }),
        );
        stacked += count;
      }
      if (row.events) {
        // A button for keyboards too: Tab reaches each period with events, Enter selects it.
        const select = () => this.onSelect(row.period, periodEnd(row.period, this.interval));
        group.setAttribute("tabindex", "0");
        group.setAttribute("role", "button");
        group.setAttribute("aria-label", title.replace(/\n/g, "; "));
        group.addEventListener("click", select);
        group.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            select();
          }
        });
      }
      chart.append(group);
      if (index % labelEvery === 0) {
        const year = row.period.slice(0, 4);
        chart.append(
          svg("text", {
            className: "axis-label",
            text: periodLabel(row.period, this.interval, year !== lastYear),
            attrs: { x: MARGIN.left + index * slot + slot / 2, y: height - 6, "text-anchor": "middle" },
          }),
        );
        lastYear = year;
      }
    });
    chart.append(
      svg("line", {
        className: "axis",
        attrs: { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(0), y2: y(0) },
      }),
    );
    this.container.append(chart);
  }
}
