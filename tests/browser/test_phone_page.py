"""The judges' phone page in a real browser: headless Chromium emulating a phone (360×800 and 412×915,
touch, WeChat's user agent). Scoring with the buttons and the number pad, refusals in the desk's words
and units that scroll to their field, a score kept on the phone while offline and across a reload
(also with the PC out of reach), then sent; 提交并锁定 and the reason shown on every entry; a value
that differs from the desk's explained; a revoked card whose queued score the new card sends."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fest_desktop.errors import ValidationError
from fest_desktop.phones.conflicts import score_conflicts
from fest_desktop.phones.links import JudgeLinkInfo, judge_links, reissue_link
from fest_desktop.phones.server import PhoneServer, bind_socket
from fest_desktop.registration.competitions import CriterionInfo
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.scoring.entering import enter_score
from fest_desktop.scoring.points import parse_points
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
WECHAT = (
    "Mozilla/5.0 (Linux; Android 13; Phone) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0"
)
SMALLEST_CONTROL = 44  # px, the least a thumb hits reliably


@pytest.fixture
def board(db: Database, festival: FestivalInfo) -> Board:
    return make_board(db, festival)


class Server:
    """The phone server, stopped and started again on the same port as a PC that goes out of reach."""

    def __init__(self, db: Database, board: Board) -> None:
        free = bind_socket("127.0.0.1", 22000)
        self.port = free.getsockname()[1]
        free.close()
        self.running = PhoneServer(db, board.competition.id)
        self.start()

    def start(self) -> None:
        assert self.running.start("127.0.0.1", self.port) == self.port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def server(db: Database, board: Board) -> Iterator[Server]:
    running = Server(db, board)
    yield running
    running.running.stop()


def make_phone(width: int, height: int) -> Any:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN"):
        options.add_argument(argument)
    options.add_experimental_option(
        "mobileEmulation",
        {
            "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0, "touch": True},
            "userAgent": WECHAT,
        },
    )
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=DRIVER))
    driver.execute_cdp_cmd("Network.enable", {})
    return driver


@pytest.fixture
def phone() -> Iterator[Any]:
    driver = make_phone(360, 800)
    yield driver
    driver.quit()


@pytest.fixture
def wide_phone() -> Iterator[Any]:
    driver = make_phone(412, 915)
    yield driver
    driver.quit()


def wait_for(condition: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the phone page did not get there in time"
        time.sleep(0.05)


def text_of(phone: Any, element_id: str) -> str:
    return str(phone.find_element(By.ID, element_id).text)


def shown(phone: Any, element_id: str) -> bool:
    return bool(phone.find_element(By.ID, element_id).is_displayed())


def tap(phone: Any, element: Any) -> None:
    """A thumb on the element where the judge sees it: scrolled to the middle of the screen first, as
    the bars pinned at the top and the bottom cover the edges."""
    phone.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def open_entry(phone: Any, entry_id: int) -> None:
    def tapped() -> bool:
        # The list is redrawn whenever the sheet comes back from the PC: tap the button drawn now.
        try:
            tap(phone, phone.find_element(By.CSS_SELECTOR, f'button.entry[data-entry="{entry_id}"]'))
        except StaleElementReferenceException:
            return False
        return True

    wait_for(lambda: shown(phone, "list-view"))
    wait_for(tapped)
    wait_for(lambda: shown(phone, "entry-view"))


def criterion_row(phone: Any, criterion: CriterionInfo) -> Any:
    return phone.find_element(By.CSS_SELECTOR, f'.criterion[data-criterion="{criterion.id}"]')


def press(phone: Any, criterion: CriterionInfo, button: int, times: int = 1) -> None:
    for _ in range(times):
        tap(phone, criterion_row(phone, criterion).find_element(By.XPATH, f".//button[{button}]"))


def type_into(phone: Any, criterion: CriterionInfo, text: str) -> None:
    field = criterion_row(phone, criterion).find_element(By.TAG_NAME, "input")
    phone.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
    field.clear()
    field.send_keys(text)


def submit(phone: Any) -> None:
    tap(phone, phone.find_element(By.ID, "submit"))


def shot(phone: Any, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        phone.save_screenshot(str(Path(SCREENSHOTS) / name))


def offline(phone: Any, is_offline: bool) -> None:
    phone.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": is_offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )


def link_of(db: Database, board: Board, judge: str) -> JudgeLinkInfo:
    return next(link for link in judge_links(db, board.competition.id) if link.judge_name == judge)


def in_view(phone: Any, element: Any) -> bool:
    """Whether the element lies wholly inside the screen."""
    return bool(
        phone.execute_script(
            "var r = arguments[0].getBoundingClientRect();"
            "return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;",
            element,
        )
    )


def test_a_judge_scores_three_entries_one_of_them_offline(
    phone: Any, server: Server, db: Database, board: Board
) -> None:
    link = link_of(db, board, "李老师")
    judge = board.judge("李老师")
    criteria = board.competition.score_criteria
    first, second, third = (board.entry_ids[name] for name in ("一年级(1)班", "三年级(1)班", "三年级(2)班"))
    phone.get(server.url + link.path)
    wait_for(lambda: shown(phone, "list-view"))
    assert "李老师" in text_of(phone, "judge") and text_of(phone, "sync") == "已同步"
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 360  # nothing off the side
    shot(phone, "5-phone-1-list.png")

    # With the buttons: − from empty gives the maximum, a second − one step less.
    open_entry(phone, first)
    for criterion in criteria:
        press(phone, criterion, 1)
    press(phone, criteria[0], 1)
    phone.execute_script("window.scrollTo(0, 0)")
    shot(phone, "5-phone-2-entry.png")
    submit(phone)
    wait_for(lambda: sheet(db, board).judge_total(first, judge) is not None)
    expected = sum(c.max_points for c in criteria) - criteria[0].step
    assert sheet(db, board).judge_total(first, judge) == pytest.approx(expected)

    # With the number pad: a value over the maximum is refused in the desk's own words, on its field,
    # which is scrolled into view; a deduction is refused in cases (处), as it is typed.
    open_entry(phone, second)
    over = criteria[1].max_points + 1
    for criterion in criteria:
        type_into(phone, criterion, f"{over:g}" if criterion == criteria[1] else f"{criterion.max_points:g}")
    phone.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    submit(phone)
    with pytest.raises(ValidationError) as desk:
        parse_points(over, criteria[1])
    assert text_of(phone, "entry-error") == desk.value.message
    bad = criterion_row(phone, criteria[1])
    assert "bad" in bad.get_attribute("class") and in_view(phone, bad)
    assert bad.find_element(By.CLASS_NAME, "problem").text == desk.value.message
    shot(phone, "5-phone-3-refused.png")
    type_into(phone, criteria[1], f"{criteria[1].max_points:g}")
    [masthead] = [c for c in board.competition.deductions if c.name.startswith("刊头")]
    type_into(phone, masthead, "2")
    submit(phone)
    assert text_of(phone, "entry-error") == f"「{masthead.name}」最多扣 1 处，填的 2 处超出了。"
    assert in_view(phone, criterion_row(phone, masthead))
    type_into(phone, masthead, "0")
    submit(phone)
    wait_for(lambda: sheet(db, board).judge_total(second, judge) is not None)

    # Offline: the score waits on the phone, across a reload, and goes when the network is back.
    wait_for(lambda: text_of(phone, "sync") == "已同步")
    offline(phone, True)
    open_entry(phone, third)
    for criterion in criteria:
        press(phone, criterion, 1)
    submit(phone)
    wait_for(lambda: text_of(phone, "sync") == "待同步 1")
    tap(phone, phone.find_element(By.ID, "resend"))
    wait_for(
        lambda: "没有连上网络" in text_of(phone, "toast") and "1 条分数还在手机上" in text_of(phone, "toast")
    )
    shot(phone, "5-phone-4-waiting.png")
    assert sheet(db, board).judge_total(third, judge) is None
    phone.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/scores"]})
    offline(phone, False)
    phone.refresh()
    wait_for(lambda: shown(phone, "list-view"))
    assert text_of(phone, "sync") == "待同步 1"
    assert sheet(db, board).judge_total(third, judge) is None

    # The PC out of reach (the program closed, the Wi-Fi gone): a reload still shows the page, which
    # the page kept for itself, with the score still waiting.
    wait_for(lambda: bool(phone.execute_script("return !!navigator.serviceWorker.controller")))
    server.running.stop()
    phone.refresh()
    wait_for(lambda: shown(phone, "list-view"))
    assert text_of(phone, "sync") == "待同步 1" and "李老师" in text_of(phone, "judge")
    shot(phone, "5-phone-4b-offline-reload.png")
    server.start()
    phone.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    tap(phone, phone.find_element(By.ID, "resend"))
    wait_for(lambda: text_of(phone, "sync") == "已同步")
    assert sheet(db, board).judge_total(third, judge) == sum(c.max_points for c in criteria)
    ranked = {result.entry.id: result for result in sheet(db, board).results(provisional=True)}
    assert all(ranked[entry].final is not None for entry in (first, second, third))
    wait_for(lambda: "已评 3 /" in text_of(phone, "progress"))
    shot(phone, "5-phone-5-synced.png")


def test_the_pin_form_leads_to_the_judges_sheet(
    phone: Any, server: Server, db: Database, board: Board
) -> None:
    link = link_of(db, board, "陈老师")
    phone.get(server.url + "/")
    wait_for(lambda: shown(phone, "pin-view"))
    phone.find_element(By.ID, "pin").send_keys("00000000" if link.pin != "00000000" else "11111111")
    phone.find_element(By.CSS_SELECTOR, "#pin-form button").click()
    wait_for(lambda: "评分码" in text_of(phone, "pin-error"))
    field = phone.find_element(By.ID, "pin")
    field.clear()
    field.send_keys(link.pin_text)  # as the card prints it
    shot(phone, "5-phone-0-pin.png")
    phone.find_element(By.CSS_SELECTOR, "#pin-form button").click()
    wait_for(lambda: phone.current_url.endswith(link.path))
    wait_for(lambda: "陈老师" in text_of(phone, "judge"))


def test_a_different_desk_value_is_explained_and_the_judges_new_value_goes_to_the_operator(
    phone: Any, server: Server, db: Database, board: Board
) -> None:
    link = link_of(db, board, "李老师")
    judge = board.judge("李老师")
    first = board.competition.score_criteria[0]
    entry = board.entry_ids["三年级(2)班"]
    phone.get(server.url + link.path)
    wait_for(lambda: shown(phone, "list-view"))
    open_entry(phone, entry)
    enter_score(db, entry, judge, first.id, 15)  # typed at the desk from paper meanwhile
    type_into(phone, first, "20")  # the phone has not seen the desk's 15
    submit(phone)
    wait_for(lambda: "已交给管理员核对" in text_of(phone, "notice"))
    assert f"「{first.name}」电脑上已录入 15，你的 20 已交给管理员核对" in text_of(phone, "notice")
    wait_for(
        lambda: "待核对" in phone.find_element(By.CSS_SELECTOR, f'button.entry[data-entry="{entry}"]').text
    )
    shot(phone, "5-phone-6-conflict-list.png")
    open_entry(phone, entry)
    note = criterion_row(phone, first).find_element(By.CLASS_NAME, "conflict")
    assert note.text == "电脑上已录入 15，你的 20 已交给管理员核对"
    assert criterion_row(phone, first).find_element(By.TAG_NAME, "input").get_attribute("value") == "20"
    phone.execute_script("window.scrollTo(0, 0)")
    shot(phone, "5-phone-7-conflict-entry.png")
    # The judge types their value again: it goes to the operator, the desk's 15 stays.
    type_into(phone, first, "18")
    submit(phone)
    wait_for(lambda: [c.phone_value for c in score_conflicts(db, board.small.festival_id)] == [18])
    assert sheet(db, board).cell(entry, judge, first.id).value == 15


def test_a_handed_in_sheet_says_why_nothing_can_change(
    phone: Any, server: Server, db: Database, board: Board
) -> None:
    link = link_of(db, board, "刘老师")
    entry = board.entry_ids["三年级(1)班"]
    phone.get(server.url + link.path)
    wait_for(lambda: shown(phone, "list-view"))
    tap(phone, phone.find_element(By.ID, "hand-in"))
    phone.switch_to.alert.accept()
    wait_for(lambda: "提交并锁定" in text_of(phone, "notice") and not shown(phone, "hand-in-box"))
    shot(phone, "5-phone-8-handed-in.png")
    open_entry(phone, entry)
    reason = text_of(phone, "entry-closed")
    assert "你已提交并锁定评分表" in reason and in_view(phone, phone.find_element(By.ID, "entry-closed"))
    assert not phone.find_element(By.ID, "submit").is_enabled()
    assert all(
        not b.is_enabled() for b in phone.find_elements(By.CSS_SELECTOR, ".stepper button, .stepper input")
    )
    shot(phone, "5-phone-9-handed-in-entry.png")


def test_a_score_queued_under_a_revoked_card_is_sent_by_the_new_card(
    phone: Any, server: Server, db: Database, board: Board
) -> None:
    old = link_of(db, board, "赵老师")
    judge = board.judge("赵老师")
    criteria = board.competition.score_criteria
    entry = board.entry_ids["一年级(1)班"]
    phone.get(server.url + old.path)
    wait_for(lambda: shown(phone, "list-view"))
    offline(phone, True)
    open_entry(phone, entry)
    for criterion in criteria:
        press(phone, criterion, 1)
    submit(phone)
    wait_for(lambda: text_of(phone, "sync") == "待同步 1")
    new = reissue_link(db, judge).value  # the card was left on a desk: the operator revokes it
    offline(phone, False)  # back online, the page sends what waits at once
    wait_for(lambda: shown(phone, "fatal-view"))
    assert not shown(phone, "resend")
    assert "作废" in text_of(phone, "fatal") and "1 条分数" in text_of(phone, "fatal")
    shot(phone, "5-phone-10-revoked.png")
    assert sheet(db, board).judge_total(entry, judge) is None
    phone.get(server.url + new.path)  # the judge scans the new card on the same phone
    wait_for(lambda: sheet(db, board).judge_total(entry, judge) == sum(c.max_points for c in criteria))
    wait_for(lambda: text_of(phone, "sync") == "已同步")


def test_the_page_fits_a_412_pixel_phone_with_its_name_and_total_pinned(
    wide_phone: Any, server: Server, db: Database, board: Board
) -> None:
    phone = wide_phone
    link = link_of(db, board, "陈老师")
    phone.get(server.url + link.path)
    wait_for(lambda: shown(phone, "list-view"))
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 412
    shot(phone, "5-phone-11-list-412.png")
    open_entry(phone, board.entry_ids["三年级(2)班"])
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 412
    controls = phone.find_elements(By.CSS_SELECTOR, "#entry-view button, #entry-view input, header button")
    small = [
        (c.get_attribute("id") or c.text, c.size)
        for c in controls
        if c.is_displayed() and min(c.size["height"], c.size["width"]) < SMALLEST_CONTROL
    ]
    assert small == []
    phone.execute_script("window.scrollTo(0, document.body.scrollHeight / 2)")
    assert phone.execute_script("return window.scrollY") > 0
    assert in_view(phone, phone.find_element(By.ID, "entry-title"))
    assert in_view(phone, phone.find_element(By.ID, "total")) and in_view(
        phone, phone.find_element(By.ID, "submit")
    )
    shot(phone, "5-phone-12-entry-412.png")
    header = phone.find_element(By.ID, "resend")
    assert not header.is_displayed()  # shown only with scores waiting; its size is checked on 360 px
    list_controls = [phone.find_element(By.ID, "back")]
    assert all(min(c.size["height"], c.size["width"]) >= SMALLEST_CONTROL for c in list_controls)


def test_the_resend_and_back_buttons_are_big_enough_for_a_thumb(
    phone: Any, server: Server, db: Database, board: Board
) -> None:
    link = link_of(db, board, "陈老师")
    phone.get(server.url + link.path)
    wait_for(lambda: shown(phone, "list-view"))
    offline(phone, True)
    open_entry(phone, board.entry_ids["三年级(2)班"])
    back = phone.find_element(By.ID, "back")
    assert min(back.size["height"], back.size["width"]) >= SMALLEST_CONTROL
    press(phone, board.competition.score_criteria[0], 2, times=3)
    submit(phone)
    wait_for(lambda: shown(phone, "resend"))
    resend = phone.find_element(By.ID, "resend")
    assert min(resend.size["height"], resend.size["width"]) >= SMALLEST_CONTROL
