"""HTML article extraction: body, furniture removal, metadata, and bad input.

The pages here are written for these tests (a fictional town and outlet); the benchmark
check at the end reads real pages from ../shared and never copies their text.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import socket
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SHARED, need
from wirewatch.errors import DataFileError
from wirewatch.ingest import html as html_module
from wirewatch.ingest.html import HTML_FURNITURE_FORMAT, HtmlFurnitureRules, extract_html

URL = "https://news.example.org/world/2024/03/05/kirava-market-shelling"
PLUS_3 = dt.timezone(dt.timedelta(hours=3))
PLUS_5_30 = dt.timezone(dt.timedelta(hours=5, minutes=30))

PARAGRAPHS = (
    "KIRAVA, Northland (Example Wire) - Artillery fire struck a market in the northern town of "
    "Kirava on Tuesday morning, killing at least six civilians and wounding 14 others, local "
    "health officials said.",
    "The shelling began shortly after 9 a.m., when traders were setting up their stalls, "
    "according to two witnesses who spoke by telephone. Several shops near the bus station "
    "were destroyed.",
    "The regional governor blamed forces of the Southern Front, which have held positions on "
    "the hills west of the town since last spring. A spokesman for the group denied any "
    "involvement and accused government troops of staging the attack.",
    "“We heard three loud explosions and then everybody was running,” said a shopkeeper who "
    "gave only his first name, Daniel. “My neighbour’s stall was hit directly.”",
    "The United Nations humanitarian office said in a statement that it was alarmed by the "
    "rising number of civilian casualties in the district and called on all parties to respect "
    "international humanitarian law.",
    "Kirava, a town of about 40,000 people, has been shelled repeatedly since fighting resumed "
    "in January after a ceasefire collapsed.",
)
FIRST, LAST = PARAGRAPHS[0], PARAGRAPHS[-1]

JSON_LD = """<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Example Wire", "url": "https://news.example.org/"},
  {"@type": "NewsArticle", "headline": "Market shelling kills six in Kirava",
   "datePublished": "2024-03-05T14:30:00+03:00", "dateModified": "2024-03-06T09:00:00+03:00",
   "publisher": {"@type": "Organization", "name": "Example Wire"}}]}
