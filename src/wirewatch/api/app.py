"""The HTTP API (FastAPI): events with filters, one event with its evidence, articles, time
series, actors, GeoJSON, and posting new articles. OpenAPI docs at /docs.

Build it with :func:`create_app`; ``wirewatch serve`` runs it with uvicorn.
"""

from __future__ import annotations

import hmac
import json
import os
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.responses import Response
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from wirewatch import __version__
from wirewatch.api import models
from wirewatch.api.errors import ApiError, ApiJSONResponse, NoSniffMixin, install_error_handlers
from wirewatch.api.ingest import METADATA_PARAMETERS, ArticleIngest, record_from_text, records_from_json
from wirewatch.api.parameters import (
    EVENT_LIST_PARAMETERS,
    TIMESERIES_PARAMETERS,
    QueryReader,
    openapi_parameters,
)
from wirewatch.errors import NotFoundError
from wirewatch.geojson import feature_collection
from wirewatch.settings import Settings, normalise_db_url
from wirewatch.store import Store
from wirewatch.store.query import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    EventFilter,
    EventPage,
    EventSort,
    FilterError,
    GroupBy,
    Interval,
    parse_choice,
    parse_limit,
)

#: Environment variable holding the secret that POST /api/articles requires.
TOKEN_VARIABLE = "WIREWATCH_TOKEN"

#: Actors listed by GET /api/actors when no limit is given, and the most it lists.
DEFAULT_ACTOR_LIMIT = 20
MAX_ACTOR_LIMIT = 1000

GEOJSON_MEDIA_TYPE = "application/geo+json"

#: The failures every endpoint may answer with, all in the one error shape.
ERRORS = {
    400: "A parameter or the body is invalid (the message names it, the fix says how to correct it).",
    404: "No such event, article or path.",
    500: "A bug in wirewatch.",
    503: "The store cannot be reached.",
}


class RawJSONResponse(NoSniffMixin, Response):
    """A JSON body that is already serialised (joined from stored JSON texts): no re-encoding."""

    media_type = "application/json"


class GeoJSONResponse(ApiJSONResponse):
    media_type = GEOJSON_MEDIA_TYPE


