"""clean_plaintext on small pages written for these tests, and properties that hold on any text."""

# The pages below are test data laid out as scraped text is: one paragraph per long line.
# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.errors import DataFileError
from wirewatch.ingest.document import CleanedText
from wirewatch.ingest.plaintext import FurnitureRules, clean_plaintext

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))
GMT = dt.UTC


def lines_in_order(body: str, text: str) -> bool:
    """Every line of ``body`` occurs in ``text`` in order (internal furniture lines removed)."""
    position = 0
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    for line in body.split("\n"):
        found = normalised.find(line, position)
        if found < 0:
            return False
        position = found + len(line)
    return True


def clean(text: str) -> CleanedText:
    result = clean_plaintext(text)
    assert lines_in_order(result.body, text)
    for section in result.sections:
        assert 0 <= section.start <= section.end <= len(result.body)
    return result


# --------------------------------------------------------------------------------------------
# Layouts
# --------------------------------------------------------------------------------------------


def test_wire_story_with_city_agency_dash_dateline() -> None:
    page = """Drone attack hits oil field in northern Iraq
ERBIL, Iraq (AP) — Two drones struck an oil field in Iraq's northern Kurdistan region on Tuesday, setting a storage tank ablaze, officials said.
Firefighters brought the blaze under control within hours and no one was hurt, the regional interior ministry said in a statement.
No group claimed the attack, the third on the field this year.
"""
    result = clean(page)
    assert result.title == "Drone attack hits oil field in northern Iraq"
    assert result.body.startswith("ERBIL, Iraq (AP) — Two drones struck")
    assert result.body.endswith("the third on the field this year.")
    assert result.outlet == "AP"
    assert result.published is None  # the dateline prints no date
    assert result.sections == ()


def test_reuters_dateline_without_year_takes_the_year_of_the_page_date() -> None:
    page = """Israeli strike kills two in southern Lebanon, security sources say
By Jane Roe
March 3, 2024 11:40 AM GMT
BEIRUT, March 3 (Reuters) - An Israeli drone strike on a car in southern Lebanon killed two people on Sunday, two security sources said.
The strike hit the car near the town of Naqoura, close to the border, the sources said.
(Reporting by Jane Roe; Editing by John Doe)
"""
    result = clean(page)
    assert result.title == "Israeli strike kills two in southern Lebanon, security sources say"
    assert result.published == dt.datetime(2024, 3, 3, 11, 40, tzinfo=GMT)
    assert result.body.startswith("BEIRUT, March 3 (Reuters) - An Israeli drone strike")
    assert result.body.endswith("close to the border, the sources said.")
    assert "Editing by" not in result.body
    assert result.outlet == "Reuters"
    assert result.sections == ()  # one date for the whole text


def test_related_links_block_ends_the_body() -> None:
    page = """Gunmen kill 12 villagers in northern Burkina Faso
Published: 14 June 2022
Gunmen on motorbikes attacked a village overnight, killing at least 12 people and burning dozens of homes, a local official said on Tuesday.
Residents fled towards the regional capital, according to aid workers who asked not to be named.
The army said reinforcements had been sent and an operation was under way to track the attackers.
Related stories
Junta extends transition by two years
Soldiers killed in ambush near border
Attacks displace thousands in the Sahel, aid groups warn in a new report published on Monday.
"""
    result = clean(page)
    assert result.title == "Gunmen kill 12 villagers in northern Burkina Faso"
    assert result.published == dt.date(2022, 6, 14)
    assert result.body.endswith("to track the attackers.")
    assert "Junta" not in result.body


def test_headline_list_without_a_heading_is_not_body() -> None:
    page = """Two soldiers killed in Kashmir gunfight
Two soldiers were killed in a gunfight with militants in a forest area of southern Kashmir on Friday, police said.
The militants escaped under cover of darkness and a search operation was under way, a police officer said.
Ceasefire talks stall as both sides trade blame
Floods cut off hundreds of villages in the north
Minister resigns over procurement scandal
Opposition calls for early election after budget defeat
Heavy rain is forecast for the coming week across much of the region, the weather office said in a bulletin issued on Friday evening.
"""
    result = clean(page)
    assert result.body.endswith("a police officer said.")
    assert "Ceasefire talks" not in result.body