</script>"""

OPEN_GRAPH = """<meta property="og:site_name" content="Example Wire">
<meta property="og:title" content="Market shelling kills six in Kirava">
<meta property="og:type" content="article">
<link rel="canonical" href="https://news.example.org/world/2024/03/05/kirava-market-shelling">"""

# Everything around the article that a news page carries; none of it may reach the body.
FURNITURE_TEXTS = (
    "We use cookies",
    "Accept all cookies",
    "Home",
    "Politics",
    "Share on Twitter",
    "Ceasefire talks stall",
    "Aid convoy reaches",
    "Commenter one",
    "Another reader writes",
    "All rights reserved",
    "Privacy policy",
)


def page(
    *,
    head: str = OPEN_GRAPH + JSON_LD,
    title: str = "Market shelling kills six in Kirava | Example Wire",
    middle: str = "",
    end: str = "",
    paragraphs: tuple[str, ...] = PARAGRAPHS,
) -> str:
    """A news page: cookie banner, nav, share bar, article, related list, comments, footer."""
    first = "".join(f"<p>{p}</p>" for p in paragraphs[:3])
    rest = "".join(f"<p>{p}</p>" for p in paragraphs[3:])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head}</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. By
continuing to browse you agree to our cookie policy.</p><button>Accept all cookies</button></div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article class="story">
<h1>Market shelling kills six in Kirava</h1>
<div class="byline">By Jane Roe</div>
<div class="share-buttons"><a href="https://twitter.com/share">Share on Twitter</a>
<a href="https://facebook.com/share">Share on Facebook</a></div>
<div class="article-body">{first}{middle}{rest}{end}</div>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Ceasefire talks stall as both sides trade accusations</a></li>
<li><a href="/b">Aid convoy reaches besieged villages in the north</a></li></ul></aside>
<section id="comments" class="comments"><h3>42 comments</h3>
<div class="comment"><p>Commenter one says this is terrible news and somebody should do
something about it right now.</p></div>
<div class="comment"><p>Another reader writes that the government has failed the people of
the north for years.</p></div></section>
</main>
<footer class="site-footer"><p>&copy; 2024 Example Wire. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
</body></html>"""


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction must work offline: any attempt to open a connection fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("extract_html tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def lines(body: str) -> list[str]:
    return [line for line in body.splitlines() if line.strip()]


# --------------------------------------------------------------------------------------------
# Body
# --------------------------------------------------------------------------------------------


def test_news_page_body_is_the_article_without_its_furniture() -> None:
    cleaned = extract_html(page(), URL)
    assert lines(cleaned.body)[0] == FIRST
    assert lines(cleaned.body)[-1] == LAST
    assert lines(cleaned.body) == list(PARAGRAPHS)
    for text in FURNITURE_TEXTS:
        assert text not in cleaned.body


def test_furniture_inside_the_article_container_is_dropped() -> None:
    middle = (
        '<div class="ad"><p>Advertisement</p></div>'
        "<p>Read more: Ceasefire talks stall as both sides trade accusations</p>"
        "<p>Updated 10:04 GMT, 5 March 2024</p>"
        "<p>Photo: Jane Roe/Example Wire</p>"
    )
    end = (
        "<p>(Reporting by Jane Roe; Editing by John Doe)</p>"
        "<p>Follow us on Twitter and Facebook for the latest updates.</p>"
        "<p>Sign up for our daily newsletter to get the top stories delivered to your inbox.</p>"
        "<p>Copyright 2024 Example Wire. All rights reserved.</p>"
    )
    cleaned = extract_html(page(middle=middle, end=end), URL)
    assert lines(cleaned.body) == list(PARAGRAPHS)


def test_related_link_list_goes_but_a_list_of_facts_stays() -> None:
    middle = (
        '<ul><li><a href="/x">Why did the ceasefire in Northland collapse so quickly?</a></li>'
        '<li><a href="/y">Who controls the hills to the west of Kirava?</a></li></ul>'
        "<p>The council listed its demands:</p>"
        "<ul><li>an immediate ceasefire around the town</li>"
        '<li>safe passage for the wounded to the <a href="/h">regional hospital</a></li></ul>'
    )
    body = lines(extract_html(page(middle=middle), URL).body)
    assert not any("ceasefire in Northland" in line or "Who controls" in line for line in body)
    # List items come out as lines of their own, without a bullet.
    assert "an immediate ceasefire around the town" in body
    assert "safe passage for the wounded to the regional hospital" in body


def test_list_under_a_related_stories_heading_goes_but_latest_developments_stay() -> None:
    middle = (
        "<h3>More stories from Example Wire</h3>"
        '<ul><li>Aid convoy reaches the north, <a href="/a">officials say</a></li>'
        '<li>Talks stall again in the capital as <a href="/b">both sides trade blame</a></li></ul>'
        "<h3>Latest developments</h3>"
        "<ul><li>Six civilians were killed in the shelling of the Kirava market</li>"
        "<li>The governor blamed the Southern Front, which denied involvement</li></ul>"
    )
    body = lines(extract_html(page(middle=middle), URL).body)
    assert not any("Aid convoy" in line or "Talks stall" in line or "More stories" in line for line in body)
    assert "Six civilians were killed in the shelling of the Kirava market" in body
    assert "The governor blamed the Southern Front, which denied involvement" in body


def test_stand_alone_headline_links_go() -> None:
    middle = (
        '<ul><li><a href="/x">Aid convoy reaches besieged villages in the north</a></li>'
        '<li><a href="/y">Governor appeals for international help after floods</a></li>'
        "<li>the council will meet again on Friday to discuss relief</li></ul>"
    )
    body = extract_html(page(middle=middle), URL).body
    assert "Aid convoy" not in body
    assert "Governor appeals" not in body
    assert "the council will meet again on Friday to discuss relief" in body


def test_prose_that_mentions_furniture_words_is_kept() -> None:
    middle = (
        "<p>Updated 10:04 GMT: Government forces shelled the western districts of Kirava overnight, "
        "the local council said.</p>"
        "<p>Residents said they could no longer subscribe to the official account of events, and "
        "several urged the council to share its casualty figures with the United Nations.</p>"
        "<p>By Monday evening, troops had withdrawn from two checkpoints on the northern road.</p>"
    )
    body = extract_html(page(middle=middle), URL).body
    assert "Government forces shelled the western districts" in body
    assert "no longer subscribe to the official account" in body
    assert "By Monday evening, troops had withdrawn" in body


def test_headline_repeated_in_the_body_is_dropped() -> None:
    paragraphs = ("Market shelling kills six in Kirava", *PARAGRAPHS)
    cleaned = extract_html(page(paragraphs=paragraphs), URL)
    assert cleaned.title == "Market shelling kills six in Kirava"
    assert lines(cleaned.body) == list(PARAGRAPHS)


def test_table_rows_become_tab_separated_cells() -> None:
    middle = (
        "<table><tr><th>District</th><th>Killed</th><th>Wounded</th></tr>"
        "<tr><td>Kirava</td><td>6</td><td>14</td></tr>"
        "<tr><td>Lemberg</td><td>2</td><td>5</td></tr></table>"
    )
    body = extract_html(page(middle=middle), URL).body
    assert "Kirava\t6\t14" in lines(body)
    assert "|" not in body


def test_story_split_into_chunks_around_ads_is_reassembled() -> None:
    def chunk(paragraphs: tuple[str, ...]) -> str:
        inner = "".join(f"<p>{p}</p>" for p in paragraphs)
        return f'<div class="grid"><div class="article-body__chunk">{inner}</div></div>'

    html = f"""<html><head><title>Market shelling kills six in Kirava</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Market shelling kills six in Kirava</h1><div class="chunks">
    {chunk(PARAGRAPHS[:3])}
    <div class="ad-slot"><p>Advertisement</p></div>
    {chunk(PARAGRAPHS[3:])}
    </div></article>
    <footer><p>Example Wire, 1 Sample Street.</p></footer></body></html>"""
    assert lines(extract_html(html, URL).body) == list(PARAGRAPHS)


def test_next_story_of_an_infinite_scroll_page_is_not_merged() -> None:
    def story(headline: str, paragraphs: tuple[str, ...]) -> str:
        inner = "".join(f"<p>{p}</p>" for p in paragraphs)
        return f'<div class="story-wrap"><h1>{headline}</h1><div class="article-body">{inner}</div></div>'

    other = (
        "NORTHPORT (Example Wire) - Fishermen in the coastal city of Northport staged a protest "
        "on Wednesday against new quotas, blocking the harbour entrance for several hours.",
        "Police said the protest ended peacefully in the afternoon after talks with the port "
        "authority, and that no arrests were made during the blockade.",
    )
    html = f"""<html><head><title>Market shelling kills six in Kirava</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav><main class="feed">
    {story("Market shelling kills six in Kirava", PARAGRAPHS)}
    {story("Fishermen blockade Northport harbour", other)}
    </main></body></html>"""
    body = extract_html(html, URL).body
    assert FIRST in body
    assert "Fishermen" not in body


def test_live_blog_entry_headlines_linked_from_key_events_stay() -> None:
    middle = (
        '<ul class="key-events"><li><a href="#e1">Governor visits the damaged market square</a></li></ul>'
        '<h2 id="e1">Governor visits the damaged market square</h2>'
    )
    body = extract_html(page(middle=middle), URL).body
    assert "Governor visits the damaged market square" in lines(body)


def test_balanced_extraction_replaces_a_precise_one_that_lost_the_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_extract = html_module._extract

    def precise_loses_the_container(tree: Any, url: str | None, *, precise: bool) -> tuple[Any, str]:
        document, text = real_extract(tree, url, precise=precise)
        if precise and document is not None:
            for child in list(document.body)[1:]:
                document.body.remove(child)
            text = PARAGRAPHS[0]
        return document, text

    monkeypatch.setattr(html_module, "_extract", precise_loses_the_container)
    assert lines(extract_html(page(), URL).body) == list(PARAGRAPHS)


def test_script_and_event_handler_payloads_are_dropped_or_inert() -> None:
    middle = (
        "<p>Witnesses described the scene.<script>alert('script-in-body')</script></p>"
        '<p><img src="x.jpg" onerror="alert(\'onerror-in-body\')">The market was busy at the '
        "time of the attack, witnesses said.</p>"
        "<p><a href=\"javascript:alert('href-in-body')\">Officials</a> gave no casualty "
        "figures for the outlying villages.</p>"
        "<p>A banner read &lt;script&gt;alert('escaped-text')&lt;/script&gt; in protest at the "
        "shelling of the market.</p>"
        "<style>p { color: red }</style>"
    )
    body = extract_html(page(middle=middle), URL).body
    assert "script-in-body" not in body
    assert "onerror" not in body
    assert "href-in-body" not in body
    assert "javascript:" not in body
    assert "color: red" not in body
    assert "The market was busy at the time of the attack" in body
    # Escaped markup in the page is text, and stays text: either verbatim or not at all.
    if "escaped-text" in body:
        assert "<script>alert('escaped-text')</script>" in body


def test_malformed_page_with_unclosed_tags_still_gives_the_article() -> None:
    paragraphs = "".join(f"<p>{p}" for p in PARAGRAPHS)  # no </p> anywhere
    html = (
        "<html><head><title>Market shelling kills six in Kirava</title><body><div class=article>"
        f"<h1>Market shelling<b>kills six</i></span>{paragraphs}<div><span><table><tr><td>"
    )
    body = extract_html(html, URL).body
    assert FIRST in body
    assert LAST in body


def test_html_fragment_without_html_or_body_tags() -> None:
    fragment = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    assert lines(extract_html(fragment).body) == list(PARAGRAPHS)


@pytest.mark.parametrize(
    "content",
    [
        "",
        "   \n\t ",
        "<html></html>",
        "<html><head><title>Nothing here</title></head><body></body></html>",
        "Plain text that is not HTML. It has sentences, but no markup at all.",
        "https://news.example.org/world/2024/03/05/kirava-market-shelling",
        "\x00\x01\x02PK\x03\x04binary" * 50,
        "<<<>>><<!-- <p <div =>",
    ],
    ids=["empty", "blank", "bare-html", "empty-body", "plain-text", "url", "binary", "garbage"],
)
def test_empty_or_non_html_input_gives_an_empty_body(content: str) -> None:
    cleaned = extract_html(content, URL)
    assert cleaned.body == ""


def test_deeply_nested_page_keeps_its_text() -> None:
    # libxml2 drops everything below 256 levels unless told otherwise.
    depth = 600
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"<html><body>{'<div>' * depth}{paragraphs}{'</div>' * depth}</body></html>"
    assert FIRST in extract_html(html).body


def test_control_characters_and_lone_surrogates_do_not_break_parsing() -> None:
    middle = "<p>Broken \x0b bytes \ud800 here in an otherwise ordinary sentence about the town.</p>"
    body = extract_html(page(middle=middle), URL).body
    assert FIRST in body
    assert LAST in body


# --------------------------------------------------------------------------------------------
# Metadata
# --------------------------------------------------------------------------------------------


def test_metadata_from_open_graph_and_json_ld() -> None:
    cleaned = extract_html(page(), URL + "?utm_source=feed")
    assert cleaned.title == "Market shelling kills six in Kirava"
    assert cleaned.outlet == "Example Wire"
    assert cleaned.url == URL
    assert cleaned.published == dt.datetime(2024, 3, 5, 14, 30, tzinfo=PLUS_3)


def test_title_loses_the_site_suffix_of_the_title_tag() -> None:
    head = '<meta property="og:site_name" content="Example Wire">'
    cleaned = extract_html(page(head=head, title="Market shelling kills six in Kirava - Example Wire"))
    assert cleaned.title == "Market shelling kills six in Kirava"
    assert cleaned.outlet == "Example Wire"


def test_article_published_time_meta_wins_and_modified_time_is_ignored() -> None:
    head = (
        '<meta property="article:modified_time" content="2024-03-07T08:00:00Z">'
        '<meta property="article:published_time" content="2024-03-05T11:30:00Z">'
    )
    published = extract_html(page(head=head), "https://news.example.org/story").published
    assert published == dt.datetime(2024, 3, 5, 11, 30, tzinfo=dt.UTC)
    assert isinstance(published, dt.datetime)
    assert published.tzinfo is not None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", dt.date(2024, 3, 5)),
        ("2024-03-05T11:30:00", dt.date(2024, 3, 5)),  # a time without a zone: only the day is sure
        ("2024-03-05T00:00:00Z", dt.date(2024, 3, 5)),  # midnight is how CMSs write a bare day
        ("2024-03-05T11:30:00.000+0530", dt.datetime(2024, 3, 5, 11, 30, tzinfo=PLUS_5_30)),
        ("Tue, 05 Mar 2024 11:30:00 GMT", dt.datetime(2024, 3, 5, 11, 30, tzinfo=dt.UTC)),
        ("Tue Mar 05 2024 11:30:00 GMT+0300", dt.datetime(2024, 3, 5, 11, 30, tzinfo=PLUS_3)),
        ("March 5, 2024", dt.date(2024, 3, 5)),
        ("March 2024", None),  # no day: not a publication date
        ("0001-01-01T00:00:00Z", None),
        ("not a date", None),
    ],
)
def test_published_time_formats(value: str, expected: dt.date | None) -> None:
    head = f'<meta property="article:published_time" content="{value}">'
    assert extract_html(page(head=head), "https://news.example.org/story").published == expected