def _query_parameter_names(dependant: Dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_parameter_names(sub)
    return names


async def reject_unknown_parameters(request: Request) -> None:
    """A misspelt parameter would otherwise be ignored and silently widen the result.

    Async only because FastAPI runs a plain function dependency in a worker thread, and the
    hop costs more than the check."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = _query_parameter_names(route.dependant)
    known |= {parameter["name"] for parameter in (route.openapi_extra or {}).get("parameters", [])}
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise FilterError(
            unknown[0],
            f"unknown query parameter(s): {', '.join(unknown)}",
            f"use only: {', '.join(sorted(known)) or 'no parameters'}",
        )


def _token_from(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _parse_media_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    media_type, *parameters = (part.strip() for part in header.split(";"))
    charset = None
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return media_type.lower(), charset


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it exceeds ``limit`` bytes."""
    too_large = ApiError(
        413,
        "payload_too_large",
        f"the body is larger than {limit:,} bytes",
        "send fewer or shorter articles per request (the limit is WIREWATCH_MAX_INPUT_BYTES)",
    )
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(
    db_url: str | None = None,
    *,
    settings: Settings | None = None,
    mounts: Sequence[Callable[[FastAPI], None]] = (),
) -> FastAPI:
    """The API over the store at ``db_url`` (else ``settings.db_url``, else WIREWATCH_DB).

    ``mounts`` are called with the app after the API routes exist (the dashboard adds its pages
    this way). POST /api/articles is enabled only when WIREWATCH_TOKEN is set.
    """
    settings = settings or Settings.from_env()
    if db_url is not None:
        settings = settings.with_(db_url=normalise_db_url(db_url))
    store = Store.open(settings.db_url)
    writer = ArticleIngest(store, settings)
    token = os.environ.get(TOKEN_VARIABLE) or None

    app = FastAPI(
        title="wirewatch",
        version=__version__,
        description="Conflict events extracted from news reports: one record per real-world event, "
        "every field backed by evidence sentences. Every error has the body "
        '`{"error": {"status", "code", "message", "fix"}}`.',
        lifespan=_closing(store),
        default_response_class=ApiJSONResponse,
        # FastAPI's built-in pages fetch Swagger UI and ReDoc from a CDN; the dashboard mount
        # serves /docs from the npm copy instead (wirewatch.web), so nothing leaves the machine.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    install_error_handlers(app)
    router = APIRouter(
        dependencies=[Depends(reject_unknown_parameters)],
        responses={status: {"model": models.ErrorBody, "description": why} for status, why in ERRORS.items()},
    )

    @router.get("/api/health", summary="Liveness, version and store size", **_documents(models.Health))
    def health() -> dict[str, Any]:
        counts = store.counts()
        return {
            "status": "ok",
            "version": __version__,
            "database": store.display_url,
            "events": store.count_events(),
            "articles": counts.articles,
        }

    @router.get(
        "/api/events",
        summary="Events matching filters, one page at a time",
        response_class=RawJSONResponse,
        openapi_extra=openapi_parameters(EVENT_LIST_PARAMETERS),
        response_model=None,
        responses={
            200: {
                "model": models.EventList,
                "description": "A page of event summaries, or a GeoJSON FeatureCollection (one Feature "
                "per event, with next_cursor and total) for format=geojson",
                "content": {GEOJSON_MEDIA_TYPE: {}},
            }
        },
    )
    async def list_events(request: Request) -> Response:
        query = QueryReader(request.query_params, EVENT_LIST_PARAMETERS)
        event_filter = query.event_filter()
        order = EventSort.parse(query.one("sort"))
        limit = parse_limit(query.one("limit"))
        cursor = query.one("cursor")
        if _wants_geojson(query.one("format"), request.headers.get("accept", "")):
            return await run_in_threadpool(_geojson_page, store, event_filter, order, limit, cursor)

        def fetch() -> EventPage:
            return store.find_events(event_filter, sort=order, limit=limit, cursor=cursor, with_total=True)

        # The dashboard's hot path. Handing a ~1 ms indexed query to a worker thread cost more
        # CPU than the query (bench/api_load.py: 2.4 vs 1.3 ms per request), so it runs here;
        # substring filters scan every row and could stall the server, so they get a thread.
        if event_filter.text is None and event_filter.actor is None:
            page = fetch()
        else:
            page = await run_in_threadpool(fetch)
        # The stored summaries are joined as they are: no parsing and re-serialising per event.
        body = (
            '{"items":['
            + ",".join(page.summaries_json)
            + '],"next_cursor":'
            + json.dumps(page.next_cursor)
            + ',"total":'
            + str(page.total)
            + "}"
        )
        return RawJSONResponse(body.encode("utf-8"))

    @router.get(
        "/api/events/{event_id}",
        summary="One event with every mention, its evidence and sources",
        **_documents(models.EventDetail),
    )
    def get_event(
        event_id: Annotated[str, Path(description="An event id from /api/events.")],
    ) -> dict[str, Any]:
        try:
            event = store.get_event(event_id)
        except NotFoundError:
            raise ApiError(
                404, "not_found", f"no event {event_id!r}", "list event ids with GET /api/events"
            ) from None
        article_ids = list(dict.fromkeys(mention.article_id for mention in event.mentions))
        articles = store.article_summaries(article_ids)
        return {
            "event": event.model_dump(mode="json"),
            "articles": {
                article.id: {
                    "id": article.id,
                    "title": article.title,
                    "url": article.url,
                    "outlet": article.outlet,
                    "published": article.published,
                }
                for article in articles
            },
        }

    @router.get(
        "/api/articles",
        summary="Stored articles, newest first, one page at a time",
        **_documents(models.ArticleList),
    )
    def list_articles(
        limit: Annotated[
            int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Articles per page, 1..{MAX_PAGE_SIZE}.")
        ] = DEFAULT_PAGE_SIZE,
        cursor: Annotated[str | None, Query(description="The next_cursor of the previous page.")] = None,
    ) -> dict[str, Any]:
        page = store.find_articles(limit=limit, cursor=cursor)
        return {
            "items": [
                {
                    "id": item.id,
                    "title": item.title,
                    "url": item.url,
                    "outlet": item.outlet,
                    "published": item.published,
                    "language": item.language,
                    "mention_count": item.mention_count,
                }
                for item in page.items
            ],
            "next_cursor": page.next_cursor,
            "total": store.counts().articles,
        }

    @router.get(
        "/api/articles/{article_id}",
        summary="One article with its text, mentions and any rejection",
        **_documents(models.ArticleDetail),
    )
    def get_article(
        article_id: Annotated[str, Path(description="An article id from /api/articles or an event.")],
    ) -> dict[str, Any]:
        try:
            article = store.get_article(article_id)
        except NotFoundError:
            rejection = store.article_rejection(article_id)
            fix = "list article ids with GET /api/articles"
            if rejection is not None and rejection.duplicate_of:
                fix = f"it was not stored as a near-duplicate: GET /api/articles/{rejection.duplicate_of}"
            raise ApiError(404, "not_found", f"no article {article_id!r}", fix) from None
        mentions = store.mentions(article_id=article_id)
        rejection = store.article_rejection(article_id)
        rejected: dict[str, str] | None = None
        if rejection is not None:
            rejected = {"reason": rejection.reason, "detail": rejection.detail}
        elif not mentions:
            rejected = {"reason": "no_event", "detail": "stored, but no event was found in it"}
        return {
            "article": article.model_dump(mode="json"),
            "mentions": [mention.model_dump(mode="json") for mention in mentions],
            "rejected": rejected,
        }

    @router.get(
        "/api/stats/timeseries",
        summary="Events and fatalities per day, week or month",
        **_documents(models.TimeSeriesBody),
        openapi_extra=openapi_parameters(TIMESERIES_PARAMETERS),
    )
    def timeseries(request: Request) -> dict[str, Any]:
        query = QueryReader(request.query_params, TIMESERIES_PARAMETERS)
        event_filter = query.event_filter()
        interval: Interval = parse_choice("interval", Interval, query.one("interval"), Interval.WEEK)
        group_by: GroupBy = parse_choice("group_by", GroupBy, query.one("group_by"), GroupBy.NONE)
        series = store.event_timeseries(event_filter, interval, group_by)
        return {
            "interval": interval.value,
            "group_by": group_by.value,
            "series": [
                {
                    "key": one.key,
                    "points": [
                        {
                            "period": point.period.isoformat(),
                            "events": point.events,
                            "fatalities": point.fatalities,
                        }
                        for point in one.points
                    ],
                }
                for one in series
            ],
        }

    @router.get(
        "/api/actors",
        summary="Actor names with their number of events, most first",
        **_documents(models.ActorList),
    )
    def actors(
        q: Annotated[
            str | None, Query(description="Case-insensitive substring of the name.", max_length=200)
        ] = None,
        limit: Annotated[
            int, Query(ge=1, le=MAX_ACTOR_LIMIT, description=f"At most this many, 1..{MAX_ACTOR_LIMIT}.")
        ] = DEFAULT_ACTOR_LIMIT,
    ) -> dict[str, Any]:
        found = store.actor_counts(q, limit=limit)
        return {"items": [{"name": count.name, "events": count.events} for count in found]}

    @router.post(
        "/api/articles",
        status_code=201,
        summary="Ingest articles (needs Authorization: Bearer $WIREWATCH_TOKEN)",
        **_documents(models.PostResults, status=201),
        description="Body: text/plain or text/html (one article; url, title, outlet, published and "
        'language may be given as query parameters), or application/json: {"text" | "html", "url", '
        '"title", "outlet", "published"} or a list of them. Articles go through the same pipeline as '
        "`wirewatch ingest` and events are re-merged. Answers 201 with one result per article: "
        "outcome stored | duplicate | rejected, article_id, reason, detail.",
    )
    async def post_articles(
        request: Request,
        url: Annotated[str | None, Query(description="For text bodies: where it was published.")] = None,
        title: Annotated[str | None, Query(description="For text bodies: the headline.")] = None,
        outlet: Annotated[str | None, Query(description="For text bodies: the publisher.")] = None,
        published: Annotated[
            str | None, Query(description="For text bodies: publication date, YYYY-MM-DD or ISO datetime.")
        ] = None,
        language: Annotated[
            str | None, Query(description="For text bodies: ISO 639-1 code, e.g. en.")
        ] = None,
    ) -> dict[str, Any]:
        if token is None:
            raise ApiError(
                403,
                "forbidden",
                "posting articles is disabled on this server",
                f"start the server with {TOKEN_VARIABLE} set to a secret, and send it as "
                "Authorization: Bearer <token>",
            )
        given = _token_from(request)
        if given is None or not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
            raise ApiError(
                401,
                "unauthorized",
                "missing or wrong token" if given is None else "wrong token",
                f"send Authorization: Bearer <the server's {TOKEN_VARIABLE}>",
                headers={"WWW-Authenticate": "Bearer"},
            )
        media_type, charset = _parse_media_type(request.headers.get("content-type"))
        body = await _read_body(request, settings.max_input_bytes)
        metadata = {
            name: value
            for name, value in zip(
                METADATA_PARAMETERS, (url, title, outlet, published, language), strict=True
            )
            if value is not None
        }
        if media_type == "application/json":
            if metadata:
                raise ApiError(
                    400,
                    "bad_parameter",
                    f"query parameter(s) {', '.join(metadata)} apply only to text/plain and text/html bodies",
                    "put the metadata inside each JSON object instead",
                )
            records = records_from_json(body)
        elif media_type in ("text/plain", "text/html"):
            records = [
                record_from_text(body, charset, "html" if media_type == "text/html" else "text", metadata)
            ]
        else:
            raise ApiError(
                415,
                "unsupported_media_type",
                f"cannot ingest a body of type {media_type or '(none)'!r}",
                "send Content-Type: text/plain, text/html or application/json",
            )
        results = await run_in_threadpool(writer.ingest, records)
        return {"results": [result.as_json() for result in results]}

    app.include_router(router)
    for mount in mounts:
        mount(app)
    return app


def _closing(store: Store) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    return lifespan


def _geojson_page(
    store: Store, event_filter: EventFilter, order: EventSort, limit: int, cursor: str | None
) -> GeoJSONResponse:
    """A page as a FeatureCollection, built from the full events by wirewatch.geojson."""
    page = store.find_events(event_filter, sort=order, limit=limit, cursor=cursor, with_total=True)
    members = {"next_cursor": page.next_cursor, "total": page.total}
    return GeoJSONResponse(feature_collection(store.events_by_ids(page.event_ids), members=members))


def _documents(model: type[BaseModel], status: int = 200) -> dict[str, Any]:
    """Route arguments that document ``model`` as the response without serialising through it
    (the handlers build their JSON themselves)."""
    return {"response_model": None, "responses": {status: {"model": model}}}


def _wants_geojson(format_value: str | None, accept: str) -> bool:
    if format_value is not None and format_value.strip():
        chosen = format_value.strip().lower()
        if chosen not in ("json", "geojson"):
            raise FilterError(
                "format", f"format {format_value!r} is not known", "use format=json or format=geojson"
            )
        return chosen == "geojson"
    return GEOJSON_MEDIA_TYPE in accept.lower()