def test_comment_box_with_long_reader_comments_is_cut() -> None:
    comment = (
        "This is very sad news and the government must do much more to protect people in the "
        "province, where attacks like this have become far too common over the last few years."
    )
    page = f"""Militants attack checkpoint in Balochistan
Posted on March 9, 2021 by admin
QUETTA: Militants attacked a security checkpoint late on Monday, killing two soldiers, the military's media wing said in a statement.
Security forces returned fire and the attackers fled towards the mountains, it added.
Leave a Reply
Your email address will not be published. Required fields are marked *
Reader One says:
{comment}
{comment}
{comment}
{comment}
Reply
"""
    result = clean(page)
    assert result.body.startswith("QUETTA: Militants attacked")
    assert result.body.endswith("fled towards the mountains, it added.")
    assert result.published == dt.date(2021, 3, 9)


def test_cookie_notice_and_image_credit_are_furniture() -> None:
    page = """We use cookies to improve your experience on our website. By continuing to browse, you agree to our use of cookies.
Accept all cookies
Airstrike hits fuel depot in port city
Sana'a, 12 March 2023 (Xinhua) -- An airstrike hit a fuel depot in the port city on Sunday, setting off a large fire, residents said.
There were no immediate reports of casualties, and no party claimed the strike.
Photo: Smoke rises over the port. (Xinhua)
Firefighters were still battling the blaze several hours after the strike, the residents said.
"""
    result = clean(page)
    assert result.title == "Airstrike hits fuel depot in port city"
    assert result.published == dt.date(2023, 3, 12)
    assert result.outlet == "Xinhua"
    assert result.body.startswith("Sana'a, 12 March 2023 (Xinhua) -- An airstrike")
    assert "Photo:" not in result.body
    assert "cookies" not in result.body
    assert result.body.endswith("the residents said.")


def test_page_without_title_starts_with_the_body() -> None:
    page = """Two rockets landed near the embassy compound late on Sunday, the security media cell said in a statement. No casualties were reported.
The compound's air defence system was activated during the attack, according to videos shared online.
Share this:
Click here to subscribe to our daily newsletter.
"""
    result = clean(page)
    assert result.title is None
    assert result.body.startswith("Two rockets landed")
    assert result.body.endswith("according to videos shared online.")


def test_page_that_is_only_a_body() -> None:
    page = (
        "Police said a car bomb exploded outside a government building in the city centre on "
        "Wednesday morning, wounding at least seven people.\n\n"
        "Witnesses said the blast shattered windows across the street.\n"
    )
    result = clean(page)
    assert result.body == page.strip()
    assert result.title is None
    assert result.published is None
    assert result.outlet is None


def test_windows_line_endings() -> None:
    page = (
        "Two killed in market blast | Frontier Post\r\n\r\n"
        "By Staff Reporter | 12 March 2023\r\n\r\n"
        "PESHAWAR: Two people were killed and five wounded when a bomb exploded in a crowded "
        "market on Sunday, police said.\r\n\r\n"
        "No group has claimed responsibility for the attack so far.\r\n\r\n"
        "Leave a Reply\r\n"
    )
    result = clean(page)
    assert "\r" not in result.body
    assert result.title == "Two killed in market blast"
    assert result.outlet == "Frontier Post"
    assert result.published == dt.date(2023, 3, 12)
    assert result.body == (
        "PESHAWAR: Two people were killed and five wounded when a bomb exploded in a crowded "
        "market on Sunday, police said.\n\nNo group has claimed responsibility for the attack so far."
    )


def test_title_with_pipe_site_suffix_and_section_chain() -> None:
    page = """Shelling hits hospital in eastern town | World | Daily Ledger
The regional governor said artillery shells struck the hospital's maternity ward overnight, killing one nurse.
Patients were moved to a basement shelter while rescuers cleared the rubble, he said.
"""
    result = clean(page)
    assert result.title == "Shelling hits hospital in eastern town"
    assert result.outlet == "Daily Ledger"