def test_no_date_is_invented_from_the_text() -> None:
    paragraphs = (*PARAGRAPHS, "The previous attack on the market, on 12 March 2023, killed two people.")
    cleaned = extract_html(page(head="", paragraphs=paragraphs), "https://news.example.org/story")
    assert cleaned.published is None


def test_date_in_the_url_is_used_when_the_page_states_none() -> None:
    assert extract_html(page(head=""), URL).published == dt.date(2024, 3, 5)
    guardian_style = "https://news.example.org/world/2024/mar/05/kirava-market-shelling"
    assert extract_html(page(head=""), guardian_style).published == dt.date(2024, 3, 5)


def test_date_printed_in_publication_date_markup() -> None:
    middle = '<p class="post-date">March 5, 2024</p>'
    published = extract_html(page(head="", middle=middle), "https://news.example.org/story").published
    assert published == dt.date(2024, 3, 5)


def test_future_dates_are_rejected() -> None:
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    head = f'<meta property="article:published_time" content="{future}">'
    assert extract_html(page(head=head), "https://news.example.org/story").published is None


def test_canonical_link_to_the_home_page_is_ignored() -> None:
    head = '<link rel="canonical" href="https://news.example.org/">'
    assert extract_html(page(head=head), URL).url == URL


def test_non_http_url_is_not_reported() -> None:
    assert extract_html(page(head=""), "javascript:alert(1)").url is None


