"""Renderers of a brief: the plain, JSON-able dict describing how two countries relate.

Each renderer shows the same content: headline, claims per dimension, memberships, timeline,
conflicting figures and the graded sources every figure cites.
"""

from __future__ import annotations

import json
from typing import Any

from bilat.report.html import render_html
from bilat.report.markdown import render_markdown
from bilat.report.terminal import render_terminal


def render_json(brief: dict[str, Any]) -> str:
    """The brief itself, for other programs (non-ASCII names kept readable)."""
    return json.dumps(brief, indent=2, ensure_ascii=False)


__all__ = ["render_html", "render_json", "render_markdown", "render_terminal"]
