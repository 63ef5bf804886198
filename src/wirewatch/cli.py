"""The ``wirewatch`` command line."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from wirewatch import __version__
from wirewatch.errors import InputError, WirewatchError
from wirewatch.export import format_names as export_format_names
from wirewatch.pipeline import IngestResult, IngestSummary, Pipeline, estimate_inputs
from wirewatch.schema import RECORD_TYPES, ActorRef, Article, Event, RejectReason, json_schema
from wirewatch.settings import Settings, normalise_db_url
from wirewatch.store import Store

F = TypeVar("F", bound=Callable[..., Any])

#: Characters of a title shown in the articles table before it is cut with an ellipsis.
TITLE_COLUMN_CHARS = 60

#: Width of tables written to a pipe or a log, where there is no terminal to measure; wide
#: enough for an events table to stay one line per event.
PIPE_WIDTH = 160

err_console = Console(stderr=True)
out_console = Console(width=None if sys.stdout.isatty() else PIPE_WIDTH)

DB_HELP = (
    "Database: a SQLite file path or sqlite:///path.db (default ./wirewatch.db), "
    "or postgresql://user:pass@host/db. Also read from WIREWATCH_DB."
)


def db_option(function: F) -> F:
    return click.option("--db", "db", envvar="WIREWATCH_DB", metavar="URL", help=DB_HELP)(function)


def format_option(help_text: str) -> Callable[[F], F]:
    """--format table|json, for commands that list records."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json"]),
        default="table",
        show_default=True,
        help=help_text,
    )


def limit_option(function: F) -> F:
    return click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many.")(
        function
    )


def _settings(db: str | None) -> Settings:
    settings = Settings.from_env()
    return settings.with_(db_url=normalise_db_url(db)) if db else settings


class WirewatchGroup(click.Group):
    """Turns wirewatch's typed errors into a one-line message and its fix, exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WirewatchError as exc:
            err_console.print(f"[bold red]error:[/] {exc.message}", highlight=False)
            if exc.fix:
                err_console.print(f"[bold]fix:[/] {exc.fix}", highlight=False)
            ctx.exit(2)


@click.group(
    cls=WirewatchGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "--version", "-V", prog_name="wirewatch")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """wirewatch: news reports about armed conflict in, one record per real-world event out.

    \b
    Typical use:
      wirewatch ingest reports/ --meta reports.meta.jsonl   # read articles into ./wirewatch.db
      wirewatch articles                                    # what was stored
      wirewatch rejected                                    # what was skipped, and why

    Run `wirewatch COMMAND --help` for the options and examples of each command.
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _print_summary(summary: IngestSummary, store: Store, as_json: bool) -> None:
    if as_json:
        payload = {
            "stored": summary.stored,
            "already_stored": summary.already_stored,
            "duplicates": summary.duplicates,
            "rejected": summary.rejected,
            "rejected_by_reason": dict(sorted(summary.rejected_by_reason.items())),
            "store": store.display_url,
        }
        click.echo(json.dumps(payload, sort_keys=True))
        return
    table = Table(title=f"ingest summary ({store.display_url})", show_header=True, header_style="bold")
    table.add_column("outcome")
    table.add_column("documents", justify="right")
    table.add_row("stored", str(summary.stored))
    table.add_row("already stored (no change)", str(summary.already_stored))
    table.add_row("near-duplicates (linked to first copy)", str(summary.duplicates))
    for reason, count in sorted(summary.rejected_by_reason.items()):
        if reason != RejectReason.DUPLICATE.value:
            table.add_row(f"rejected: {reason}", str(count))
    table.add_row("[bold]total[/]", f"[bold]{summary.total}[/]")
    err_console.print(table)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--meta",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Sidecar JSONL (file, outlet, published, language, url, title) that adds or overrides metadata.",
)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object on stdout.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes that clean and analyse documents in parallel (one per core is a good choice); "
    "writing stays in one process, in input order.",
)
@click.option(
    "--no-progress", is_flag=True, help="No progress bar (it is also hidden when stderr is not a terminal)."
)
def ingest(
    paths: tuple[str, ...], meta: Path | None, db: str | None, as_json: bool, workers: int, no_progress: bool
) -> None:
    """Read articles from files, folders or stdin into the store.

    PATH may be a .txt, .html/.htm, .jsonl or .warc file (each optionally gzipped), a folder
    (read recursively) or - for stdin. Re-ingesting what is already stored changes nothing;
    near-duplicate reprints are linked to the first copy; unusable inputs (binary, empty,
    too large, undecodable, truncated, malformed, not English) are skipped with a reason
    that is printed in the summary and kept in the store (see `wirewatch rejected`).

    \b
    Examples:
      wirewatch ingest examples/articles --meta examples/articles.meta.jsonl
      wirewatch ingest crawl.warc.gz --db postgresql://me@localhost/wirewatch
      cat feed.jsonl | wirewatch ingest - --json
    """
    settings = _settings(db)
    with Store.open(settings.db_url) as store:
        pipeline = Pipeline(store, settings, workers=workers)
        show_progress = not no_progress and err_console.is_terminal
        stdin = sys.stdin.buffer if "-" in paths else None
        if not show_progress:
            summary = pipeline.ingest(list(paths), meta=meta, stdin=stdin)
        else:
            total = estimate_inputs(list(paths)) or None
            with Progress(
                TextColumn("[bold]ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[last]}", style="dim"),
                TimeElapsedColumn(),
                console=err_console,
                transient=True,
            ) as progress:
                task = progress.add_task("ingest", total=total, last="")

                def advance(result: IngestResult) -> None:
                    progress.update(task, advance=1, last=Path(result.source).name[-40:])

                summary = pipeline.ingest(list(paths), meta=meta, stdin=stdin, on_result=advance)
        _print_summary(summary, store, as_json)
        if summary.total == 0:
            err_console.print(
                "nothing was read: check the paths (supported: .txt .html .htm .jsonl .warc, .gz)"
            )
            sys.exit(1)


