"""The judges' phone page in a real browser: headless Chromium emulating a 360-pixel phone with
touch, scoring with the buttons and the number pad, refused values in the desk's words, a score kept
on the phone while offline and across a reload, then sent: all of it in the database and the ranking."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fest_desktop.errors import ValidationError
from fest_desktop.phones.links import judge_links
from fest_desktop.phones.server import PhoneServer, bind_socket
from fest_desktop.registration.competitions import CriterionInfo
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.scoring.entering import parse_points
from fest_desktop.storage.database import Database
from tests.core.scoring_fixture import Board, make_board, sheet

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium 未安装（pip install -e .[test]）")
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="没有 Chromium 和 chromedriver（Debian：apt-get install chromium chromium-driver），手机页面的浏览器测试无法运行",
)
# Set to a folder to keep the phone's screenshots (docs/screenshots is where the README shows them).
SCREENSHOTS = os.environ.get("FEST_PHONE_SCREENSHOTS")


@pytest.fixture
def board(db: Database, festival: FestivalInfo) -> Board:
    return make_board(db, festival)


@pytest.fixture
def server(db: Database, board: Board) -> Iterator[str]:
    free = bind_socket("127.0.0.1", 22000)
    port = free.getsockname()[1]
    free.close()
    running = PhoneServer(db, board.competition.id)
    running.start("127.0.0.1", port)
    yield f"http://127.0.0.1:{running.port}"
    running.stop()


@pytest.fixture
def phone() -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN"):
        options.add_argument(argument)
    options.add_experimental_option(
        "mobileEmulation",
        {
            "deviceMetrics": {"width": 360, "height": 800, "pixelRatio": 2.0, "touch": True},
            "userAgent": "Mozilla/5.0 (Linux; Android 13; Phone) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0",
        },
    )
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=DRIVER))
    driver.execute_cdp_cmd("Network.enable", {})
    yield driver
    driver.quit()


def wait_for(condition: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the phone page did not get there in time"
        time.sleep(0.05)


def text_of(phone: Any, element_id: str) -> str:
    return str(phone.find_element(By.ID, element_id).text)


def open_entry(phone: Any, entry_id: int) -> None:
    def tapped() -> bool:
        # The list is redrawn whenever the sheet comes back from the PC: tap the button drawn now.
        try:
            phone.find_element(By.CSS_SELECTOR, f'button.entry[data-entry="{entry_id}"]').click()
        except StaleElementReferenceException:
            return False
        return True

    wait_for(tapped)
    wait_for(lambda: phone.find_element(By.ID, "entry-view").is_displayed())


def criterion_row(phone: Any, criterion: CriterionInfo) -> Any:
    return phone.find_element(By.CSS_SELECTOR, f'.criterion[data-criterion="{criterion.id}"]')


def shot(phone: Any, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        phone.save_screenshot(str(Path(SCREENSHOTS) / name))


def offline(phone: Any, is_offline: bool) -> None:
    phone.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": is_offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )


def test_a_judge_scores_three_entries_one_of_them_offline(
    phone: Any, server: str, db: Database, board: Board
) -> None:
    link = next(link for link in judge_links(db, board.competition.id) if link.judge_name == "李老师")
    judge = board.judge("李老师")
    criteria = board.competition.score_criteria
    first, second, third = (board.entry_ids[name] for name in ("一年级(1)班", "三年级(1)班", "三年级(2)班"))
    phone.get(server + link.path)
    wait_for(lambda: phone.find_element(By.ID, "list-view").is_displayed())
    assert "李老师" in text_of(phone, "judge") and text_of(phone, "sync") == "已同步"
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 360  # nothing off the side
    shot(phone, "5-phone-1-list.png")

    # With the buttons: − from empty gives the maximum, a second − one step less.
    open_entry(phone, first)
    for criterion in criteria:
        criterion_row(phone, criterion).find_element(By.XPATH, ".//button[1]").click()
    criterion_row(phone, criteria[0]).find_element(By.XPATH, ".//button[1]").click()
    shot(phone, "5-phone-2-entry.png")
    phone.find_element(By.ID, "submit").click()
    wait_for(lambda: sheet(db, board).judge_total(first, judge) is not None)
    expected = sum(c.max_points for c in criteria) - criteria[0].step
    assert sheet(db, board).judge_total(first, judge) == pytest.approx(expected)

    # With the number pad, and a value over the maximum refused in the desk's own words.
    wait_for(lambda: phone.find_element(By.ID, "list-view").is_displayed())
    open_entry(phone, second)
    over = criteria[1].max_points + 1
    for criterion in criteria:
        field = criterion_row(phone, criterion).find_element(By.TAG_NAME, "input")
        field.send_keys(f"{over:g}" if criterion == criteria[1] else f"{criterion.max_points:g}")
    phone.find_element(By.ID, "submit").click()
    with pytest.raises(ValidationError) as desk:
        parse_points(over, criteria[1])
    assert text_of(phone, "entry-error") == desk.value.message
    shot(phone, "5-phone-3-refused.png")
    field = criterion_row(phone, criteria[1]).find_element(By.TAG_NAME, "input")
    field.clear()
    field.send_keys(f"{criteria[1].max_points:g}")
    phone.find_element(By.ID, "submit").click()
    wait_for(lambda: sheet(db, board).judge_total(second, judge) is not None)

    # Offline: the score waits on the phone, across a reload, and goes when the network is back.
    wait_for(lambda: text_of(phone, "sync") == "已同步")
    offline(phone, True)
    open_entry(phone, third)
    for criterion in criteria:
        criterion_row(phone, criterion).find_element(By.XPATH, ".//button[1]").click()
    phone.find_element(By.ID, "submit").click()
    wait_for(lambda: text_of(phone, "sync") == "待同步 1")
    shot(phone, "5-phone-4-waiting.png")
    assert sheet(db, board).judge_total(third, judge) is None
    phone.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/scores"]})
    offline(phone, False)
    phone.refresh()
    wait_for(lambda: phone.find_element(By.ID, "list-view").is_displayed())
    assert text_of(phone, "sync") == "待同步 1"
    assert sheet(db, board).judge_total(third, judge) is None
    phone.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    phone.find_element(By.ID, "resend").click()
    wait_for(lambda: text_of(phone, "sync") == "已同步")
    assert sheet(db, board).judge_total(third, judge) == sum(c.max_points for c in criteria)
    ranked = {result.entry.id: result for result in sheet(db, board).results(provisional=True)}
    assert all(ranked[entry].final is not None for entry in (first, second, third))
    wait_for(lambda: "已评 3 /" in text_of(phone, "progress"))
    shot(phone, "5-phone-5-synced.png")


def test_the_pin_form_leads_to_the_judges_sheet(phone: Any, server: str, db: Database, board: Board) -> None:
    link = next(link for link in judge_links(db, board.competition.id) if link.judge_name == "陈老师")
    phone.get(server + "/")
    wait_for(lambda: phone.find_element(By.ID, "pin-view").is_displayed())
    phone.find_element(By.ID, "pin").send_keys("000000" if link.pin != "000000" else "111111")
    phone.find_element(By.CSS_SELECTOR, "#pin-form button").click()
    wait_for(lambda: "评分码" in text_of(phone, "pin-error"))
    field = phone.find_element(By.ID, "pin")
    field.clear()
    field.send_keys(link.pin)
    shot(phone, "5-phone-0-pin.png")
    phone.find_element(By.CSS_SELECTOR, "#pin-form button").click()
    wait_for(lambda: phone.current_url.endswith(link.path))
    wait_for(lambda: "陈老师" in text_of(phone, "judge"))
