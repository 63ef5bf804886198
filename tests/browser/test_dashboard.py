"""The dashboard in a real browser against the real app: map, timeline, filters, event pages,
untrusted article text, and no request leaving the machine."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import IMAGE_PAYLOAD, SCRIPT_PAYLOAD, Watched, screenshot_targets

pytestmark = pytest.mark.browser

#: The dashboard view the README shows: this year's events, so the timeline has room per week.
SCREENSHOT_QUERY = {"start": "2025-01-01"}


def api(base_url: str, path: str, **params: str) -> Any:
    response = httpx.get(f"{base_url}{path}", params=params)
    response.raise_for_status()
    return response.json()


def wait_until_loaded(page: Page) -> None:
    """The list, the map and the timeline are drawn and no request is in flight."""
    page.wait_for_function("() => document.querySelector('#status').textContent.includes('matching')")
    page.wait_for_function("() => !document.body.classList.contains('is-loading')")


def wait_for_rows(page: Page, count: int) -> None:
    page.wait_for_function(
        "count => document.querySelectorAll('#event-list .event-item').length === count", arg=count
    )


def wait_for_outlines(page: Page) -> None:
    page.wait_for_selector(".country-label:not(.is-hidden)")


def shown_counts(page: Page) -> tuple[int, int]:
    """(events matching, events placed on the map) as the status line reports them."""
    status = page.locator("#status").inner_text()
    match = re.match(r"(\d+) matching · (\d+) on the map", status)
    assert match, status
    return int(match.group(1)), int(match.group(2))


def shown_total(page: Page) -> int:
    return shown_counts(page)[0]


def test_dashboard_shows_markers_timeline_and_list(watched: Watched, base_url: str, tmp_path: Path) -> None:
    page = watched.page
    page.goto(f"{base_url}/?{urlencode(SCREENSHOT_QUERY)}")
    wait_until_loaded(page)
    wait_for_outlines(page)
    expected = api(base_url, "/api/events", limit="1000", **SCREENSHOT_QUERY)

    placed = [item for item in expected["items"] if item["place"] and item["place"]["lat"] is not None]
    assert shown_counts(page) == (expected["total"], len(placed))
    assert page.locator("#event-list .event-item").count() == expected["total"]
    # markercluster draws only what is in view, as single markers and as clusters (the examples
    # put several events on Iraq's centre, so there is at least one cluster).
    page.wait_for_function("() => !document.querySelector('#map .leaflet-cluster-anim')")
    assert page.locator("#map .marker-dot").count() > 0
    assert page.locator("#map .cluster-count").count() > 0
    assert page.locator("#timeline .bar").count() > 0
    assert page.locator(".map-legend li").count() == 6
    assert page.locator("input[name=start]").input_value() == SCREENSHOT_QUERY["start"]
    assert watched.errors == []
    for target in screenshot_targets("dashboard.png", tmp_path):
        page.screenshot(path=str(target))


def test_filters_drive_the_list_the_map_and_the_address(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url)
    wait_until_loaded(page)
    everything = shown_total(page)

    page.click("#all-types")  # everything was ticked: untick all
    page.check("input[name=event_type][value='Battles']")
    expected = api(base_url, "/api/events", event_type="Battles")["total"]
    assert 0 < expected < everything
    wait_for_rows(page, expected)
    wait_until_loaded(page)
    assert shown_total(page) == expected
    assert page.locator("#event-list .event-item:not(.type-battles)").count() == 0
    assert page.locator("#map .marker-dot:not(.type-battles)").count() == 0
    assert "event_type=Battles" in page.url

    page.click("#all-types")  # tick all again
    page.fill("input[name=q]", "drone")
    page.press("input[name=q]", "Enter")
    expected = api(base_url, "/api/events", q="drone")["total"]
    assert 0 < expected < everything
    wait_for_rows(page, expected)
    assert "q=drone" in page.url

    page.fill("input[name=q]", "")
    page.fill("input[name=min_fatalities]", "1")
    page.press("input[name=min_fatalities]", "Enter")
    expected = api(base_url, "/api/events", min_fatalities="1")["total"]
    wait_for_rows(page, expected)
    killed = page.locator("#event-list .event-item .badge-killed")
    assert killed.count() == expected > 0

    page.go_back()  # the address holds the filters: back restores the view before the last one
    expect(page.locator("input[name=min_fatalities]")).to_have_value("")
    assert "min_fatalities" not in page.url
    wait_until_loaded(page)
    assert page.locator("#event-list .event-item").count() > expected
    assert watched.errors == []


def test_actor_suggestions_and_the_other_filters(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url)
    wait_until_loaded(page)
    page.fill("input[name=actor]", "hezb")
    page.wait_for_selector("#actor-options option[value='Kataib Hezbollah (Iraq)']", state="attached")
    page.fill("input[name=actor]", "Kataib Hezbollah")
    page.press("input[name=actor]", "Enter")
    expected = api(base_url, "/api/events", actor="Kataib Hezbollah")["total"]
    assert expected > 0
    wait_for_rows(page, expected)
    assert all("Kataib Hezbollah" in text for text in page.locator(".event-actors").all_inner_texts())

    page.fill("input[name=actor]", "")
    page.select_option("select[name=sub_event_type]", "Air/drone strike")
    page.select_option("select[name=mode]", "asserted")
    page.fill("input[name=country]", "iq")
    page.press("input[name=country]", "Enter")
    query = {"sub_event_type": "Air/drone strike", "mode": "asserted", "country": "IQ"}
    expected = api(base_url, "/api/events", **query)["total"]
    assert expected > 0
    wait_for_rows(page, expected)
    titles = page.locator("#event-list .event-title").all_inner_texts()
    assert set(titles) == {"Air/drone strike"}
    assert "country=IQ" in page.url and "mode=asserted" in page.url
    assert watched.errors == []


def test_an_api_error_is_shown_with_its_fix(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}/?country=NOTACOUNTRY")
    alert = page.locator("#alert")
    expect(alert).to_be_visible()
    assert "Fix:" in alert.inner_text()


def disputed_event(base_url: str) -> dict[str, Any]:
    """An event reported by several articles that disagree, preferably about the death toll
    (the most telling event page, and the one the README shows)."""
    items = api(base_url, "/api/events", limit="1000")["items"]
    details = [api(base_url, f"/api/events/{item['id']}") for item in items if item["article_count"] > 1]
    disputed = [detail for detail in details if detail["event"]["disagreements"]]
    assert disputed, "the examples should hold an event whose sources disagree"

    def telling(detail: dict[str, Any]) -> tuple[bool, int, int]:
        event = detail["event"]
        fields = {disagreement["field"] for disagreement in event["disagreements"]}
        return "fatalities" in fields, len(detail["articles"]), len(event["mentions"])

    return max(disputed, key=telling)


def test_event_page_shows_the_evidence_highlighted(watched: Watched, base_url: str, tmp_path: Path) -> None:
    detail = disputed_event(base_url)
    event = detail["event"]
    page = watched.page
    page.goto(f"{base_url}/events/{event['id']}")
    page.wait_for_selector(".source-card mark.hl-trigger")
    wait_for_outlines(page)

    assert page.locator("h1").inner_text() == event["sub_event_type"]
    assert page.locator(".source-card").count() == len(event["mentions"])
    triggers = page.locator(".source-card mark.hl-trigger").all_inner_texts()
    assert sorted(triggers) == sorted(mention["trigger"]["text"] for mention in event["mentions"])
    for kind in ("actor", "place", "number"):
        assert page.locator(f".evidence mark.hl-{kind}").count() > 0, kind
    # The highlighted sentence reads exactly as the article does: marks only wrap text.
    first = event["mentions"][0]["evidence"][0]["text"]
    assert page.locator(".evidence-sentence").first.inner_text() in {
        mention["evidence"][0]["text"] for mention in event["mentions"]
    }
    assert first

    disagreements = page.locator("#disagreements .disagreement")
    assert disagreements.count() == len(event["disagreements"])
    assert page.locator("#disagreements .claim").count() == sum(
        len(disagreement["values"]) for disagreement in event["disagreements"]
    )
    assert page.locator("#merge tbody tr").count() == len(event["merge_reasons"])
    assert page.locator("#merge .component-bar").count() == sum(
        len(reason["components"]) for reason in event["merge_reasons"]
    )
    article_urls = {article["url"] for article in detail["articles"].values() if article["url"]}
    links = page.locator(".source-links a[target=_blank]")
    assert {links.nth(index).get_attribute("href") for index in range(links.count())} == article_urls
    assert watched.errors == []
    for target in screenshot_targets("event.png", tmp_path):
        page.screenshot(path=str(target))


def hostile_event_id(base_url: str) -> str:
    items = api(base_url, "/api/events", q="window.__pwned")["items"]
    assert items, "the hostile article produced no event"
    return str(items[0]["id"])


def assert_nothing_ran(page: Page) -> None:
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    script_sources = page.eval_on_selector_all("script", "scripts => scripts.map(s => s.getAttribute('src'))")
    assert all(source and source.startswith(("/vendor/", "/static/")) for source in script_sources)


def test_hostile_text_is_shown_as_text_and_never_runs(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}/?q=window.__pwned")
    wait_until_loaded(page)
    summary = page.locator("#event-list .event-summary").first.inner_text()
    assert SCRIPT_PAYLOAD in summary
    page.locator("#event-list .event-item").first.hover()
    page.locator("#event-list .locate").first.click()
    page.wait_for_selector(".leaflet-popup-content .popup-title")
    assert_nothing_ran(page)

    page.goto(f"{base_url}/events/{hostile_event_id(base_url)}")
    page.wait_for_selector(".source-card mark.hl-trigger")
    evidence = page.locator(".evidence").first.inner_text()
    assert SCRIPT_PAYLOAD in evidence and IMAGE_PAYLOAD in evidence
    head = page.locator(".source-head").first.inner_text()
    assert IMAGE_PAYLOAD in head and SCRIPT_PAYLOAD in head  # the title and the outlet, as text
    assert page.locator(".source-links").first.inner_text().startswith("URL not linked")
    assert_nothing_ran(page)
    assert watched.dialogs == []


def test_pages_send_a_content_security_policy(base_url: str) -> None:
    for path in ("/", "/events/ev-anything"):
        policy = httpx.get(f"{base_url}{path}").headers["content-security-policy"]
        assert "script-src 'self'" in policy and "default-src 'none'" in policy
        assert "unsafe-inline" not in policy


def test_everything_the_browser_fetches_is_local(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url)
    wait_until_loaded(page)
    wait_for_outlines(page)
    fetched = {url.removeprefix(base_url).split("?")[0] for url in watched.local_requests}
    assert {"/vendor/leaflet/leaflet.js", "/vendor/world-atlas/countries-50m.json", "/api/events"} <= fetched
    assert watched.outside_requests == []


def test_highlighting_cuts_overlapping_spans_into_runs(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}/events/ev-none")  # any dashboard page loads the modules' origin
    runs = page.evaluate(
        """async () => {
            const { segments } = await import('/static/js/highlight.js');
            const sentence = { start: 100, end: 141, text: 'Rockets wounded two Iraqi soldiers there.' };
            const spans = [
                { kind: 'trigger', start: 108, end: 115 },
                { kind: 'actor', start: 116, end: 134 },
                { kind: 'number', start: 116, end: 119 },
                { kind: 'place', start: 90, end: 102 },
            ];
            return segments(sentence, spans).map(run => [run.text, run.spans.map(s => s.kind).sort()]);
        }"""
    )
    assert runs == [
        ["Ro", ["place"]],
        ["ckets ", []],
        ["wounded", ["trigger"]],
        [" ", []],
        ["two", ["actor", "number"]],
        [" Iraqi soldiers", ["actor"]],
        [" there.", []],
    ]
