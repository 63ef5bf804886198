// Talking to the wirewatch API (same origin; see /docs), and keeping filters in the address.

/** An API failure with the API's own message and suggested fix. */
export class ApiError extends Error {
  constructor(status, message, fix) {
    super(message);
    this.status = status;
    this.fix = fix;
  }
}

export async function getJSON(path, params = new URLSearchParams()) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of params) url.searchParams.append(name, value);
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" } });
  } catch (error) {
    throw new ApiError(
      0,
      `the wirewatch server did not answer (${error.message})`,
      "check that `wirewatch serve` is running",
    );
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const detail = body && typeof body === "object" ? body.error : null;
    throw new ApiError(
      response.status,
      detail?.message ?? `${response.status} ${response.statusText} from ${url.pathname}`,
      detail?.fix ?? null,
    );
  }
  return body;
}

/** The filter parameters the API understands, in the order the form shows them. */
export const FILTER_NAMES = [
  "start",
  "end",
  "event_type",
  "sub_event_type",
  "mode",
  "actor",
  "country",
  "min_fatalities",
  "q",
];

/** Only the filter parameters of a query string (drops anything else). */
export function filterParams(search) {
  const source = new URLSearchParams(search);
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = (source.get(name) ?? "").trim();
    if (value !== "") params.set(name, value);
  }
  return params;
}

/** Every page of /api/events for the filters, up to `cap` events. */
export async function fetchEvents(filters, cap) {
  const items = [];
  let total = 0;
  let cursor = null;
  do {
    const params = new URLSearchParams(filters);
    params.set("limit", "1000");
    params.set("sort", "-date");
    if (cursor) params.set("cursor", cursor);
    const page = await getJSON("/api/events", params);
    items.push(...page.items);
    total = page.total ?? items.length;
    cursor = page.next_cursor;
  } while (cursor && items.length < cap);
  return { items: items.slice(0, cap), total };
}
