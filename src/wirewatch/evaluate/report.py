"""The evaluation as people read it: a summary table, then what was missed, spurious or wrong."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from wirewatch.evaluate.runner import Evaluation

#: Characters of evidence or a gold quote shown per line of the listing.
QUOTE_CHARS = 160


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def print_report(evaluation: Evaluation, console: Console) -> None:
    score = evaluation.score
    summary = Table(
        title=f"evaluation: {evaluation.articles} articles in {evaluation.seconds:.1f} s", header_style="bold"
    )
    summary.add_column("measure")
    summary.add_column("value", justify="right")
    summary.add_column("detail")
    events = score.events
    summary.add_row(
        "events precision", _percent(float(events["precision"])), f"tp {events['tp']}, fp {events['fp']}"
    )
    summary.add_row("events recall", _percent(float(events["recall"])), f"fn {events['fn']}")
    summary.add_row("events F1", _percent(float(events["f1"])), "")
    for name, value in score.fields.items():
        right, scored = score.field_counts[name]
        summary.add_row(f"field {name}", _percent(value), f"{right}/{scored} matched pairs")
    if score.merge is not None:
        summary.add_row(
            "merge B³ F1",
            _percent(score.merge["b3_f1"]),
            f"P {_percent(score.merge['b3_precision'])}, R {_percent(score.merge['b3_recall'])}",
        )
    if score.aggregates is not None:
        summary.add_row(
            "aggregate claims",
            f"R {_percent(score.aggregates['recall'])}",
            f"P {_percent(score.aggregates['precision'])}",
        )
    if score.bodies is not None:
        summary.add_row(
            "article bodies",
            f"{_percent(score.bodies['exact_start'])} / {_percent(score.bodies['exact_end'])}",
            "exact start / exact end",
        )
    console.print(summary)

    if score.missed:
        console.print(f"\n[bold]missed gold events ({len(score.missed)})[/]")
        for gold in score.missed:
            docs = ", ".join(sorted(gold.docs))
            console.print(
                f"  [red]✗[/] {gold.id} {gold.sub_event_type} {gold.date_from}..{gold.date_to} [{docs}]",
                highlight=False,
            )
            console.print(
                f"      “{_cut(gold.mentions[0].quote if gold.mentions else gold.summary)}”", highlight=False
            )
    if score.spurious:
        console.print(f"\n[bold]spurious predictions ({len(score.spurious)})[/]")
        for pred in score.spurious:
            docs = ", ".join(sorted(pred.docs))
            console.print(
                f"  [yellow]?[/] {pred.id} {pred.sub_event_type} ({pred.mode}) "
                f"{pred.date_from}..{pred.date_to} [{docs}]",
                highlight=False,
            )
            console.print(f"      “{_cut(pred.evidence)}”", highlight=False)
    wrong = [pair for pair in score.pairs if pair.errors]
    if wrong:
        console.print(f"\n[bold]matched events with wrong fields ({len(wrong)})[/]")
        for pair in wrong:
            console.print(f"  [cyan]~[/] {pair.gold.id} ↔ {pair.predicted.id}", highlight=False)
            for error in pair.errors:
                console.print(
                    f"      {error.field}: expected {error.expected!r}, got {error.got!r}", highlight=False
                )