def _published_text(article: Article) -> str:
    if article.published is None:
        return "—"
    if isinstance(article.published, dt.datetime):
        return article.published.strftime("%Y-%m-%d %H:%M")
    return article.published.isoformat()


def _article_json(article: Article) -> dict[str, Any]:
    data = article.model_dump(mode="json")
    data["words"] = len(article.text.split())
    return data


@cli.command()
@db_option
@format_option("table for people; json prints one JSON object per line (JSON Lines) with the full text.")
@limit_option
def articles(db: str | None, fmt: str, limit: int | None) -> None:
    """List stored articles (oldest first).

    \b
    Examples:
      wirewatch articles
      wirewatch articles --format json | jq .title
    """
    settings = _settings(db)
    with Store.open(settings.db_url) as store:
        stored = store.articles(limit=limit)
        if fmt == "json":
            for article in stored:
                click.echo(json.dumps(_article_json(article), ensure_ascii=False))
            return
        table = Table(title=f"{len(stored)} articles in {store.display_url}", header_style="bold")
        table.add_column("id", no_wrap=True)
        table.add_column("published", no_wrap=True)
        table.add_column("outlet", ratio=1)
        table.add_column("title", ratio=3)
        table.add_column("words", justify="right")
        for article in stored:
            title = article.title or article.text[:TITLE_COLUMN_CHARS]
            if len(title) > TITLE_COLUMN_CHARS:
                title = title[: TITLE_COLUMN_CHARS - 1] + "…"
            table.add_row(
                article.id,
                _published_text(article),
                article.outlet or "—",
                title,
                str(len(article.text.split())),
            )
        out_console.print(table)


@cli.command()
@db_option
@format_option("table for people; json prints JSON Lines.")
@click.option(
    "--reason",
    "reasons",
    multiple=True,
    type=click.Choice([r.value for r in RejectReason]),
    help="Only these reasons (repeatable).",
)
def rejected(db: str | None, fmt: str, reasons: tuple[str, ...]) -> None:
    """List inputs that were skipped, with the reason (duplicates name the first copy).

    \b
    Examples:
      wirewatch rejected
      wirewatch rejected --reason duplicate --format json
    """
    settings = _settings(db)
    with Store.open(settings.db_url) as store:
        rows = store.rejections(reasons=[RejectReason(r) for r in reasons])
        if fmt == "json":
            for row in rows:
                click.echo(json.dumps(row.model_dump(mode="json"), ensure_ascii=False))
            return
        table = Table(title=f"{len(rows)} rejected inputs in {store.display_url}", header_style="bold")
        table.add_column("source", overflow="fold")
        table.add_column("reason")
        table.add_column("detail", overflow="fold")
        for row in rows:
            table.add_row(row.source, row.reason.value, row.detail)
        out_console.print(table)


def _date_text(event: Event) -> str:
    if event.date is None:
        return "—"
    if event.date.start is None or event.date.end is None:
        return event.date.partial or "—"
    if event.date.start == event.date.end:
        return event.date.start.isoformat()
    return f"{event.date.start.isoformat()}…{event.date.end.isoformat()} ({event.date.precision.value})"


