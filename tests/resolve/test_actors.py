"""The actor dictionary (wirewatch/data/actors) and actor resolution."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import need
from wirewatch.errors import DataFileError
from wirewatch.resolve.actors import ActorDictionary, EntryKind, find_actors, resolve_actor
from wirewatch.schema import ActorRef, ActorType, Span

US = "Military Forces of the United States (2021-)"
IRAQ = "Military Forces of Iraq (2022-)"
SYRIA = "Military Forces of Syria (2000-)"
PMF = "Military Forces of Iraq (2022-) Popular Mobilization Forces"
KH = "Kataib Hezbollah (Iraq)"
IRI = "Islamic Resistance in Iraq"
IRGC = "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps"
QUDS = "Military Forces of Iran (1989-) Quds Force"


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.fixture
def resolve(actors: ActorDictionary) -> Callable[..., ActorRef]:
    def run(text: str, *countries: str) -> ActorRef:
        return resolve_actor(text, dictionary=actors, countries=countries)

    return run


def canonical(actors: ActorDictionary, name: str) -> str | None:
    entry = actors.lookup(name)
    return entry.name if entry else None


# ---- aliases and spellings -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Kataib Hezbollah", "Kataeb Hezbollah", "Kata'ib Hezbollah", "Kataib Hizballah", "KH"], KH),
        (
            [
                "Hashed",
                "Hashd al-Shaabi",
                "al-Hashd al-Sha'bi",
                "Hashed al-Shaabi",
                "PMF",
                "PMU",
                "Popular Mobilisation Forces",
                "Popular Mobilization Units",
                "Popular Mobilization Forces",
            ],
            PMF,
        ),
        (["Islamic State", "IS", "ISIS", "ISIL", "Daesh"], "Islamic State (International)"),
        (["SDF", "QSD", "Syrian Democratic Forces"], "QSD: Syrian Democratic Forces"),
        (["Harakat al-Nujaba", "Nujaba", "Harakat Hezbollah Al Nujaba"], "Harakat Hezbollah al-Nujaba"),
        (["Asaib Ahl al-Haq", "Asa'ib Ahl al-Haq", "AAH"], "Asaib Ahl al-Haq"),
        (["Islamic Resistance in Iraq"], IRI),
        (["IRGC", "Revolutionary Guards", "Islamic Revolutionary Guard Corps"], IRGC),
        (["Quds Force", "Qods Force"], QUDS),
        (["Hezbollah", "Hizballah", "Lebanese Hezbollah"], "Hezbollah"),
        (["Houthis", "Huthis", "Ansar Allah"], "Ansar Allah"),
        (["HTS", "Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham"], "HTS: Hayat Tahrir al Sham"),
        (["SNA", "Syrian National Army", "Turkish-backed factions"], "JWS: Syrian National Army"),
        (["YPG", "People's Protection Units"], "YPG: Peoples Protection Units"),
        (["PKK", "Kurdistan Workers' Party"], "PKK: Kurdistan Workers Party"),
        (["Syrian Arab Army", "SAA", "Syrian regime forces"], SYRIA),
        (["Russian forces"], "Military Forces of Russia (2000-)"),
        (["Turkish Army", "Turkish Armed Forces"], "Military Forces of Turkey (2016-)"),
        (["IDF", "Israeli forces", "Israel Defense Forces"], "Military Forces of Israel (2022-)"),
        (["US forces", "U.S. forces", "CENTCOM", "Pentagon", "United States Armed Forces"], US),
        (["US-led coalition", "the coalition fighting IS"], "Global Coalition Against Daesh"),
        (["Iraqi security forces", "Iraqi army", "Iraqi Armed Forces"], IRAQ),
        (["CTS", "Counter-Terrorism Service"], "Military Forces of Iraq (2022-) Counter-Terrorism Service"),
        (["Iraqi Federal Police"], "Police Forces of Iraq (2022-)"),
        (["Peshmerga", "Kurdish Peshmerga"], "Peshmerga"),
        (["Jordanian Armed Forces", "JAF"], "Military Forces of Jordan (1999-)"),
        (["Iranian forces", "Iranian military"], "Military Forces of Iran (1989-)"),
        (["Abu Mahdi al-Muhandis", "Abu Mahdi al-Mohandes"], "Abu Mahdi al-Muhandis"),
        (["Qassem Soleimani", "Qasem Suleimani"], "Qassem Soleimani"),
    ],
)
def test_aliases_in_reporters_spellings(actors: ActorDictionary, names: list[str], expected: str) -> None:
    for name in names:
        assert canonical(actors, name) == expected, name


def test_lookup_ignores_case_accents_punctuation_and_a_leading_article(actors: ActorDictionary) -> None:
    assert canonical(actors, "the Hashed") == PMF
    assert canonical(actors, "KATAIB HEZBOLLAH") == KH
    assert canonical(actors, "  Hashd   al‑Shaabi ") == PMF  # non-breaking hyphen, extra spaces
    assert canonical(actors, "Kata’ib Ḥizballah") == KH  # curly apostrophe, dot below
    assert actors.lookup("the") is None
    assert actors.lookup("") is None
    assert actors.lookup("Abu Baqir al-Saadi") is None


def test_acronyms_match_capitals_only_in_running_text(resolve: Callable[..., ActorRef]) -> None:
    assert resolve("IS fighters", "SY").canonical == "Islamic State (Syria)"
    assert resolve("what is left of them").canonical is None
    assert resolve("Isis militants", "IQ").canonical == "Islamic State (Iraq)"  # 4+ letters: title case too
    assert resolve("three U.S. service members").canonical == US
    assert resolve("three of us").canonical is None


def test_capitalised_aliases_need_a_capital_in_the_text(resolve: Callable[..., ActorRef]) -> None:
    assert resolve("the Hashed said").canonical == PMF
    assert resolve("the deal they hashed out").canonical is None


# ---- ACLED names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("acled", "expected"),
    [
        ("Military Forces of the United States (2021-)", US),
        ("Military Forces of the United States (2017-2021)", US),
        ("Military Forces of Iraq (2022-)", IRAQ),
        ("Military Forces of Iraq (2018-2020)", IRAQ),
        ("Military Forces of Syria (2000-)", SYRIA),
        ("Military Forces of Turkey (2016-)", "Military Forces of Turkey (2016-)"),
        ("Military Forces of Russia (2000-)", "Military Forces of Russia (2000-)"),
        ("Military Forces of Israel (2022-)", "Military Forces of Israel (2022-)"),
        ("Military Forces of Israel (2009-2021)", "Military Forces of Israel (2022-)"),
        ("Unidentified Armed Group (Iraq)", "Unidentified Armed Group (Iraq)"),
        ("Unidentified Armed Group (Syria)", "Unidentified Armed Group (Syria)"),
        ("Civilians (Iraq)", "Civilians (Iraq)"),
        ("Civilians (Syria)", "Civilians (Syria)"),
        ("Islamic State (Syria)", "Islamic State (Syria)"),
        ("Islamic State (Iraq)", "Islamic State (Iraq)"),
        ("QSD: Syrian Democratic Forces", "QSD: Syrian Democratic Forces"),
        ("Global Coalition Against Daesh", "Global Coalition Against Daesh"),
        ("Hayat Tahrir al Sham", "HTS: Hayat Tahrir al Sham"),
        ("Fatemiyoun Brigade", "Fatemiyoun Brigade"),
        ("NLF: National Liberation Front", "JTW: National Liberation Front"),
        ("Military Forces of Syria (2000-) 5th Assault Corps", f"{SYRIA} 5th Assault Corps"),
        ("Military Forces of Iraq (2020-2022) Popular Mobilization Forces", PMF),
    ],
)
def test_acled_names(actors: ActorDictionary, acled: str, expected: str) -> None:
    assert canonical(actors, acled) == expected


def test_acled_name_for_a_date_follows_the_period_in_brackets(actors: ActorDictionary) -> None:
    us = actors.get(US)
    assert us is not None
    assert us.acled_name(dt.date(2020, 1, 3)) == "Military Forces of the United States (2017-2021)"
    assert us.acled_name(dt.date(2024, 2, 7)) == US
    assert us.acled_name() == US
    israel = actors.get("Military Forces of Israel (2022-)")
    assert israel is not None
    assert israel.acled_name(dt.date(2021, 6, 1)) == "Military Forces of Israel (2021-2022)"


def test_acled_naming_patterns_cover_names_no_alias_lists(actors: ActorDictionary) -> None:
    militia = actors.lookup("Hit Tribal Militia (Iraq)")
    assert militia is not None
    assert (militia.name, militia.actor_type, militia.country) == (
        "Hit Tribal Militia (Iraq)",
        ActorType.IDENTITY_MILITIA,
        "IQ",
    )
    assert militia.parent == "Tribal Militia (Iraq)"
    assert actors.same_actor("Hit Tribal Militia (Iraq)", "tribesmen")
    unit = actors.lookup("Military Forces of Iraq (2022-) 9th Armored Division")
    assert unit is not None
    assert unit.parent == IRAQ
    assert unit.actor_type is ActorType.STATE_FORCES
    former = actors.lookup("Former Kataib Hezbollah (Iraq)")
    assert former is not None
    assert former.country == "IQ"
    assert former.parent is None  # a splinter is not a unit of the group it left
    assert actors.lookup("Something Tribal Militia (Atlantis)") is None


def test_types_and_countries(actors: ActorDictionary) -> None:
    expected = {
        US: (ActorType.STATE_FORCES, "US"),
        KH: (ActorType.POLITICAL_MILITIA, "IQ"),
        "Islamic State (Syria)": (ActorType.REBEL_GROUP, "SY"),
        "Civilians (Iraq)": (ActorType.CIVILIANS, "IQ"),
        "Unidentified Armed Group (Syria)": (ActorType.POLITICAL_MILITIA, "SY"),
        "Protesters (Iraq)": (ActorType.PROTESTERS, "IQ"),
        "Rioters (Iraq)": (ActorType.RIOTERS, "IQ"),
        "Global Coalition Against Daesh": (ActorType.EXTERNAL_OTHER, None),
    }
    for name, (actor_type, country) in expected.items():
        entry = actors.get(name)
        assert entry is not None, name
        assert (entry.actor_type, entry.country) == (actor_type, country), name


# ---- resolution of noun phrases ------------------------------------------------------------


def test_best_match_inside_a_noun_phrase(resolve: Callable[..., ActorRef]) -> None:
    person = resolve("top Iraqi commander Abu Mahdi al-Muhandis")
    assert person.canonical == "Abu Mahdi al-Muhandis"
    assert person.actor_type is ActorType.STATE_FORCES  # the PMF's type
    assert person.country == "IQ"
    assert resolve("pro-Iran militia Kataib Hezbollah fighters").canonical == KH
    assert resolve("Tehran-backed factions including Kataeb Hezbollah").canonical == KH
    assert resolve("Iraq's state-sponsored Hashed al-Shaabi").canonical == PMF
    assert resolve("US-led coalition troops", "IQ").canonical == "Global Coalition Against Daesh"
    assert resolve("Iranian-backed militias").canonical == "Militia (Pro-Iran)"


def test_the_person_entry_is_a_person(actors: ActorDictionary) -> None:
    entry = actors.get("Abu Mahdi al-Muhandis")
    assert entry is not None
    assert entry.kind is EntryKind.PERSON
    assert entry.parent == PMF


@pytest.mark.parametrize(
    ("text", "countries", "expected", "country"),
    [
        ("US troops", ("IQ",), US, "US"),
        ("American soldiers", (), US, "US"),
        ("three U.S. service members", ("JO",), US, "US"),
        ("Turkish Army forces", ("SY",), "Military Forces of Turkey (2016-)", "TR"),
        ("Syrian regime forces", (), SYRIA, "SY"),
        ("Jordanian soldiers", ("JO",), "Military Forces of Jordan (1999-)", "JO"),
        ("Iraqi officials", (), "Government of Iraq", "IQ"),
        ("Iraqi police", (), "Police Forces of Iraq (2022-)", "IQ"),
        ("Ukrainian troops", (), "Military Forces of Ukraine", "UA"),  # from the role template
        ("the army", ("IQ",), IRAQ, "IQ"),
        ("the United States", ("IQ",), US, "US"),
    ],
)
def test_nationality_and_role_nouns(
    resolve: Callable[..., ActorRef], text: str, countries: tuple[str, ...], expected: str, country: str
) -> None:
    ref = resolve(text, *countries)
    assert (ref.canonical, ref.country) == (expected, country)


def test_a_bare_military_noun_does_not_guess_the_country(resolve: Callable[..., ActorRef]) -> None:
    # Foreign troops are reported as often as local ones: "troops" alone stays unresolved.
    assert resolve("troops", "IQ").canonical is None


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        ("Iraqi children", (), "Civilians (Iraq)"),
        ("two women", ("IQ",), "Civilians (Iraq)"),
        ("American contractors", ("IQ",), "Civilians (United States)"),  # ACLED: contractors are civilians
        ("civilians", ("SY",), "Civilians (Syria)"),
        ("civilians", (), "Civilians"),
        ("residents", ("LB",), "Civilians (Lebanon)"),
    ],
)
def test_civilians(
    resolve: Callable[..., ActorRef], text: str, countries: tuple[str, ...], expected: str
) -> None:
    ref = resolve(text, *countries)
    assert ref.canonical == expected
    assert ref.actor_type is ActorType.CIVILIANS


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        ("gunmen", ("IQ", "SY"), "Unidentified Armed Group (Iraq)"),
        ("unidentified assailants", ("SY",), "Unidentified Armed Group (Syria)"),
        ("militants", ("JO",), "Unidentified Armed Group (Jordan)"),
        ("a drone launched by unknown parties", ("IQ",), "Unidentified Armed Group (Iraq)"),
        ("Iraqi gunmen", ("SY",), "Unidentified Armed Group (Iraq)"),
        ("gunmen", (), "Unidentified Armed Group"),
        ("Unidentified armed group", ("IQ",), "Unidentified Armed Group (Iraq)"),
    ],
)
def test_unidentified_armed_group_by_country(
    resolve: Callable[..., ActorRef], text: str, countries: tuple[str, ...], expected: str
) -> None:
    ref = resolve(text, *countries)
    assert ref.canonical == expected
    assert ref.actor_type is ActorType.POLITICAL_MILITIA


def test_local_communal_and_tribal_militias(
    resolve: Callable[..., ActorRef], actors: ActorDictionary
) -> None:
    assert resolve("local gunmen", "SY").canonical == "Communal Militia (Syria)"
    assert resolve("armed tribesmen", "IQ").canonical == "Tribal Militia (Iraq)"
    assert resolve("gunmen from the Ekeidat tribe", "SY").canonical == "Ekeidat Tribal Militia (Syria)"
    assert actors.same_actor("local gunmen", "Tafas Communal Militia (Syria)")
    assert not actors.same_actor("local gunmen", "Ekeidat Tribal Militia (Syria)")


def test_a_participle_makes_a_name_a_modifier_unless_it_opens_a_passive(
    resolve: Callable[..., ActorRef],
) -> None:
    assert resolve("Turkey-backed factions", "SY").canonical == "JWS: Syrian National Army"
    assert resolve("Iran backed gunmen", "IQ").canonical == "Unidentified Armed Group (Iraq)"
    assert resolve("opposition rebels backed by Turkey", "SY").canonical == "Opposition Rebels (Syria)"
    assert resolve("pro-Turkish factions", "SY").canonical == "JWS: Syrian National Army"


def test_named_groups_beat_generic_role_nouns(resolve: Callable[..., ActorRef]) -> None:
    assert resolve("IS militants", "IQ").canonical == "Islamic State (Iraq)"
    assert resolve("Houthi militants").canonical == "Ansar Allah"
    assert resolve("Syrian Democratic Forces", "SY").canonical == "QSD: Syrian Democratic Forces"


def test_localised_entries_follow_the_main_country(resolve: Callable[..., ActorRef]) -> None:
    assert resolve("Islamic State", "SY").canonical == "Islamic State (Syria)"
    assert resolve("Daesh remnants", "IQ", "SY").canonical == "Islamic State (Iraq)"
    assert resolve("Islamic State", "JO").canonical == "Islamic State (International)"
    assert resolve("Islamic State").canonical == "Islamic State (International)"


def test_local_aliases_apply_only_in_their_country(resolve: Callable[..., ActorRef]) -> None:
    assert resolve("regime forces", "SY").canonical == SYRIA
    assert resolve("opposition factions", "SY").canonical == "Opposition Rebels (Syria)"
    assert resolve("opposition factions", "IQ").canonical is None
    assert resolve("the coalition", "IQ").canonical == "Global Coalition Against Daesh"
    assert resolve("the coalition", "YE").canonical is None


def test_state_forces_abroad_are_external_forces(resolve: Callable[..., ActorRef]) -> None:
    assert resolve("US forces", "IQ").actor_type is ActorType.EXTERNAL_OTHER
    assert resolve("US forces", "US").actor_type is ActorType.STATE_FORCES
    assert resolve("US forces").actor_type is ActorType.STATE_FORCES
    assert resolve("Iraqi army", "IQ").actor_type is ActorType.STATE_FORCES


def test_unknown_names_keep_the_text(resolve: Callable[..., ActorRef], actors: ActorDictionary) -> None:
    span = Span(start=10, end=28, text="Abu Baqir al-Saadi")
    ref = resolve_actor("Abu Baqir al-Saadi", dictionary=actors, countries=("IQ",), span=span)
    assert ref == ActorRef(text="Abu Baqir al-Saadi", span=span)
    assert resolve("").canonical is None
    assert resolve("...").canonical is None


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_resolve_never_fails_and_keeps_the_text(text: str) -> None:
    actors = ActorDictionary.load()
    ref = resolve_actor(text, dictionary=actors, countries=("IQ",))
    assert ref.text == text
    assert ref.canonical is None or actors.get(ref.canonical) is not None or actors.lookup(ref.canonical)


def test_find_actors_scans_a_report_with_spans(actors: ActorDictionary) -> None:
    text = (
        "Clashes took place between Syrian Democratic Forces and Islamic State fighters. "
        "Unknown gunmen shot at regime forces, and three U.S. service members were wounded."
    )
    refs = find_actors(text, dictionary=actors, countries=("SY",))
    assert [r.canonical for r in refs] == [
        "QSD: Syrian Democratic Forces",
        "Islamic State (Syria)",
        "Unidentified Armed Group (Syria)",
        SYRIA,
        US,
    ]
    for ref in refs:
        assert ref.span is not None
        assert text[ref.span.start : ref.span.end] == ref.span.text == ref.text
    assert refs[-1].text == "U.S. service members"


# ---- hierarchy and same_actor --------------------------------------------------------------


def test_parent_child_links(actors: ActorDictionary) -> None:
    assert actors.ancestors(KH)[:2] == (IRI, "Militia (Pro-Iran)")
    assert actors.ancestors(PMF) == (IRAQ,)
    assert actors.ancestors("Military Forces of Syria (2000-) 5th Assault Corps") == (SYRIA,)
    assert actors.ancestors(QUDS) == (IRGC, "Military Forces of Iran (1989-)")
    assert actors.ancestors("Civilians (Iraq)") == ("Civilians",)
    assert "Islamic State (Syria)" in actors.children("Islamic State (International)")


def test_same_actor(actors: ActorDictionary) -> None:
    same = actors.same_actor
    assert same("Kataeb Hezbollah", "KH")
    assert same("Military Forces of the United States (2017-2021)", "US troops")
    assert same("United States Armed Forces", "Military Forces of the United States (2021-)")
    # one is the other's ancestor: the same actor named at two levels of detail
    assert same("Kataib Hezbollah", "Islamic Resistance in Iraq")
    assert same("Unidentified armed group", "Unidentified Armed Group (Iraq)")
    assert same("Military Forces of Syria (2000-) 5th Assault Corps", "Syrian Arab Army")
    assert same("Iran-aligned militias", "Kataib Hezbollah")
    # siblings are different actors
    assert not same("Kataib Hezbollah", "Harakat al-Nujaba")
    assert not same("Civilians (Iraq)", "Civilians (Syria)")
    assert not same("US forces", "Global Coalition Against Daesh")
    assert not same("Hezbollah", "Kataib Hezbollah")
    # names the dictionary does not know are the same only when they are equal
    assert same("Abu Baqir al-Saadi", "abu baqir al saadi")
    assert not same("Abu Baqir al-Saadi", "Kataib Hezbollah")


def test_country_codes(actors: ActorDictionary) -> None:
    assert actors.country_code("Syria") == "SY"
    assert actors.country_code("SYR") == "SY"
    assert actors.country_code("iq") == "IQ"
    assert actors.country_code("the United States") == "US"
    assert actors.country_code("Atlantis") is None


# ---- user files -----------------------------------------------------------------------------


def write(tmp_path: Path, text: str, name: str = "mine.toml") -> Path:
    path = tmp_path / name
    path.write_text('format = "actors/1"\n' + text, encoding="utf-8")
    return path


def test_user_files_add_actors_aliases_and_role_nouns(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[[actor]]
name = "Saraya Thar al-Muhandis"
type = "political militia"
country = "IQ"
parent = "Islamic Resistance in Iraq"
aliases = ["{Thar|Tha'ar} al-Muhandis Brigades"]

[[actor]]
name = "Kataib Hezbollah (Iraq)"
aliases = ["Hezbollah Battalions"]

[roles.civilians]
nouns = ["bystanders"]
""",
    )
    extended = ActorDictionary.load([path])
    assert canonical(extended, "Tha'ar al-Muhandis Brigades") == "Saraya Thar al-Muhandis"
    assert extended.same_actor("Saraya Thar al-Muhandis", "Islamic Resistance in Iraq")
    assert canonical(extended, "Hezbollah Battalions") == KH
    assert canonical(extended, "KH") == KH  # the package aliases stay
    entry = extended.get(KH)
    assert entry is not None
    assert entry.parent == IRI
    assert resolve_actor("bystanders", dictionary=extended, countries=("IQ",)).canonical == "Civilians (Iraq)"
    assert ActorDictionary.load().lookup("Hezbollah Battalions") is None  # the package is untouched


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[[actor]\nname = 'x'", "not valid TOML"),
        ("[[actor]]\nname = 'X'\ntype = 'rebel group'\ncolour = 'red'", "unknown key 'colour'"),
        ("[[actor]]\nname = 'X'\ntype = 'warlords'", "not an ACLED actor type"),
        ("[[actor]]\nname = 'X'\ntype = 9", "not an ACLED actor type"),
        ("[[actor]]\nname = 'X'", "has no type"),
        ("[[actor]]\ntype = 'rebel group'", "has no name"),
        ("[[actor]]\nname = 'X'\ntype = 2\naliases = 'X1'", "aliases must be a list of strings"),
        ("[[actor]]\nname = 'X'\ntype = 2\nparent = 'Nobody'", "parent 'Nobody'"),
        ("[[actor]]\nname = 'X'\ntype = 2\ncountry = 'XX'", "country 'XX'"),
        ("[[actor]]\nname = 'X'\ntype = 2\naliases = ['KH']", "alias 'KH'"),
        ("[[actor]]\nname = 'X'\ntype = 2\naliases = ['{a|b']", "braces"),
        ("[[actor]]\nname = 'X'\ntype = 2\nrole = 'jesters'", "role 'jesters'"),
        ("[[pattern]]\nregex = '(unclosed'\ntype = 2", "not a valid regular"),
        ("[spellings]\nkataib = ['kata ib']", "not one word"),
        ("[roles.military]\ntemplate = 'Forces of {nation}'", "template"),
        ("[[country]]\ncode = 'iraq'\nname = 'Iraq'", "alpha-2"),
        ("[colours]\nred = 1", "unknown top-level key"),
    ],
)
def test_malformed_user_files_name_the_problem_and_the_fix(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        ActorDictionary.load([path])
    assert problem in caught.value.message
    assert caught.value.fix


def test_a_file_without_the_format_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    path.write_text("[[actor]]\nname = 'X'\ntype = 2\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="declares format None"):
        ActorDictionary.load([path])


def test_a_missing_user_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read actor file"):
        ActorDictionary.load([tmp_path / "absent.toml"])


# ---- the shared gold files ------------------------------------------------------------------


def gold_actor_names(path: Path) -> set[str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return {name for event in gold["events"] for key in ("actor1", "actor2") for name in event.get(key) or ()}


@pytest.mark.shared
@pytest.mark.parametrize("relative", ["seeds/gold.json", "data/acled-syria-battles/gold.json"])
def test_every_gold_actor_name_is_in_the_dictionary(
    shared: Path, actors: ActorDictionary, relative: str
) -> None:
    path = shared / relative
    need(path.is_file(), f"{path} not found")
    missing = []
    for name in sorted(gold_actor_names(path)):
        entry = actors.lookup(name)
        if entry is None or entry.source.startswith("pattern"):
            missing.append(name)
    assert not missing, f"{len(missing)} gold actor names are neither canonical names nor aliases: {missing}"


def test_a_possessive_pronoun_stands_for_the_country_of_the_actor_it_is_joined_to(
    actors: ActorDictionary,
) -> None:
    owner = resolve_actor("the Islamic Revolutionary Guard Corps", dictionary=actors)
    assert owner.country == "IR"
    span = Span(start=40, end=51, text="its proxies")
    joined = resolve_actor("its proxies", dictionary=actors, span=span, owner=owner)
    assert joined.canonical == "Militia (Pro-Iran)"
    assert (joined.text, joined.span) == ("its proxies", span)  # as written
    # without the actor it is joined to, the pronoun says nothing
    assert resolve_actor("its proxies", dictionary=actors).canonical is None
    # nor does a phrase that does not open with a possessive pronoun
    assert resolve_actor("proxies", dictionary=actors, owner=owner).canonical is None


def test_a_bare_nationality_adjective_is_the_states_forces(resolve: Callable[..., ActorRef]) -> None:
    """What the extractor hands on for "a Turkish drone strike"; not a person or a people."""
    assert (resolve("Turkish").canonical or "").startswith("Military Forces of Turkey")
    assert resolve("an Iraqi").canonical is None
    assert resolve("Iraqis").canonical is None


def test_foreign_armed_forces_are_the_second_country_of_the_report(resolve: Callable[..., ActorRef]) -> None:
    assert (resolve("foreign troops", "IQ", "FR").canonical or "").startswith("Military Forces of France")
    assert resolve("foreign troops", "IQ").canonical is None  # no foreign country in the report
    assert resolve("foreign minister", "IQ", "FR").canonical is None  # an office, not forces
    assert resolve("foreign ministry", "IQ", "FR").canonical == "Government of Iraq"


def test_trainers_are_military(resolve: Callable[..., ActorRef]) -> None:
    assert (resolve("several American trainers", "IQ").canonical or "").startswith(
        "Military Forces of the United States"
    )
