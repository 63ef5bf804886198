// Turning record fields into short labels a reader expects ("at least 5", "week of 3 Mar 2025").

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Explosions/Remote violence" -> "explosions-remote-violence": the CSS class suffix. */
export function typeSlug(eventType) {
  return String(eventType ?? "unknown")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function parseDay(iso) {
  const [year, month, day] = String(iso).split("-").map(Number);
  return { year, month, day };
}

export function formatDay(iso) {
  if (!iso) return "";
  const { year, month, day } = parseDay(iso);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A DateRange as precisely as it is known. */
export function formatDate(range) {
  if (!range) return "date unknown";
  const { start, end, precision, partial } = range;
  if (precision === "year_unknown" && partial) {
    const [, , month, day] = partial.split("-");
    return `${Number(day)} ${MONTHS[Number(month) - 1]} (year unknown)`;
  }
  if (!start) return "date unknown";
  const first = parseDay(start);
  if (precision === "day" || start === end) return formatDay(start);
  if (precision === "month") return `${MONTHS[first.month - 1]} ${first.year}`;
  if (precision === "year") return String(first.year);
  return `${formatDay(start)} – ${formatDay(end)}`;
}

const QUALIFIER_WORDS = {
  exact: "",
  at_least: "at least ",
  more_than: "more than ",
  about: "about ",
  up_to: "up to ",
};

export function formatQuantity(quantity) {
  if (!quantity) return "";
  return `${QUALIFIER_WORDS[quantity.qualifier] ?? ""}${quantity.value}`;
}

export function actorLabel(actor) {
  if (!actor) return "";
  return actor.canonical || actor.text || "";
}

const PRECISION_WORDS = { 1: "exact place", 2: "near the place", 3: "region", 4: "country only" };

export function precisionLabel(precision) {
  return PRECISION_WORDS[precision] ?? "";
}

export function placeLabel(place) {
  if (!place) return "place unknown";
  const parts = [place.name];
  if (place.admin1 && place.admin1 !== place.name) parts.push(place.admin1);
  if (place.country && place.country !== place.name) parts.push(place.country);
  return parts.join(", ");
}

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
