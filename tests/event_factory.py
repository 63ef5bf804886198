"""Real Event records built directly (no pipeline), for store-query and API tests and the API
load benchmark. Every span's text matches its offsets into the sentence it quotes, so the
records validate exactly as the pipeline's do."""

from __future__ import annotations

import datetime as dt
import random

from wirewatch.merge import event_from_mentions
from wirewatch.schema import (
    EVENT_TYPE_OF,
    ActorRef,
    ActorType,
    DatePrecision,
    DateRange,
    Event,
    Mention,
    Mode,
    Place,
    Plover,
    Qualifier,
    Quantity,
    Span,
    SubEventType,
)


def _span(sentence: str, phrase: str, offset: int = 0) -> Span:
    start = sentence.index(phrase)
    return Span(start=offset + start, end=offset + start + len(phrase), text=phrase)


def make_event(
    event_id: str,
    *,
    sub_event_type: SubEventType = SubEventType.AIR_DRONE_STRIKE,
    plover: Plover | None = Plover.ASSAULT,
    mode: Mode = Mode.ASSERTED,
    day: dt.date | None = dt.date(2024, 2, 8),
    last_day: dt.date | None = None,
    place: Place | None = None,
    actor1: str | None = "United States",
    actor2: str | None = None,
    assoc_actor: str | None = None,
    fatalities: int | None = None,
    injuries: int | None = None,
    sentence: str = "A drone strike hit a car in the city on Thursday, officials said.",
    trigger: str = "strike",
    article_ids: tuple[str, ...] = ("a" * 16,),
) -> Event:
    """An event with one mention per article id, each quoting ``sentence``."""
    date = None
    if day is not None:
        date = DateRange(
            start=day,
            end=last_day or day,
            precision=DatePrecision.DAY if last_day is None else DatePrecision.WEEK,
        )
    places = (place,) if place is not None else ()
    first = ActorRef(text=actor1, canonical=actor1, actor_type=ActorType.STATE_FORCES) if actor1 else None
    second = ActorRef(text=actor2, actor_type=ActorType.CIVILIANS) if actor2 else None
    allies = (ActorRef(text=assoc_actor),) if assoc_actor else ()
    killed = Quantity(value=fatalities, qualifier=Qualifier.AT_LEAST) if fatalities is not None else None
    hurt = Quantity(value=injuries) if injuries is not None else None
    offset = 40  # the sentence sits inside a longer article text
    mentions = tuple(
        Mention(
            id=f"{article}:{offset}",
            article_id=article,
            event_type=EVENT_TYPE_OF[sub_event_type],
            sub_event_type=sub_event_type,
            plover=plover,
            mode=mode,
            date=date,
            places=places,
            actor1=first,
            actor2=second,
            assoc_actors1=allies,
            fatalities=killed,
            injuries=hurt,
            trigger=_span(sentence, trigger, offset),
            evidence=(Span(start=offset, end=offset + len(sentence), text=sentence),),
            extractor="test-factory",
        )
        for article in article_ids
    )
    # The event is its mentions' baseline (wirewatch.merge), under the id the test names.
    return event_from_mentions(list(mentions)).model_copy(update={"id": event_id})


#: Places for synthetic events: (name, country, admin1, lat, lon).
PLACES = (
    ("Baghdad", "IQ", "Baghdad", 33.3406, 44.4009),
    ("Mosul", "IQ", "Nineveh", 36.335, 43.1189),
    ("Erbil", "IQ", "Erbil", 36.1911, 44.0092),
    ("Basra", "IQ", "Basra", 30.5081, 47.7835),
    ("Deir ez-Zor", "SY", "Deir ez-Zor", 35.3359, 40.1408),
    ("Aleppo", "SY", "Aleppo", 36.2021, 37.1343),
    ("Idlib", "SY", "Idlib", 35.9306, 36.6339),
    ("Sanaa", "YE", "Amanat al Asimah", 15.3547, 44.2066),
    ("Aden", "YE", "Aden", 12.7794, 45.0367),
    ("Tripoli", "LY", "Tripoli", 32.8872, 13.1913),
)

ACTORS = (
    "United States",
    "Kataib Hezbollah",
    "Islamic State",
    "Military Forces of Iraq",
    "Syrian Democratic Forces",
    "Ansar Allah",
    "Libyan National Army",
)

SENTENCES = (
    "A drone strike hit a vehicle near the {place} checkpoint, officials said.",
    "Rockets landed close to a base outside {place} overnight, a security source said.",
    "Gunmen attacked a patrol on the road to {place}, police said.",
    "Protesters gathered in central {place} to demand services, witnesses said.",
    "A roadside bomb exploded as a convoy passed through {place}, the army said.",
)