def _actor_text(actor: ActorRef | None) -> str:
    return "—" if actor is None else actor.canonical or actor.text


@cli.command()
@db_option
@format_option("table for people; json prints one full event record per line (JSON Lines).")
@limit_option
def events(db: str | None, fmt: str, limit: int | None) -> None:
    """List stored events (by date): what happened, when, where, who, how many killed.

    \b
    Examples:
      wirewatch events
      wirewatch events --format json | jq '.sub_event_type'
    """
    settings = _settings(db)
    with Store.open(settings.db_url) as store:
        stored = store.events(limit=limit)
        if fmt == "json":
            for event in stored:
                click.echo(event.model_dump_json())
            return
        table = Table(title=f"{len(stored)} events in {store.display_url}", header_style="bold")
        for column in ("id", "date", "type", "mode", "place", "actor1 → actor2", "killed", "sources"):
            table.add_column(column, no_wrap=column in {"id", "killed", "sources"})
        for event in stored:
            place = event.places[0].name if event.places else "—"
            killed = "—" if event.fatalities is None else str(event.fatalities.value)
            table.add_row(
                event.id,
                _date_text(event),
                event.sub_event_type.value,
                event.mode.value,
                place,
                f"{_actor_text(event.actor1)} → {_actor_text(event.actor2)}",
                killed,
                str(len({m.article_id for m in event.mentions})),
            )
        out_console.print(table)


@cli.command()
@click.argument("event_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the full event record as JSON.")
def show(event_id: str, db: str | None, as_json: bool) -> None:
    """Show one event: its fields, every source's evidence sentence, and why mentions were merged.

    \b
    Example:
      wirewatch show ev-0b07d09b914b077e
    """
    settings = _settings(db)
    with Store.open(settings.db_url) as store:
        event = store.get_event(event_id)
        if as_json:
            click.echo(event.model_dump_json(indent=2))
            return
        articles = {m.article_id: store.get_article(m.article_id) for m in event.mentions}
    place = event.places[0] if event.places else None
    fields = Table(title=f"event {event.id}", show_header=False)
    fields.add_column("field", style="bold")
    fields.add_column("value")
    fields.add_row("type", f"{event.event_type.value} / {event.sub_event_type.value}")
    fields.add_row("plover", event.plover.value if event.plover else "—")
    fields.add_row("mode", event.mode.value)
    fields.add_row("date", _date_text(event))
    if place is not None:
        where = ", ".join(v for v in (place.name, place.admin1, place.country) if v)
        coordinates = (
            f" ({place.lat:.4f}, {place.lon:.4f})" if place.lat is not None and place.lon is not None else ""
        )
        fields.add_row("place", f"{where}{coordinates}, precision {int(place.precision)}")
    fields.add_row("actor1", _actor_text(event.actor1))
    fields.add_row("actor2", _actor_text(event.actor2))
    for name, quantity in (("fatalities", event.fatalities), ("injuries", event.injuries)):
        fields.add_row(name, "—" if quantity is None else f"{quantity.value} ({quantity.qualifier.value})")
    fields.add_row("weapon", event.weapon or "—")
    out_console.print(fields)
    out_console.print(f"\n[bold]sources ({len(event.mentions)})[/]")
    for mention in event.mentions:
        article = articles[mention.article_id]
        said = f" — according to {mention.attribution.source}" if mention.attribution else ""
        published = article.published.isoformat()[:10] if article.published else "undated"
        out_console.print(f"• {article.outlet or article.source} ({published}){said}", highlight=False)
        for span in mention.evidence:
            out_console.print(f"    “{span.text}”", highlight=False)
    if event.disagreements:
        out_console.print("\n[bold]disagreements[/]")
        for disagreement in event.disagreements:
            versions = "; ".join(f"{v.attribution or v.mention_id}: {v.value}" for v in disagreement.values)
            out_console.print(f"  {disagreement.field}: {versions}", highlight=False)
    out_console.print("\n[bold]merge reasons[/]")
    for reason in event.merge_reasons:
        joined = f"joined {reason.joined_with}" if reason.joined_with else "started the event"
        out_console.print(f"  {reason.mention_id}: {joined} (score {reason.score:.2f})", highlight=False)