def test_dash_suffix_that_is_not_a_site_stays_in_the_title() -> None:
    page = """Fighting spreads to the capital – live updates
Fighting spread to the capital's northern districts on Saturday, residents said, as both sides claimed gains.
"""
    result = clean(page)
    assert result.title == "Fighting spreads to the capital – live updates"
    assert result.outlet is None


def test_dateline_with_time_zone_gives_an_aware_datetime() -> None:
    page = """Grenade attack wounds five in Srinagar
PTI, Jan 7, 2020, 9:56 AM IST
Srinagar: Militants hurled a grenade at a police patrol in a busy market on Tuesday, wounding five people including two policemen, officials said.
The area was cordoned off and a search launched, they said.
"""
    result = clean(page)
    assert result.published == dt.datetime(2020, 1, 7, 9, 56, tzinfo=IST)
    assert result.outlet == "PTI"
    assert result.title == "Grenade attack wounds five in Srinagar"


def test_updated_and_published_lines_prefer_published() -> None:
    page = """Updated: 5 Feb 2024, 18:10 GMT
Convoy ambushed near border crossing
Published: 4 Feb 2024, 09:00 GMT
Gunmen ambushed a supply convoy near the border crossing on Sunday, killing three drivers, officials said.
The convoy was carrying food and medicine to camps for displaced people, the aid agency that organised it said.
"""
    result = clean(page)
    assert result.published == dt.datetime(2024, 2, 4, 9, 0, tzinfo=GMT)


def test_guardian_style_header_with_deck_and_byline_in_place() -> None:
    page = """Middle East
Strike on school kills at least 20, officials say
Health ministry says women and children among dead as shelter is hit for the third time in a week
Jane Roe in Jerusalem
Mon 5 Feb 2024 14.02 GMT
Share
A strike on a school sheltering displaced families has killed at least 20 people, according to local health officials.
The military said it had targeted a command centre operating inside the compound.
Explore more on these topics
Middle East
"""
    result = clean(page)
    assert result.title == "Strike on school kills at least 20, officials say"
    assert result.published == dt.datetime(2024, 2, 5, 14, 2, tzinfo=GMT)
    assert result.body.startswith("A strike on a school")
    assert result.body.endswith("inside the compound.")


def test_two_datelines_give_two_sections() -> None:
    page = """Clashes erupt in the capital as rival militias fight for control
TRIPOLI, Aug 27, 2022 (AFP) - Heavy clashes broke out on Saturday between rival armed groups in the capital, killing at least 12 people, the health ministry said.
Residents said gunfire could be heard across several districts.
Fighting resumes on second day
TRIPOLI, Aug 28, 2022 (AFP) - Fighting resumed on Sunday in the south of the city, a day after the deadliest clashes in two years, witnesses said.
The United Nations called for an immediate ceasefire.
"""
    result = clean(page)
    assert result.published == dt.date(2022, 8, 27)
    first, second = result.sections
    assert first.published == dt.date(2022, 8, 27)
    assert second.published == dt.date(2022, 8, 28)
    assert first.dateline == "TRIPOLI, Aug 27, 2022 (AFP)"
    assert result.body[second.start :].startswith("Fighting resumes on second day\nTRIPOLI, Aug 28")
    assert first.end == second.start
    assert second.end == len(result.body)
    assert "witnesses said" in result.body[second.start : second.end]


def test_sidebar_story_under_the_page_dateline() -> None:
    page = """Regional News Network
IRAQ WARS
Threats widen rifts between allies
By A Correspondent
Baghdad (AFP) Sept 27, 2020

Civilians killed as rocket falls on home
Baghdad (AFP) Sept 28, 2020 - Three civilians were killed on Monday when a rocket fell on their home near the airport, the army said.

The attack came after weeks of rising tension over a string of rocket attacks on diplomatic sites.

Officials said on Sunday that the rift between the two governments had widened sharply this month.

Related Links
Older story on the same subject
"""
    result = clean(page)
    assert result.title == "Threats widen rifts between allies"
    assert result.published == dt.date(2020, 9, 27)
    assert result.outlet == "AFP"
    assert result.body.startswith("Civilians killed as rocket falls on home\nBaghdad (AFP) Sept 28, 2020")
    assert result.body.endswith("widened sharply this month.")
    (section,) = result.sections
    assert section.start == 0
    assert section.dateline == "Baghdad (AFP) Sept 28, 2020"
    assert section.published == dt.date(2020, 9, 28)