# --------------------------------------------------------------------------------------------
# Furniture vocabulary (wirewatch/data/html_furniture.toml and user files)
# --------------------------------------------------------------------------------------------


def write_rules(tmp_path: Path, body: str, name: str = "my_html_furniture.toml") -> Path:
    path = tmp_path / name
    path.write_text(f'format = "{HTML_FURNITURE_FORMAT}"\n{body}', encoding="utf-8")
    return path


def test_packaged_vocabulary_loads_once_and_is_the_default() -> None:
    rules = HtmlFurnitureRules.load()
    assert rules is HtmlFurnitureRules.load()
    assert rules.sources == ("wirewatch/data/html_furniture.toml",)
    assert "advertisement" in rules.whole_lines
    assert rules.furniture.search("(Reporting by Jane Roe; Editing by John Doe)")
    assert rules.related_heading.search("More stories from Example Wire")
    assert rules.timestamp.search("Updated 10:04 GMT, 19 November 2019")
    assert rules.date_meta_rank["article:published_time"] == 0
    assert extract_html(page(), URL, rules) == extract_html(page(), URL)


# Each case: what a user file adds, and a line of the article that only the addition removes.
USER_ADDITIONS = (
    ('[prompts]\nphrases = ["tap here"]', "Tap here to get the Example Wire app"),
    ('[lines]\nwhole = ["Listen to this story"]', "Listen to this story"),
    ('[teasers]\nlabels = ["further reading"]', "Further reading: Ceasefire talks stall"),
    ('[bylines]\nopeners = ["words by"]', "Words by Jane Roe"),
    ("[widgets]\npatterns = ['^loading \\d+%$']", "Loading 45%"),
)