@cli.command()
@db_option
def remerge(db: str | None) -> None:
    """Rebuild all events from the stored mentions (deterministic: the same store gives the
    same events, whatever order its articles arrived in). `ingest` does this after each run.

    \b
    Example:
      wirewatch remerge --db events.db
    """
    settings = _settings(db)
    with Store.open(settings.db_url) as store:
        count = Pipeline(store, settings).remerge()
        err_console.print(
            f"{count} events rebuilt from {len(store.mentions())} mentions in {store.display_url}"
        )


@cli.command()
@click.argument("event_id")
@click.option(
    "--mention", "mention_id", required=True, help="The mention to take out (see `wirewatch show EVENT`)."
)
@click.option("--note", default="", help="Why, for the record.")
@db_option
def split(event_id: str, mention_id: str, note: str, db: str | None) -> None:
    """Take one mention out of an event: it becomes an event of its own, now and after every
    later ingest or remerge.

    \b
    Example:
      wirewatch split ev-1d287c0b6ac81311 --mention 5ec963186f8bf958:412 --note "different day"
    """
    settings = _settings(db)
    with Store.open(settings.db_url) as store:
        event = store.get_event(event_id)
        if mention_id not in {m.id for m in event.mentions}:
            raise InputError(
                f"mention {mention_id!r} is not part of event {event_id}",
                f"pick one of: {', '.join(m.id for m in event.mentions)}",
            )
        if len(event.mentions) == 1:
            raise InputError(f"event {event_id} has only one mention", "there is nothing to split")
        store.add_correction("split", [mention_id], note=note)
        count = Pipeline(store, settings).remerge()
    err_console.print(f"split {mention_id} out of {event_id}; {count} events now")


@cli.command(name="merge")
@click.argument("event_ids", nargs=-1, required=True, metavar="EVENT EVENT...")
@click.option("--note", default="", help="Why, for the record.")
@db_option
def merge_command(event_ids: tuple[str, ...], note: str, db: str | None) -> None:
    """Merge events that report one happening, now and after every later ingest or remerge.

    \b
    Example:
      wirewatch merge ev-0b07d09b914b077e ev-e6cc11fe7149eca0 --note "same strike"
    """
    if len(set(event_ids)) < 2:
        raise InputError("merge needs two or more different events", "name them: wirewatch merge EVENT EVENT")
    settings = _settings(db)
    with Store.open(settings.db_url) as store:
        firsts = [store.get_event(event_id).mentions[0].id for event_id in event_ids]
        store.add_correction("merge", firsts, note=note)
        count = Pipeline(store, settings).remerge()
    err_console.print(f"merged {len(event_ids)} events; {count} events now")


@cli.command(name="evaluate")
@click.option(
    "--articles",
    "articles_path",
    required=True,
    type=click.Path(exists=True, path_type=Path),
    help="A folder of articles or a JSONL file, read as `ingest` reads them.",
)
@click.option(
    "--meta", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Sidecar metadata JSONL."
)
@click.option(
    "--gold",
    "gold_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Gold file in the event-gold/1 format.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Also write every predicted event and aggregate claim as JSON Lines to this file.",
)
@click.option("--db", metavar="URL", help="Run into this store instead of a temporary SQLite file.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="one per core",
    help="Processes that analyse articles in parallel (results do not depend on it).",
)
def evaluate_command(
    articles_path: Path,
    meta: Path | None,
    gold_path: Path,
    as_json: bool,
    predictions: Path | None,
    db: str | None,
    workers: int,
) -> None:
    """Run the whole pipeline on ARTICLES and score it against a gold file.

    Prints a summary table, then the missed gold events, the spurious predictions with their
    evidence sentence, and each wrong field (expected vs got). With --json, one JSON object:
    articles, seconds, events (precision, recall, f1, tp, fp, fn), fields (accuracy per field
    on matched pairs), merge (B-cubed), aggregates and bodies.

    \b
    Examples:
      wirewatch evaluate --articles ../shared/seeds/articles \\
          --meta ../shared/seeds/articles.meta.jsonl --gold ../shared/seeds/gold.json
      wirewatch evaluate --articles notes.jsonl --gold gold.json --json --predictions out.jsonl
    """
    from wirewatch.evaluate import evaluate, write_predictions
    from wirewatch.evaluate.report import print_report

    evaluation = evaluate(articles_path, gold_path, meta=meta, db=db, workers=workers)
    if predictions is not None:
        with predictions.open("w", encoding="utf-8") as out:
            write_predictions(evaluation, out)
    if as_json:
        click.echo(json.dumps(evaluation.as_json(), sort_keys=True))
    else:
        print_report(evaluation, out_console)