def test_standfirst_repeated_as_first_paragraph() -> None:
    page = """Blast hits army convoy near the capital

A roadside bomb struck an army convoy near the capital on Thursday, killing four soldiers, officials said.

By Staff Writer
Photo credit: Agency
Advertisement

A roadside bomb struck an army convoy near the capital on Thursday, killing four soldiers, officials said. An armed group claimed responsibility in a statement.

The convoy was travelling to a town west of the capital when the device exploded, a military officer told reporters.
"""
    result = clean(page)
    assert result.title == "Blast hits army convoy near the capital"
    assert result.body.startswith("A roadside bomb struck")
    assert "claimed responsibility" in result.body.split("\n")[0]
    assert result.body.count("A roadside bomb struck") == 1


def test_internal_furniture_lines_are_dropped_and_the_rest_joined() -> None:
    page = """Curfew imposed after clashes

Authorities imposed a curfew in the city on Friday after clashes between protesters and police left three people dead.

Advertisement

Police said they had arrested 40 people and that the situation was now under control.

Also read: Protests spread to three more provinces

The curfew will remain in force until further notice, the governor's office said.
"""
    result = clean(page)
    assert "Advertisement" not in result.body
    assert "Also read" not in result.body
    assert result.body == (
        "Authorities imposed a curfew in the city on Friday after clashes between protesters and "
        "police left three people dead.\n\n"
        "Police said they had arrested 40 people and that the situation was now under control.\n\n"
        "The curfew will remain in force until further notice, the governor's office said."
    )


def test_teaser_with_its_own_dateline_and_read_more_is_not_body() -> None:
    page = """Talks on prisoner exchange resume
Negotiators resumed talks on a prisoner exchange on Monday, a mediator said, after a two-week pause.
The mediator said both sides had submitted lists of names and that a first swap could take place within days.
ANALYSIS
Why the ceasefire keeps failing
KYIV, March 1, 2024 — Every few months a new truce is announced and within days it collapses, leaving both sides blaming the other for the first shots fired ... read more
"""
    result = clean(page)
    assert result.body.endswith("could take place within days.")
    assert result.sections == ()


def test_hard_wrapped_text_is_read_as_paragraphs() -> None:
    page = """Shelling kills three in eastern region

By A Reporter

KRAMATORSK, Ukraine, March 3, 2024 -- Artillery shelled a residential
district of the town overnight, killing three civilians and wounding
six others, the regional governor said on Sunday.

The governor said several apartment buildings and a school were
damaged in the attack, which came as forces pressed an offensive
along the eastern front line.

The military said its troops had repelled more than twenty assaults
in the area over the past day.
"""
    result = clean(page)
    assert result.title == "Shelling kills three in eastern region"
    assert result.published == dt.date(2024, 3, 3)
    assert result.body.startswith("KRAMATORSK, Ukraine, March 3, 2024 -- Artillery")
    assert result.body.endswith("over the past day.")


def test_donation_appeal_and_copyright_footer_are_cut() -> None:
    page = """Militia seizes border town
Fighters from an armed group seized control of a border town on Wednesday after a day of heavy fighting, residents said.
The group said in a statement that it had taken the town's main base and a crossing point.
Thanks for reading.
We need your help. Independent reporting takes time, money and hard work, and unlike many other news sites we have no paywall.
If you value our reporting, please consider making a contribution today so we can keep our coverage free for everyone.
© 2024 Example Media Group. All rights reserved.
"""
    result = clean(page)
    assert result.body.endswith("a crossing point.")
    assert result.outlet == "Example Media Group"


