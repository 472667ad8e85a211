"""The vocabulary of awards: kinds of award, the lists that are finalised as one, the log's actions."""

from __future__ import annotations

ORGANISATION_LEVEL = "优秀组织奖"


ADVISOR_TITLE = "科技辅导员奖"


ADVISOR_RULES = {
    "competition": "每位老师每个比赛项目一项",
    "festival": "每位老师一项（取最好）",
    "none": "不设",
}


KINDS = {"entry": "作品奖", "class": "集体奖", "organisation": ORGANISATION_LEVEL, "advisor": ADVISOR_TITLE}


CLASS_LIST, ORGANISATION_LIST, ADVISOR_LIST = "class", "organisation", "advisor"


ACTIONS = {
    "rules": "按规则评奖",
    "manual": "手动调整",
    "revert": "恢复规则结果",
    "recommend": "推荐",
    "finalise": "定稿",
    "unfinalise": "撤销定稿",
}


def competition_list_key(competition_id: int) -> str:
    return f"c:{competition_id}"


def list_key_of(kind: str, competition_id: int | None) -> str:
    """Which award list (定稿 unit) an award belongs to."""
    if kind == "entry":
        assert competition_id is not None
        return competition_list_key(competition_id)
    return {"class": CLASS_LIST, "organisation": ORGANISATION_LIST}.get(kind, ADVISOR_LIST)