#: Exports of at least this many events show a progress bar (on a terminal); smaller ones
#: finish before a bar would be readable.
EXPORT_PROGRESS_MIN_EVENTS = 2000

#: EventFilter parameter -> the export option that sets it, for error messages.
_EXPORT_FILTER_OPTIONS = {
    "start": "--start",
    "end": "--end",
    "event_type": "--event-type",
    "sub_event_type": "--sub-event-type",
    "plover": "--plover",
    "mode": "--mode",
    "actor": "--actor",
    "country": "--country",
    "admin1": "--admin1",
    "bbox": "--bbox",
    "min_fatalities": "--min-fatalities",
    "q": "--text",
}


@cli.command(name="export")
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(export_format_names()),
    help="acled-csv: ACLED's columns and codes (only events that happened, unless "
    "--include-unhappened); geojson: a FeatureCollection of points; parquet: typed columns "
    "(needs -o); jsonl: one full event record per line.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="File to write (replaced only once the export is complete). Default: stdout.",
)
@click.option("--start", metavar="YYYY-MM-DD", help="Events whose date range reaches this day or later.")
@click.option("--end", metavar="YYYY-MM-DD", help="Events whose date range begins on this day or earlier.")
@click.option(
    "--event-type", "event_types", multiple=True, help='ACLED event type, e.g. "Battles" (repeatable).'
)
@click.option(
    "--sub-event-type", "sub_event_types", multiple=True, help='e.g. "Air/drone strike" (repeatable).'
)
@click.option("--plover", "plovers", multiple=True, help="PLOVER category, e.g. ASSAULT (repeatable).")
@click.option(
    "--mode", "modes", multiple=True, help="asserted, claimed, denied, threatened, ... (repeatable)."
)
@click.option("--actor", help="Part of an actor's name (case-insensitive).")
@click.option("--country", "countries", multiple=True, help="ISO 3166-1 alpha-2 code, e.g. IQ (repeatable).")
@click.option("--admin1", help="Province, exact but case-insensitive (e.g. Anbar).")
@click.option("--bbox", metavar="W,S,E,N", help="Bounding box: min_lon,min_lat,max_lon,max_lat.")
@click.option("--min-fatalities", type=int, help="At least this many reported killed.")
@click.option("--text", help="Words an evidence sentence contains (case-insensitive).")
@click.option(
    "--include-unhappened",
    is_flag=True,
    help="acled-csv: also write threatened, planned, hypothetical, denied and historical events "
    "and verbal-only ones (tagged with their mode); ACLED itself records only events that happened.",
)
@click.option(
    "--iso-dates", is_flag=True, help="acled-csv: event_date as 2024-01-28 instead of 28 January 2024."
)
@db_option
@click.option(
    "--no-progress", is_flag=True, help="No progress bar (it is also hidden when stderr is not a terminal)."
)
def export_command(
    fmt: str,
    output: Path | None,
    start: str | None,
    end: str | None,
    event_types: tuple[str, ...],
    sub_event_types: tuple[str, ...],
    plovers: tuple[str, ...],
    modes: tuple[str, ...],
    actor: str | None,
    countries: tuple[str, ...],
    admin1: str | None,
    bbox: str | None,
    min_fatalities: int | None,
    text: str | None,
    include_unhappened: bool,
    iso_dates: bool,
    db: str | None,
    no_progress: bool,
) -> None:
    """Write stored events to a file (or stdout) as ACLED CSV, GeoJSON, Parquet or JSON Lines.

    The filters are those of the HTTP API's /api/events; repeatable options also take
    comma-separated values. A summary (events written, and those left out and why) goes to
    stderr.

    \b
    Examples:
      wirewatch export --format acled-csv -o events.csv
      wirewatch export --format geojson --country IQ,SY --start 2024-01-01 -o events.geojson
      wirewatch export --format parquet --sub-event-type "Air/drone strike" -o strikes.parquet
      wirewatch export --format jsonl --actor "Kataib Hezbollah" --min-fatalities 1 | jq .id
    """
    from wirewatch.export import ExportOptions, export_events
    from wirewatch.export.stored import outlet_lookup, stored_events
    from wirewatch.store.query import EventFilter, FilterError

    try:
        event_filter = EventFilter.parse(
            start=start,
            end=end,
            event_type=event_types,
            sub_event_type=sub_event_types,
            plover=plovers,
            mode=modes,
            actor=actor,
            country=countries,
            admin1=admin1,
            bbox=bbox,
            min_fatalities=min_fatalities,
            q=text,
        )
    except FilterError as error:
        # The filter speaks the API's parameter names; say the option's name instead.
        option = _EXPORT_FILTER_OPTIONS.get(error.parameter, error.parameter)
        message = error.message
        if message.startswith(error.parameter):
            message = option + message[len(error.parameter) :]
        fix = (error.fix or "").replace(f"{error.parameter}=", f"{option} ")
        raise InputError(message, fix) from None
    if fmt == "parquet" and output is None:
        raise InputError("parquet cannot be written to stdout", "name a file: -o events.parquet")
    settings = _settings(db)
    with Store.open(settings.db_url) as store:
        options = ExportOptions(
            include_unhappened=include_unhappened,
            iso_dates=iso_dates,
            outlet_of=outlet_lookup(store),
            actor_files=tuple(settings.user_data_files("actors*.toml")),
            country_files=tuple(settings.user_data_files("acled_countries*.tsv")),
        )
        total = store.count_events(event_filter)
        events = stored_events(store, event_filter)
        if no_progress or not err_console.is_terminal or total < EXPORT_PROGRESS_MIN_EVENTS:
            result = export_events(events, fmt, output, options)
        else:
            with Progress(
                TextColumn(f"[bold]export {fmt}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err_console,
                transient=True,
                # The export itself may go to stdout: it must not pass through the bar's console.
                redirect_stdout=False,
                redirect_stderr=False,
            ) as progress:
                task = progress.add_task("export", total=total)

                def counted(events: Iterable[Event]) -> Iterator[Event]:
                    for event in events:
                        yield event
                        progress.advance(task)

                result = export_events(counted(events), fmt, output, options)
    where = str(output) if output is not None else "stdout"
    left_out = ", ".join(f"{count} {reason}" for reason, count in sorted(result.skipped.items()))
    message = f"wrote {result.written} of {total} matching events to {where} ({fmt})"
    if left_out:
        message += f"; left out as ACLED would: {left_out} (--include-unhappened writes them)"
    err_console.print(message, highlight=False)


_SCHEMA_RECORDS = {cls.__name__.lower(): cls for cls in RECORD_TYPES}


@cli.command()
@click.option(
    "--record",
    type=click.Choice(sorted(_SCHEMA_RECORDS)),
    default="event",
    show_default=True,
    help="Which record type.",
)
def schema(record: str) -> None:
    """Print the JSON Schema of a record type (docs/event.schema.json is `wirewatch schema`).

    \b
    Example:
      wirewatch schema --record mention > mention.schema.json
    """
    click.echo(json.dumps(json_schema(_SCHEMA_RECORDS[record]), indent=2, sort_keys=True))


@cli.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 for all)."
)
@click.option(
    "--port",
    type=click.IntRange(min=1, max=65535),
    default=8000,
    show_default=True,
    help="Port to listen on.",
)
@db_option
def serve(host: str, port: int, db: str | None) -> None:
    """Serve the HTTP API and the dashboard: events with filters, one event with its evidence,
    articles, time series and GeoJSON under /api, the map at /, the API docs at /docs.

    POST /api/articles (ingest over HTTP) is enabled only when WIREWATCH_TOKEN is set; clients
    send it as `Authorization: Bearer <token>`.

    \b
    Examples:
      wirewatch serve                                  # http://127.0.0.1:8000/
      wirewatch serve --host 0.0.0.0 --port 8080 --db postgresql://me@localhost/wirewatch
      WIREWATCH_TOKEN=$(openssl rand -hex 16) wirewatch serve
      curl 'http://127.0.0.1:8000/api/events?country=IQ&start=2024-01-01&limit=10'
    """
    import uvicorn

    from wirewatch.api import create_app
    from wirewatch.web import mount_dashboard

    settings = _settings(db)
    app = create_app(settings=settings, mounts=[mount_dashboard])
    shown_host = f"[{host}]" if ":" in host else host
    # click.echo, not the rich console: an address must not be wrapped across lines.
    click.echo(
        f"wirewatch serving {app.state.store.display_url} on http://{shown_host}:{port}/ "
        f"(API docs: http://{shown_host}:{port}/docs); POST /api/articles is "
        + ("enabled" if os.environ.get("WIREWATCH_TOKEN") else "disabled (set WIREWATCH_TOKEN)"),
        err=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="info")


def main() -> None:
    cli(prog_name="wirewatch")


if __name__ == "__main__":
    main()