def test_blog_post_line_and_relative_time_are_furniture() -> None:
    page = """Home » News » World
Suicide bomber targets police station
Posted by admin | March 3, 2024 | 0 comments
3 hours ago
A suicide bomber rammed a car into a police station on Sunday, killing at least six officers, officials said.
The blast destroyed part of the building and damaged nearby shops, a police spokesman said.
3 Responses to "Suicide bomber targets police station"
Reader says:
It is shameful that officers keep being targeted while nothing is done to protect them in the province.
Previous Post
"""
    result = clean(page)
    assert result.title == "Suicide bomber targets police station"
    assert result.published == dt.date(2024, 3, 3)
    assert result.body.startswith("A suicide bomber")
    assert result.body.endswith("a police spokesman said.")


def test_a_date_inside_furniture_still_dates_the_page() -> None:
    page = """Source: Xinhua| 2024-03-03 18:30:45|Editor: desk
Landmine blast kills 3 in southern province
KABUL, March 3 (Xinhua) -- Three people were killed when a leftover landmine exploded in a southern province on Sunday, a local official said.
The victims were collecting scrap metal when the device went off, the official said.
"""
    result = clean(page)
    assert result.published == dt.date(2024, 3, 3)
    assert result.outlet == "Xinhua"
    assert result.body.startswith("KABUL, March 3 (Xinhua) -- Three people")


def test_live_blog_time_stamps_do_not_split_the_body() -> None:
    page = """Live: Ceasefire talks resume
12:40 GMT
Negotiators have arrived at the venue for a second day of talks, according to a statement from the mediators.
12:15 GMT
Officials said overnight shelling had killed three people in the south, the first deaths reported since Sunday.
11:50 GMT
The foreign minister said he was cautiously optimistic about the talks on Monday.
"""
    result = clean(page)
    assert result.body.startswith("Negotiators have arrived")
    assert result.body.endswith("about the talks on Monday.")


def test_a_deck_above_a_same_day_dateline_is_not_a_sidebar() -> None:
    page = """Protesters storm parliament building
March 3, 2024
Police fire tear gas as crowds break through the gates
BAGHDAD, March 3 (Reuters) - Hundreds of protesters stormed the parliament building on Sunday, police said, as security forces fired tear gas to disperse them.
Several people were treated for breathing problems, medics said.
"""
    result = clean(page)
    assert result.title == "Protesters storm parliament building"
    assert result.body.startswith("BAGHDAD, March 3 (Reuters) - Hundreds")
    assert result.published == dt.date(2024, 3, 3)
    assert result.sections == ()


@pytest.mark.parametrize("blank", ["", " ", "\n\n", "\r\n\t \r\n", "\u00a0"])
def test_empty_or_whitespace_gives_an_empty_body(blank: str) -> None:
    result = clean_plaintext(blank)
    assert result == CleanedText(body="")


def test_only_furniture_gives_an_empty_body() -> None:
    result = clean_plaintext("Advertisement\nShare this article\nLeave a Reply\n")
    assert result.body == ""


# --------------------------------------------------------------------------------------------
# The vocabulary is data
# --------------------------------------------------------------------------------------------


