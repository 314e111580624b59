"""The figures of DESIGN §9 from the measured numbers: target, median, spread, pass or fail; as a Markdown table.

Two kinds of figure. A *time* (or memory) is absolute and says as much about the machine as about the code. A *ratio*
compares the code with its floor measured in the same run on the same machine (a bare window, plain SQLite, a bare
loop), so load on a busy machine falls on both sides: a ratio beyond its target is a regression wherever it is run.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any, Literal

from benchmarks.connections import LIMITS_MS as CONNECTION_LIMITS_MS

STARTUP_TARGET = 1.3  # start to lock screen, as a ratio to a bare PySide6 window (issue 17)

Kind = Literal["time", "ratio"]


@dataclass(frozen=True)
class Figure:
    what: str
    target: str
    measured: str
    spread: str
    passed: bool
    kind: Kind = "time"


def _ms(values: list[float], limit: float, what: str, target: str | None = None) -> Figure:
    median = statistics.median(values)
    return Figure(
        what, target or f"≤ {limit:g} ms", f"{median:.1f} ms", f"{min(values):.1f}–{max(values):.1f}", median <= limit
    )


def _ratio(what: str, limit: float, ratio: float, spread: str, passed: bool = True) -> Figure:
    return Figure(what, f"≤ {limit:g}×", f"{ratio:.2f}×", spread, passed and ratio <= limit, "ratio")


def _versus(what: str, limit: float, code_ms: list[float], floor_ms: list[float], paired: bool = False) -> Figure:
    """The code's time over its floor's: the ratio of the medians, or with ``paired`` the median of each alternating
    pair's ratio (a machine whose speed drifts with other work slows both halves of a pair alike)."""
    code, floor = statistics.median(code_ms), statistics.median(floor_ms)
    ratio = statistics.median(c / f for c, f in zip(code_ms, floor_ms, strict=True)) if paired else code / floor
    return _ratio(what, limit, ratio, f"{code:.0f} ms vs {floor:.0f} ms{f', {len(code_ms)} pairs' if paired else ''}")


def figures_from(m: dict[str, Any]) -> list[Figure]:
    rows = [
        _versus(
            "Unlock to dashboard data vs the same SQL on plain SQLite (median of pairs)",
            1.2,
            m["unlock_to_dashboard_ms"],
            m["unlock_floor_ms"],
            paired=True,
        ),
        _ms(m["unlock_to_dashboard_ms"], 150, "Unlock to dashboard data, excluding Argon2id"),
        _ms(m["incremental_check_ms"], 50, "Audit check at unlock (incremental from the anchor)"),
        _versus(
            f"Full audit check of {m['audit_rows']:,} rows vs a bare one-core loop",
            1.5,
            m["full_check_ms"],
            m["full_check_floor_ms"],
        ),
        _ms(m["full_check_ms"], 3000, f"Full audit check of {m['audit_rows']:,} rows", "≤ 3 s"),
        _ms(m["search_ms"], 50, f"Full-text search over {m['concerns']:,} concerns (one per word)", "≤ 50 ms median"),
    ]
    rows += [_ms(times, 100, f"Dashboard: {name}") for name, times in m["dashboard_ms"].items()]
    rows += [
        _ms(times, CONNECTION_LIMITS_MS.get(name, 100), f"Connections: {name}")
        for name, times in m.get("connections_ms", {}).items()
    ]
    rows += [_ms(times, limit, what) for what, (limit, times) in m.get("more_ms", {}).items()]
    cipher = m["cipher_vs_plain"]
    spread = ", ".join(f"{part} {ratio:.2f}×" for part, ratio in cipher["ratio_by_part"].items())
    rows.append(_ratio("SQLCipher vs plain SQLite, same workload", 1.3, cipher["ratio_total"], spread))
    rows.append(_ms(m["referral_pdf_ms"], 250, "Referral summary PDF"))
    start = m["startup"]
    bare, waymark = statistics.median(start["ms"]["bare"]), statistics.median(start["ms"]["waymark"])
    rows.append(
        _ratio(
            "Start to lock screen vs bare PySide6 window (median of pairs)",
            STARTUP_TARGET,
            start["ratio"],
            f"{waymark:.0f} ms vs {bare:.0f} ms, {len(start['ms']['bare'])} pairs",
            start["waymark_page"] == ["LockScreen"],
        )
    )
    rows.append(
        Figure(
            "Resident memory after unlock and dashboard",
            "≤ 250 MB",
            f"{m['resident_mb']:.0f} MB",
            f"peak {m['peak_resident_mb']:.0f} MB by the end",
            m["resident_mb"] <= 250,
        )
    )
    return rows


def table(rows: list[Figure]) -> str:
    lines = ["| Figure | Kind | Target | Measured (median) | Spread | Pass |", "|---|---|---|---|---|---|"]
    lines += [
        f"| {r.what} | {r.kind} | {r.target} | {r.measured} | {r.spread} | {'pass' if r.passed else 'FAIL'} |"
        for r in rows
    ]
    return "\n".join(lines)
