// One event: the merged record, each source's sentences with the evidence highlighted, where
// the sources disagree, and why their reports were merged.

import { getJSON } from "./api.js";
import { clear, el, externalLink, safeUrl } from "./dom.js";
import {
  actorLabel,
  formatDate,
  formatDay,
  formatQuantity,
  placeLabel,
  plural,
  precisionLabel,
  typeSlug,
} from "./format.js";
import { highlightLegend, highlightedSentence, mentionSpans, overlaps } from "./highlight.js";
import { placeMap } from "./map.js";

const ACTOR_TYPES = {
  1: "state forces",
  2: "rebel group",
  3: "political militia",
  4: "identity militia",
  5: "rioters",
  6: "protesters",
  7: "civilians",
  8: "external/other forces",
};

/** Disputed values longer than this (descriptions, whole sentences) are set as body text. */
const LONG_VALUE = 60;

const main = document.getElementById("event");
const alertBox = document.getElementById("alert");

function showAlert(error) {
  clear(alertBox).append(el("strong", { text: "Problem: " }), error.message ?? String(error));
  if (error.fix) alertBox.append(el("span", { className: "fix", text: ` Fix: ${error.fix}` }));
  alertBox.hidden = false;
}

function publishedLabel(published) {
  return published ? formatDay(String(published).slice(0, 10)) : "date unknown";
}

function actorFact(actor) {
  if (!actor) return null;
  const parts = [el("span", { className: "fact-main", text: actorLabel(actor) })];
  const notes = [];
  if (actor.canonical && actor.text && actor.text !== actor.canonical) notes.push(`written “${actor.text}”`);
  if (ACTOR_TYPES[actor.actor_type]) notes.push(ACTOR_TYPES[actor.actor_type]);
  if (actor.country) notes.push(actor.country);
  if (notes.length) parts.push(el("span", { className: "fact-note", text: notes.join(" · ") }));
  return el("div", {}, parts);
}

function fact(term, ...values) {
  const present = values.filter((value) => value !== null && value !== undefined && value !== "");
  if (!present.length) return [];
  return [el("dt", { text: term }), el("dd", {}, present)];
}

/** A value in bold with a quieter note after it ("4 Mar 2025  known to the day"). */
function withNote(main, note, mainClass = "fact-main") {
  return el("div", {}, [
    el("span", { className: mainClass, text: main }),
    note ? el("span", { className: "fact-note", text: note }) : null,
  ]);
}

function factsList(event) {
  const range = event.fatalities_range;
  const spread = range && range[0] !== range[1] ? `sources say ${range[0]}–${range[1]}` : null;
  const date = event.date
    ? withNote(formatDate(event.date), `known to the ${event.date.precision.replace("_", " ")}`)
    : "unknown";
  const places = (event.places ?? []).map((place) =>
    withNote(placeLabel(place), precisionLabel(place.precision)),
  );
  const associates = [...(event.assoc_actors1 ?? []), ...(event.assoc_actors2 ?? [])].map(actorFact);
  return el("dl", { className: "facts" }, [
    ...fact("Date", date),
    ...fact("Place", ...(places.length ? places : ["unknown"])),
    ...fact("Actor 1", actorFact(event.actor1) ?? "—"),
    ...fact("Actor 2", actorFact(event.actor2) ?? "—"),
    ...fact("Associated", ...associates),
    ...fact(
      "Killed",
      event.fatalities
        ? withNote(formatQuantity(event.fatalities), spread, "fact-main killed")
        : "not reported",
    ),
    ...fact("Injured", event.injuries ? formatQuantity(event.injuries) : "not reported"),
    ...fact("Weapon", event.weapon),
    ...fact("PLOVER", event.plover),
    ...fact("Event id", el("code", { text: event.id })),
  ]);
}

function sourceHeading(article, mention) {
  const outlet = article?.outlet || "Unknown outlet";
  const title = article?.title || "(untitled)";
  const href = safeUrl(article?.url);
  const original = href
    ? externalLink(href, "Original article ↗")
    : el("span", {
        className: "muted",
        text: article?.url ? "URL not linked (not http/https)" : "no URL recorded",
      });
  return el("header", { className: "source-head" }, [
    el("div", { className: "source-outlet" }, [
      el("strong", { text: outlet }),
      el("span", { className: "muted", text: ` · ${publishedLabel(article?.published)}` }),
    ]),
    el("div", { className: "source-title" }, [
      href ? externalLink(href, title, "source-link") : el("span", { text: title }),
    ]),
    el("div", { className: "source-links" }, [
      original,
      el("a", {
        text: "Stored text",
        attrs: { href: `/api/articles/${encodeURIComponent(mention.article_id)}` },
      }),
    ]),
  ]);
}