@pytest.mark.parametrize(("addition", "line"), USER_ADDITIONS)
def test_a_user_file_extends_the_vocabulary(tmp_path: Path, addition: str, line: str) -> None:
    middle = f"<p>{line}</p><p>Advertisement</p>"
    assert line in lines(extract_html(page(middle=middle), URL).body)

    rules = HtmlFurnitureRules.load([write_rules(tmp_path, addition)])
    body = lines(extract_html(page(middle=middle), URL, rules).body)
    assert line not in body
    # The user's file adds to the package's lists; it does not replace them.
    assert "Advertisement" not in body
    assert body == list(PARAGRAPHS)


MALFORMED = (
    ('[prompts]\nphrases = ["tap here"', "not valid TOML"),
    ('[prompts]\nphrases = "tap here"', "[prompts] phrases must be a list of strings"),
    ('[prompts]\nphrases = ["tap here", ""]', "[prompts] phrases has an empty string"),
    ('[prompts]\nphrase = ["tap here"]', "unknown key phrase in [prompts]"),
    ('[promts]\nphrases = ["tap here"]', "unknown table [promts]"),
    ("[widgets]\npatterns = ['loading (']", "pattern 'loading (' in [widgets] patterns"),
    ('[[prompts.near]]\nfirst = ["podcast"]', "[[prompts.near]] needs exactly first and then"),
    ("[dates.url_months]\nsept = 13", "[dates.url_months] sept = 13 is not a month"),
)


