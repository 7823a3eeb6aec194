"""The network view in a real browser: Debian's chromium, headless, network blocked.

Skipped with the reason when chromium, chromium-driver or selenium is missing
(``.ci/run`` installs them).  One browser serves the whole module."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kg.ingest import iter_articles
from kg.network import to_networkx
from kg.pipeline import SAMPLE_DIR, build, get_extractor
from kg.view import write_view
from tests import browser
from tests.test_view import HOSTILE, hostile_extraction

pytestmark = pytest.mark.skipif(bool(browser.missing()), reason=browser.missing() or "ok")

#: Schemes that never leave the machine (chrome: is the browser's own start page).
LOCAL = {"file", "data", "about", "chrome", "blob"}

HOSTILE_ARTICLE = (
    "标题<script>alert(1)</script>\n"
    "南川区鸣玉镇中心社区第一书记韩楚<img src=x onerror=alert(2)>说，"
    "“</script><script>alert(3)</script>”行动已经开展。\n"
    '记者在<a href="javascript:alert(4)">链接</a>看到 javascript:alert(5) 的字样。\n'
)


def extract(*paths: Path) -> list:
    extractor = get_extractor()
    return build([extractor(a) for a in iter_articles([str(p) for p in paths])])


@pytest.fixture(scope="module")
def driver():
    with browser.chromium() as d:
        yield d


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, list]:
    extractions = extract(SAMPLE_DIR)
    page = write_view(extractions, tmp_path_factory.mktemp("view") / "graph.html", title="样例")
    return page, extractions


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "evil.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    extractions = extract(folder / "evil.txt") + [hostile_extraction()]
    return write_view(extractions, folder / "graph.html", title=HOSTILE[1])


def open_page(driver, page: Path) -> None:
    browser.load(driver, page, timeout=30)


def entity_id(driver, name: str) -> int:
    return driver.execute_script(
        "return kgView.entities.findIndex(e => e[0] === arguments[0])", name
    )


def no_dialog(driver) -> bool:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        _ = driver.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


def click_node(driver, node: int) -> None:
    """A real mouse click on the node's place on the canvas."""
    from selenium.webdriver.common.action_chains import ActionChains

    canvas, dx, dy = node_offset(driver, node)
    ActionChains(driver).move_to_element_with_offset(canvas, dx, dy).click().perform()


def node_offset(driver, node: int) -> tuple:
    """The canvas and the node's offset from its centre (what selenium's mouse moves take)."""
    x, y = driver.execute_script(
        "const n = kgView.network, p = n.canvasToDOM(n.getPositions([arguments[0]])[arguments[0]]);"
        "return [p.x, p.y];",
        node,
    )
    canvas = driver.find_element("css selector", "#kg-network canvas")
    size = canvas.size
    return canvas, int(x - size["width"] / 2), int(y - size["height"] / 2)


def test_page_loads_offline_without_errors(driver, sample) -> None:
    page, extractions = sample
    open_page(driver, page)
    assert browser.console_errors(driver) == []
    urls = browser.requested_urls(driver)
    assert page.resolve().as_uri() in urls
    assert [u for u in urls if urlsplit(u).scheme not in LOCAL] == []
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert [u for u in resources if urlsplit(u).scheme not in ("data", "file")] == []
    net = to_networkx(extractions)
    counts = driver.execute_script(
        "const n = kgView.network.body;"
        "return [kgView.nodes.length, n.nodeIndices.length, kgView.edges.length];"
    )
    assert counts[0] == counts[1] == net.number_of_nodes() > 50
    assert counts[2] > 50
    summary = driver.find_element("id", "kg-summary").text
    assert f"实体 entities {net.number_of_nodes()} / {net.number_of_nodes()}" in summary
    assert driver.execute_script("return kgView.network.physics.physicsEnabled") is False


def test_search_focuses_the_node(driver, sample) -> None:
    from selenium.webdriver.common.keys import Keys

    open_page(driver, sample[0])
    box = driver.find_element("id", "kg-search")
    box.send_keys("韩楚")
    hits = driver.find_elements("css selector", "#kg-results button")
    assert hits and hits[0].text.split()[0] == "韩楚"
    box.send_keys(Keys.ENTER)
    han = entity_id(driver, "韩楚")
    assert driver.execute_script("return kgView.network.getSelectedNodes()") == [han]
    time.sleep(0.5)  # the focus animation
    dx, dy = driver.execute_script(
        "const n = kgView.network, p = n.getPositions([arguments[0]])[arguments[0]],"
        " v = n.getViewPosition(); return [p.x - v.x, p.y - v.y];",
        han,
    )
    assert abs(dx) < 5 and abs(dy) < 5  # the view is centred on 韩楚
    assert driver.find_element("id", "kg-panel-name").text == "韩楚"
    assert browser.console_errors(driver) == []


