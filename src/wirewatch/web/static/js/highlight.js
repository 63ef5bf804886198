// Evidence highlighting. Every span of a mention (trigger, actors, places, numbers, time,
// attribution) is an offset into its article's text; an evidence sentence is one too, so a
// span's place inside the sentence is its offset minus the sentence's start.

import { el } from "./dom.js";
import { actorLabel, formatQuantity } from "./format.js";

/** The kinds of span, in the order the legend lists them, with what a reader calls them. */
export const SPAN_KINDS = [
  ["trigger", "event trigger"],
  ["actor", "actor"],
  ["place", "place"],
  ["number", "casualty figure"],
  ["time", "time"],
  ["source", "attribution"],
];

/** Every span of a mention as {kind, start, end, text, label}. */
export function mentionSpans(mention) {
  const spans = [];
  const add = (kind, span, label) => {
    if (span && Number.isInteger(span.start) && Number.isInteger(span.end) && span.end > span.start) {
      spans.push({ kind, start: span.start, end: span.end, text: span.text, label });
    }
  };
  add("trigger", mention.trigger, `trigger: ${mention.sub_event_type}`);
  add("actor", mention.actor1?.span, `actor 1: ${actorLabel(mention.actor1)}`);
  add("actor", mention.actor2?.span, `actor 2: ${actorLabel(mention.actor2)}`);
  for (const actor of mention.assoc_actors1 ?? [])
    add("actor", actor.span, `with actor 1: ${actorLabel(actor)}`);
  for (const actor of mention.assoc_actors2 ?? [])
    add("actor", actor.span, `with actor 2: ${actorLabel(actor)}`);
  for (const place of mention.places ?? []) add("place", place.span, `place: ${place.name}`);
  add("number", mention.fatalities?.span, `killed: ${formatQuantity(mention.fatalities)}`);
  add("number", mention.injuries?.span, `injured: ${formatQuantity(mention.injuries)}`);
  add("time", mention.time, "time");
  if (
    mention.date?.span &&
    (mention.date.span.start !== mention.time?.start || mention.date.span.end !== mention.time?.end)
  ) {
    add("time", mention.date.span, "date");
  }
  add("source", mention.attribution?.span, `according to: ${mention.attribution?.source ?? ""}`);
  return spans;
}

/**
 * Cut a sentence into runs of text, each with the spans that cover all of it. Spans may
 * overlap or nest ("two Iraqi soldiers" is an actor inside the injured count "two Iraqi
 * soldiers and a contractor"), so a run can carry several kinds.
 */
export function segments(sentence, spans) {
  const length = sentence.text.length;
  const local = spans
    .map((span) => ({
      ...span,
      from: Math.max(0, span.start - sentence.start),
      to: Math.min(length, span.end - sentence.start),
    }))
    .filter((span) => span.from < span.to);
  const cuts = new Set([0, length]);
  for (const span of local) {
    cuts.add(span.from);
    cuts.add(span.to);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs = [];
  for (let index = 0; index < points.length - 1; index += 1) {
    const from = points[index];
    const to = points[index + 1];
    const covering = local.filter((span) => span.from <= from && span.to >= to);
    runs.push({ text: sentence.text.slice(from, to), spans: covering });
  }
  return runs;
}

/** True when the span lies (at least partly) inside the sentence. */
export function overlaps(span, sentence) {
  return span.start < sentence.end && span.end > sentence.start;
}

/** A paragraph of the sentence with <mark>s for the spans; text only ever as text nodes. */
export function highlightedSentence(sentence, spans) {
  const paragraph = el("p", { className: "evidence-sentence" });
  for (const run of segments(sentence, spans)) {
    if (!run.spans.length) {
      paragraph.append(run.text);
      continue;
    }
    const kinds = [...new Set(run.spans.map((span) => span.kind))];
    paragraph.append(
      el("mark", {
        className: ["hl", ...kinds.map((kind) => `hl-${kind}`)].join(" "),
        text: run.text,
        attrs: { title: run.spans.map((span) => span.label).join("\n"), "data-kinds": kinds.join(" ") },
      }),
    );
  }
  return paragraph;
}

/** The legend of highlight kinds. */
export function highlightLegend() {
  return el(
    "ul",
    { className: "hl-legend" },
    SPAN_KINDS.map(([kind, label]) =>
      el("li", {}, [el("mark", { className: `hl hl-${kind}`, text: label })]),
    ),
  );
}
