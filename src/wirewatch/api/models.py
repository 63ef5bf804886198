"""Response shapes of the HTTP API, for the OpenAPI document (/docs).

The handlers build their JSON directly (the event list joins stored JSON texts), so these
models describe the responses; they are not used to serialise them. tests/test_api.py checks
real responses against them, so the documentation cannot drift from what is sent.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from wirewatch.schema import Article, Event, Mention


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(_Shape):
    status: int = Field(description="The HTTP status, repeated.")
    code: str = Field(description="bad_parameter, bad_body, not_found, unauthorized, forbidden, …")
    message: str = Field(description="What went wrong.")
    fix: str | None = Field(description="What to do about it.")


class ErrorBody(_Shape):
    error: ErrorDetail


class DateSummary(_Shape):
    start: dt.date | None
    end: dt.date | None
    precision: str = Field(description="day, week, month, year or year_unknown")
    partial: str | None = Field(description="'--MM-DD' when the year is unknown")


class PlaceSummary(_Shape):
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: int = Field(description="1 place, 2 near it, 3 region, 4 country")


class ActorSummary(_Shape):
    text: str
    canonical: str | None
    actor_type: int | None = Field(description="ACLED inter code 1-8")
    country: str | None


class QuantitySummary(_Shape):
    value: int
    qualifier: str = Field(description="exact, at_least, more_than, about, up_to")


class EventSummary(_Shape):
    id: str
    event_type: str
    sub_event_type: str
    plover: str | None
    mode: str
    date: DateSummary | None
    place: PlaceSummary | None = Field(description="The event's first place.")
    places: list[PlaceSummary]
    actor1: ActorSummary | None
    actor2: ActorSummary | None
    fatalities: QuantitySummary | None
    injuries: QuantitySummary | None
    weapon: str | None
    mention_count: int
    article_count: int
    summary: str = Field(description="The first evidence sentence, at most 300 characters.")


class EventList(_Shape):
    items: list[EventSummary]
    next_cursor: str | None = Field(description="Pass as cursor for the next page; null on the last page.")
    total: int = Field(description="How many events match the filters.")


class ArticleRef(_Shape):
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None = Field(description="ISO 8601 date or datetime, as published.")


class EventDetail(_Shape):
    event: Event = Field(description="The full event: every mention with its evidence spans.")
    articles: dict[str, ArticleRef] = Field(description="The articles its mentions come from, by id.")


class ArticleListItem(ArticleRef):
    language: str
    mention_count: int


class ArticleList(_Shape):
    items: list[ArticleListItem]
    next_cursor: str | None
    total: int


class Rejection(_Shape):
    reason: str
    detail: str


class ArticleDetail(_Shape):
    article: Article
    mentions: list[Mention]
    rejected: Rejection | None = Field(description="Why it gave no event (no_event), if it did not.")


class TimePoint(_Shape):
    period: dt.date = Field(description="The first day of the period.")
    events: int
    fatalities: int


class TimeSeries(_Shape):
    key: str = Field(description="The group ('all' without grouping).")
    points: list[TimePoint]


class TimeSeriesBody(_Shape):
    interval: str
    group_by: str
    series: list[TimeSeries]


class ActorCount(_Shape):
    name: str
    events: int


class ActorList(_Shape):
    items: list[ActorCount]


class Health(_Shape):
    status: str
    version: str
    database: str = Field(description="The store's URL, password hidden.")
    events: int
    articles: int


class PostedArticle(_Shape):
    outcome: str = Field(description="stored, duplicate or rejected")
    article_id: str | None = Field(description="The stored article (for a duplicate: the first copy).")
    reason: str | None = Field(description="Why it was not stored: a RejectReason, or already_stored.")
    detail: str | None


class PostResults(_Shape):
    results: list[PostedArticle]