def test_click_shows_post_and_evidence(driver, sample) -> None:
    page, extractions = sample
    open_page(driver, page)
    han = entity_id(driver, "韩楚")
    click_node(driver, han)
    assert driver.execute_script("return kgView.network.getSelectedNodes()") == [han]
    panel = driver.find_element("id", "kg-panel")
    assert driver.find_element("id", "kg-panel-name").text == "韩楚"
    assert "鸣玉镇中心社区 第一书记" in driver.find_element("css selector", ".kg-post").text
    (post,) = [
        r for e in extractions for r in e.relations
        if r.predicate == "holdsPost" and r.subject == ("Person", "韩楚")
    ]  # fmt: skip
    ev = post.evidence[0]
    first = panel.find_element("css selector", ".kg-ev")
    assert ev.sentence in first.text
    article = extractions[0].article
    cite = first.find_element("css selector", ".kg-cite").text
    assert article.title in cite and article.date in cite and f"{ev.start}–{ev.end}" in cite
    # neighbourhood highlight: a node that is not a neighbour is dimmed
    colours = driver.execute_script(
        "const ids = new Set(kgView.network.getConnectedNodes(arguments[0]).concat([arguments[0]]));"
        "return kgView.nodes.get().map(n => [ids.has(n.id), n.color.background]);",
        han,
    )
    assert all(("rgba(200" in c) != near for near, c in colours)


def test_type_and_relation_filters(driver, sample) -> None:
    open_page(driver, sample[0])
    state = (
        "const b = kgView.network.body;"
        "return kgView.nodes.get().map(n => [kgView.entities[n.id][1], b.nodes[n.id].options.hidden]);"
    )
    assert not any(hidden for _, hidden in driver.execute_script(state))
    driver.find_element("id", "kg-type-Person").click()
    after = driver.execute_script(state)
    assert {t for t, hidden in after if hidden} == {0}  # Person is type 0
    assert all(hidden for t, hidden in after if t == 0)
    driver.find_element("id", "kg-type-Person").click()
    assert not any(hidden for _, hidden in driver.execute_script(state))
    driver.find_element("id", "kg-rel-coOccursWith").click()
    edges = driver.execute_script(
        "const b = kgView.network.body;"
        "return kgView.edges.get().map(e => [kgView.edges.get(e.id).kgRel, b.edges[e.id].options.hidden]);"
    )
    assert {rel for rel, hidden in edges if hidden} == {5}  # coOccursWith
    assert any(not hidden for _, hidden in edges)


def test_hostile_text_stays_text(driver, hostile) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    open_page(driver, hostile)
    assert no_dialog(driver)
    assert browser.console_errors(driver) == []
    assert driver.title == HOSTILE[1]
    dom = driver.execute_script(
        "return [window.__pwned === undefined, document.images.length,"
        " document.scripts.length, document.querySelectorAll('a, iframe, object').length]"
    )
    assert dom == [True, 0, 3, 0]
    person = entity_id(driver, HOSTILE[0])
    assert person >= 0
    box = driver.find_element("id", "kg-search")
    box.send_keys("<script>")
    assert any(HOSTILE[0] in b.text for b in driver.find_elements("css selector", "#kg-results button"))
    driver.execute_script("kgView.focusEntity(arguments[0])", person)
    panel = driver.find_element("id", "kg-panel")
    assert driver.find_element("id", "kg-panel-name").text == HOSTILE[0]
    assert HOSTILE[4] in panel.text and HOSTILE[2] in panel.text  # post and evidence, as text
    assert panel.find_elements("css selector", "img, script, a") == []  # javascript: URL not linked
    # the tooltip of the node shows its name as text
    time.sleep(0.4)
    click_node(driver, person)
    canvas, dx, dy = node_offset(driver, person)
    ActionChains(driver).move_to_element_with_offset(canvas, dx + 1, dy + 1).perform()
    deadline = time.monotonic() + 3
    tip = None
    while time.monotonic() < deadline:
        tip = driver.execute_script(
            "const t = document.querySelector('div.vis-tooltip');"
            "return t && t.style.visibility !== 'hidden' ?"
                " [t.textContent, Array.from(t.children).map(c => c.tagName)] : null"
        )
        if tip:
            break
        time.sleep(0.1)
    assert tip is not None, "no tooltip"
    assert HOSTILE[0] in tip[0] and set(tip[1]) <= {"BR"}  # text, lines broken by <br> only
    # the article fed through the real pipeline: its text is shown as text too
    names = driver.execute_script("return kgView.entities.map(e => e[0])")
    assert "韩楚" in names
    driver.execute_script("kgView.focusEntity(arguments[0])", names.index("韩楚"))
    assert "<img src=x onerror=alert(2)>" in driver.find_element("id", "kg-panel").text
    assert no_dialog(driver)
    assert driver.execute_script("return [window.__pwned === undefined, document.images.length]") == [True, 0]
    assert browser.console_errors(driver) == []


def test_screenshot_of_the_sample(driver, sample, tmp_path) -> None:
    open_page(driver, sample[0])
    time.sleep(0.3)  # the fit after stabilisation
    png = driver.get_screenshot_as_png()
    out = tmp_path / "sample-graph.png"
    out.write_bytes(png)
    if os.environ.get("KG_ARTIFACTS"):
        folder = Path(os.environ["KG_ARTIFACTS"])
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(out, folder / out.name)
    width, height = browser.png_size(out.read_bytes())
    assert width >= 1000 and height >= 600
    stats = browser.png_stats(driver, png)
    assert "error" not in stats
    assert stats["colours"] > 50 and stats["ink"] > 0.02  # a picture, not a blank page
    assert {"e15759", "4e79a7", "f28e2b", "59a14f"} <= set(stats["hex"])  # the four type colours