def synthetic_events(count: int, seed: int = 7) -> list[Event]:
    """``count`` varied events: types, dates over three years, ten places, actors, fatalities
    (some unknown, many equal, so sort ties are common)."""
    rng = random.Random(seed)
    sub_types = list(SubEventType)
    first_day = dt.date(2022, 1, 1)
    events = []
    for index in range(count):
        name, country, admin1, lat, lon = rng.choice(PLACES)
        place = Place(
            name=name,
            country=country,
            admin1=admin1,
            lat=lat + rng.uniform(-0.05, 0.05),
            lon=lon + rng.uniform(-0.05, 0.05),
            precision=1,
        )
        day = first_day + dt.timedelta(days=rng.randrange(3 * 365)) if rng.random() > 0.03 else None
        sentence = rng.choice(SENTENCES).format(place=name)
        events.append(
            make_event(
                f"ev-{index:06d}",
                sub_event_type=rng.choice(sub_types),
                plover=rng.choice(list(Plover)),
                mode=rng.choice((Mode.ASSERTED, Mode.ASSERTED, Mode.ASSERTED, Mode.CLAIMED, Mode.DENIED)),
                day=day,
                place=place if rng.random() > 0.05 else None,
                actor1=rng.choice(ACTORS),
                actor2=rng.choice((None, "Civilians", *ACTORS)),
                fatalities=rng.choice((None, 0, 1, 2, 3, 5, 10, 20)),
                injuries=rng.choice((None, 0, 4)),
                sentence=sentence,
                trigger=sentence.split()[1],
                article_ids=tuple(f"{rng.randrange(16**15):016x}" for _ in range(rng.choice((1, 1, 2, 3)))),
            )
        )
    return events


BAGHDAD = Place(name="Baghdad", country="IQ", admin1="Baghdad", lat=33.34, lon=44.40, precision=1)
ERBIL = Place(name="Erbil", country="IQ", admin1="Erbil", lat=36.19, lon=44.01, precision=1)
DEIR = Place(name="Deir ez-Zor", country="SY", admin1="Deir ez-Zor", lat=35.34, lon=40.14, precision=1)
SUVA = Place(name="Suva", country="FJ", admin1="Central", lat=-18.14, lon=178.44, precision=1)
ISTANBUL = Place(name="Istanbul", country="TR", admin1="İstanbul", lat=41.01, lon=28.98, precision=1)


def sample_events() -> list[Event]:
    """Small, hand-made events: each filter below matches a known subset of them."""
    return [
        make_event(
            "ev-a",
            day=dt.date(2024, 1, 5),
            place=BAGHDAD,
            actor1="United States",
            actor2="Kataib Hezbollah",
            fatalities=4,
            sentence="A US drone strike killed four members of Kataib Hezbollah in Baghdad.",
            trigger="strike",
        ),
        make_event(
            "ev-b",
            sub_event_type=SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
            day=dt.date(2024, 1, 8),
            last_day=dt.date(2024, 1, 14),
            place=ERBIL,
            actor1="Islamic Resistance in Iraq",
            assoc_actor="Nujaba",
            fatalities=0,
            sentence="Rockets hit a base near Erbil airport during the week, a coalition official said.",
            trigger="Rockets",
        ),
        make_event(
            "ev-c",
            sub_event_type=SubEventType.ARMED_CLASH,
            plover=Plover.ASSAULT,
            mode=Mode.CLAIMED,
            day=dt.date(2024, 2, 1),
            place=DEIR,
            actor1="Syrian Democratic Forces",
            actor2="Islamic State",
            fatalities=12,
            sentence="Fighters of the SDF clashed with Islamic State cells east of Deir ez-Zor.",
            trigger="clashed",
        ),
        make_event(
            "ev-d",
            sub_event_type=SubEventType.PEACEFUL_PROTEST,
            plover=Plover.PROTEST,
            day=dt.date(2024, 2, 20),
            place=ISTANBUL,
            actor1="Protesters (Turkey)",
            fatalities=None,
            sentence="Thousands marched through İstanbul to protest the 100% rise in prices.",
            trigger="marched",
        ),
        make_event(
            "ev-e",
            sub_event_type=SubEventType.OTHER,
            plover=Plover.THREATEN,
            mode=Mode.THREATENED,
            day=None,
            place=SUVA,
            actor1=None,
            fatalities=None,
            sentence="Officials threatened to close the port_authority office in Suva.",
            trigger="threatened",
        ),
        make_event(
            "ev-f",
            day=dt.date(2024, 1, 5),
            place=None,
            actor1="United States",
            fatalities=4,
            sentence="Another strike was reported somewhere in the region.",
            trigger="strike",
        ),
    ]