def test_a_user_file_adds_furniture(tmp_path: Path) -> None:
    page = """Border post attacked overnight
Gunmen attacked a border post overnight, killing two guards, the interior ministry said on Saturday.
The attackers fled across the border, the ministry said.
Support the Daily Ledger team with a gift of any size today.
"""
    assert clean_plaintext(page).body.endswith("with a gift of any size today.")  # unknown phrase
    extra = tmp_path / "furniture-ledger.toml"
    extra.write_text(
        "format = \"furniture/1\"\n[patterns]\nend = ['^support the .{1,40} team\\b']\n"
        '[timezones]\nMMT = "+06:30"\n',
        encoding="utf-8",
    )
    rules = FurnitureRules.load([extra])
    assert rules.timezones["MMT"] == dt.timezone(dt.timedelta(hours=6, minutes=30))
    assert rules.timezones["IST"] == IST  # the package vocabulary is still there
    page_with_time = page.replace(
        "Border post attacked overnight\n", "Border post attacked\n3 March 2024 08:15 MMT\n"
    )
    assert clean_plaintext(page, rules).body.endswith("the ministry said.")
    result = clean_plaintext(page_with_time, rules)
    assert result.published == dt.datetime(2024, 3, 3, 8, 15, tzinfo=dt.timezone(dt.timedelta(hours=6.5)))
    assert FurnitureRules.load([extra]) is rules  # loaded once


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[patterns]\nend = ["x"]\n', "format"),
        ('format = "furniture/1"\n[patterns]\nend = ["(unclosed"]\n', "regular expression"),
        ('format = "furniture/1"\n[patterns]\nfooter = ["x"]\n', "unknown key"),
        ('format = "furniture/1"\n[timezones]\nXST = "five"\n', "offset"),
        ('format = "furniture/1"\n[months]\nbrumaire = 13\n', "1-12"),
        ('format = "furniture/1"\n[outlet]\npatterns = ["^from (.+)$"]\n', "outlet"),
        ("format = \n", "TOML"),
    ],
)
def test_a_malformed_user_file_is_a_data_file_error(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "furniture-bad.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        FurnitureRules.load([bad])


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

PARAGRAPHS = [
    "Security forces said they had killed three militants in an overnight raid on a hideout near the border.",
    "The interior ministry said two officers were wounded in the exchange of fire that followed.",
    "Residents said the shooting lasted for more than an hour before the area fell silent again.",
    "A spokesman for the armed group denied that any of its members had been killed in the operation.",
    "The raid came a week after an attack on a checkpoint in the same district killed four soldiers.",
]
HEADER_FURNITURE = [
    "Advertisement",
    "Skip to main content",
    "Share",
    "By Jane Roe",
    "Published: 3 March 2024",
    "",
]
FOOTER_FURNITURE = [
    "Leave a Reply",
    "Related Articles",
    "Source link",
    "Thanks for visiting our site",
    "© 2024 Example News. All rights reserved.",
]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_never_raises_and_body_comes_from_the_input(text: str) -> None:
    result = clean_plaintext(text)
    assert lines_in_order(result.body, text)
    assert result.body == result.body.strip()
    for section in result.sections:
        assert 0 <= section.start <= section.end <= len(result.body)


LINE_PIECES = st.sampled_from(
    [
        "Advertisement",
        "BAGHDAD (AFP) Sept 28, 2020 - ",
        "KYIV, March 3 (Reuters) - ",
        "Updated April 4th, 2021 at 20:20 IST",
        "Leave a Reply",
        "IRAQ WARS",
        "By Jane Roe",
        " | Site",
        "read more",
        "\r\n",
        "\n",
        "\n\n",
        " ",
        "—",
        "2024-02-30",
        "Feb 29",
        "31 June 2023 25:61 XYZ",
        *PARAGRAPHS,
    ]
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(LINE_PIECES, st.text(max_size=20)), max_size=40))
def test_never_raises_on_page_like_noise(pieces: list[str]) -> None:
    text = "".join(pieces)
    result = clean_plaintext(text)
    assert lines_in_order(result.body, text)
    for section in result.sections:
        assert 0 <= section.start <= section.end <= len(result.body)
        assert section.published is not None


@settings(max_examples=100)
@given(
    header=st.lists(st.sampled_from(HEADER_FURNITURE), max_size=4),
    body=st.lists(st.sampled_from(PARAGRAPHS), min_size=2, max_size=5),
    footer=st.lists(st.sampled_from(FOOTER_FURNITURE), min_size=1, max_size=3),
    newline=st.sampled_from(["\n", "\r\n"]),
    spacing=st.sampled_from(["", "\n"]),
)
def test_body_between_furniture_is_found_whole(
    header: list[str], body: list[str], footer: list[str], newline: str, spacing: str
) -> None:
    lines = ["Raid on militant hideout leaves three dead", *header]
    for paragraph in body:
        lines += [paragraph, *([spacing] if spacing else [])]
    lines += footer
    text = newline.join(lines)
    result = clean_plaintext(text)
    assert result.title == "Raid on militant hideout leaves three dead"
    assert result.body.startswith(body[0])
    assert result.body.endswith(body[-1])
    assert result.sections == ()