function mentionChips(mention) {
  const chips = [
    ["type", mention.sub_event_type],
    ["mode", mention.mode],
    ["date", formatDate(mention.date)],
    ["killed", mention.fatalities ? formatQuantity(mention.fatalities) : null],
    ["injured", mention.injuries ? formatQuantity(mention.injuries) : null],
    ["weapon", mention.weapon],
    ["according to", mention.attribution?.source],
    ["confidence", mention.confidence !== undefined ? mention.confidence.toFixed(2) : null],
  ];
  return el(
    "ul",
    { className: "chips" },
    chips
      .filter(([, value]) => value !== null && value !== undefined && value !== "")
      .map(([name, value]) =>
        el("li", {}, [el("span", { className: "chip-name", text: name }), String(value)]),
      ),
  );
}

function sourceCard(mention, article) {
  const spans = mentionSpans(mention);
  const evidence = mention.evidence ?? [];
  const quote = el(
    "blockquote",
    { className: "evidence" },
    evidence.map((sentence) =>
      highlightedSentence(
        sentence,
        spans.filter((span) => overlaps(span, sentence)),
      ),
    ),
  );
  const elsewhere = spans.filter((span) => !evidence.some((sentence) => overlaps(span, sentence)));
  const card = el(
    "article",
    { className: "source-card", attrs: { id: `mention-${mention.id}`, "data-mention-id": mention.id } },
    [sourceHeading(article, mention), quote],
  );
  if (elsewhere.length) {
    card.append(
      el("p", { className: "elsewhere" }, [
        "Elsewhere in the article: ",
        ...elsewhere.flatMap((span, index) => [
          index ? ", " : "",
          el("mark", { className: `hl hl-${span.kind}`, text: span.text, attrs: { title: span.label } }),
        ]),
      ]),
    );
  }
  card.append(mentionChips(mention));
  return card;
}

function mentionName(mention, articles) {
  if (!mention) return "—";
  const outlet = articles[mention.article_id]?.outlet || "unknown outlet";
  return `${outlet}: “${mention.trigger.text}”`;
}

function disagreementsSection(event, mentions, articles) {
  const section = el("section", { className: "panel", attrs: { id: "disagreements" } }, [
    el("h2", { text: "Where the sources disagree" }),
  ]);
  if (!event.disagreements?.length) {
    section.append(el("p", { className: "muted", text: "The sources agree on every recorded field." }));
    return section;
  }
  for (const disagreement of event.disagreements) {
    const cards = disagreement.values.map((sourced) => {
      const mention = mentions.get(sourced.mention_id);
      const article = mention ? articles[mention.article_id] : null;
      return el("div", { className: "claim" }, [
        el("div", {
          className: sourced.value.length > LONG_VALUE ? "claim-value is-long" : "claim-value",
          text: sourced.value,
        }),
        el("div", { className: "claim-source" }, [
          mention
            ? el("a", {
                text: article?.outlet || "unknown outlet",
                attrs: { href: `#mention-${sourced.mention_id}` },
              })
            : "unknown source",
          sourced.attribution
            ? el("span", { className: "muted", text: ` · according to ${sourced.attribution}` })
            : null,
        ]),
      ]);
    });
    section.append(
      el("div", { className: "disagreement" }, [
        el("h3", { text: disagreement.field.replace(/_/g, " ") }),
        el("div", { className: "side-by-side" }, cards),
      ]),
    );
  }
  return section;
}