@pytest.mark.parametrize(("content", "message"), MALFORMED)
def test_a_malformed_user_file_is_a_data_file_error(tmp_path: Path, content: str, message: str) -> None:
    path = write_rules(tmp_path, content)
    with pytest.raises(DataFileError) as raised:
        HtmlFurnitureRules.load([path])
    assert message in raised.value.message
    assert str(path) in raised.value.message
    assert raised.value.fix


def test_a_user_file_must_declare_its_format(tmp_path: Path) -> None:
    path = tmp_path / "furniture.toml"
    path.write_text('format = "furniture/1"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="declares format 'furniture/1'") as raised:
        HtmlFurnitureRules.load([path])
    assert raised.value.fix == f'start the file with format = "{HTML_FURNITURE_FORMAT}"'


def test_a_missing_user_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read HTML furniture file"):
        HtmlFurnitureRules.load([tmp_path / "absent.toml"])


# --------------------------------------------------------------------------------------------
# Real pages
# --------------------------------------------------------------------------------------------

BENCHMARK = SHARED / "data" / "article-extraction-benchmark"
#: A low floor: on these pages the extractor scores 0.93-1.0. Falling below it means the
#: article was lost or buried in furniture, not that a line more or less was kept.
MIN_PAGE_F1 = 0.8
PAGES_CHECKED = 5


def token_f1(expected: str, predicted: str) -> float:
    truth, pred = Counter(expected.split()), Counter(predicted.split())
    overlap = sum((truth & pred).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(truth.values())
    return 2 * precision * recall / (precision + recall)


@pytest.mark.shared
def test_benchmark_pages_score_above_a_floor() -> None:
    need(
        (BENCHMARK / "ground-truth.json").is_file(),
        f"article-extraction benchmark not found under {BENCHMARK}",
    )
    truth = json.loads((BENCHMARK / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    chosen = ids[:: max(1, len(ids) // (PAGES_CHECKED - 1))][:PAGES_CHECKED]
    for page_id in chosen:
        path: Path = BENCHMARK / "html" / f"{page_id}.html.gz"
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        body = extract_html(html, truth[page_id].get("url")).body
        score = token_f1(truth[page_id]["articleBody"], body)
        assert score >= MIN_PAGE_F1, f"{page_id}: token F1 {score:.3f} < {MIN_PAGE_F1}"