function mergeSection(event, mentions, articles) {
  const section = el("section", { className: "panel", attrs: { id: "merge" } }, [
    el("h2", { text: "Why these reports are one event" }),
  ]);
  const reasons = event.merge_reasons ?? [];
  if (!reasons.length) {
    section.append(el("p", { className: "muted", text: "A single report: nothing was merged." }));
    return section;
  }
  const maxComponent = Math.max(
    0.0001,
    ...reasons.flatMap((reason) => reason.components.map((part) => Math.abs(part.score))),
  );
  const rows = reasons.map((reason) => {
    const components = el(
      "ul",
      { className: "components" },
      reason.components.map((part) => {
        const bar = el("span", { className: part.score < 0 ? "component-bar is-negative" : "component-bar" });
        bar.style.width = `${Math.round((Math.abs(part.score) / maxComponent) * 100)}%`;
        return el("li", { attrs: { title: `${part.name}: ${part.score}` } }, [
          el("span", { className: "component-name", text: part.name }),
          el("span", { className: "component-track" }, [bar]),
          el("span", { className: "component-score", text: part.score.toFixed(2) }),
        ]);
      }),
    );
    return el("tr", {}, [
      el("td", { text: mentionName(mentions.get(reason.mention_id), articles) }),
      el("td", {
        text: reason.joined_with
          ? mentionName(mentions.get(reason.joined_with), articles)
          : "started the event",
      }),
      el("td", { className: "score" }, [
        reason.joined_with ? reason.score.toFixed(2) : "—",
        reason.manual ? el("span", { className: "badge", text: "manual" }) : null,
      ]),
      el("td", {}, [reason.components.length ? components : el("span", { className: "muted", text: "—" })]),
    ]);
  });
  section.append(
    el("table", { className: "merge-table" }, [
      el("thead", {}, [
        el(
          "tr",
          {},
          ["Report", "Joined with", "Score", "Score components"].map((name) => el("th", { text: name })),
        ),
      ]),
      el("tbody", {}, rows),
    ]),
  );
  return section;
}

function render(event, articles, config) {
  const slug = typeSlug(event.event_type);
  const mentions = new Map(event.mentions.map((mention) => [mention.id, mention]));
  const articleCount = new Set(event.mentions.map((mention) => mention.article_id)).size;
  document.title = `${event.sub_event_type} · ${placeLabel(event.places?.[0])} — wirewatch`;

  const json = el("a", {
    className: "raw-link",
    text: "JSON",
    attrs: { href: `/api/events/${encodeURIComponent(event.id)}`, title: "This event as the API returns it" },
  });
  const back = el("a", {
    className: "back",
    text: "← All events",
    attrs: { href: `/${sessionStorage.getItem("wirewatch.dashboardQuery") ?? ""}` },
  });
  const header = el("header", { className: `event-header type-${slug}` }, [
    el("div", { className: "kicker" }, [el("span", { className: "swatch" }), event.event_type]),
    el("h1", { text: event.sub_event_type }),
    el("p", {
      className: "event-subtitle",
      text: `${placeLabel(event.places?.[0])} · ${formatDate(event.date)}`,
    }),
    el("div", { className: "badges" }, [
      el("span", { className: event.mode === "asserted" ? "badge" : "badge badge-mode", text: event.mode }),
      event.fatalities
        ? el("span", { className: "badge badge-killed", text: `${formatQuantity(event.fatalities)} killed` })
        : null,
      el("span", {
        className: "badge badge-sources",
        text: `${plural(event.mentions.length, "report")} in ${plural(articleCount, "article")}`,
      }),
    ]),
  ]);
  const mapBox = el("div", {
    className: "event-map",
    attrs: { id: "event-map", "aria-label": "Where it happened" },
  });
  const overview = el("section", { className: "overview" }, [
    el("div", { className: "panel" }, [el("h2", { text: "The record" }), factsList(event)]),
    mapBox,
  ]);

  const sources = el("section", { className: "panel", attrs: { id: "sources" } }, [
    el("div", { className: "panel-head" }, [el("h2", { text: "What each source says" }), highlightLegend()]),
    ...event.mentions.map((mention) => sourceCard(mention, articles[mention.article_id])),
  ]);
  // Disagreements come before the evidence: they are short, and what a reader checks first.
  clear(main).append(
    el("nav", { className: "event-nav" }, [back, json]),
    header,
    overview,
    disagreementsSection(event, mentions, articles),
    sources,
    mergeSection(event, mentions, articles),
  );
  placeMap(mapBox, event, config).catch(showAlert);
}

async function start() {
  const eventId = decodeURIComponent(window.location.pathname.split("/").filter(Boolean).pop() ?? "");
  try {
    const [{ event, articles }, config] = await Promise.all([
      getJSON(`/api/events/${encodeURIComponent(eventId)}`),
      getJSON("/dashboard/config.json"),
    ]);
    render(event, articles ?? {}, config);
  } catch (error) {
    clear(main).append(el("a", { className: "back", text: "← All events", attrs: { href: "/" } }));
    showAlert(error);
  }
}

start();
