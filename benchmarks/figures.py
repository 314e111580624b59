"""The figures of DESIGN §9 from the measured numbers: target, median, spread, pass or fail; as a Markdown table."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from benchmarks.connections import LIMITS_MS as CONNECTION_LIMITS_MS


@dataclass(frozen=True)
class Figure:
    what: str
    target: str
    measured: str
    spread: str
    passed: bool


def _ms(values: list[float], limit: float, what: str, target: str | None = None) -> Figure:
    median = statistics.median(values)
    return Figure(what, target or f"≤ {limit:g} ms", f"{median:.1f} ms", f"{min(values):.1f}–{max(values):.1f}",
                  median <= limit)


def figures_from(m: dict[str, Any]) -> list[Figure]:
    rows = [
        _ms(m["unlock_to_dashboard_ms"], 150, "Unlock to dashboard data, excluding Argon2id"),
        _ms(m["incremental_check_ms"], 50, "Audit check at unlock (incremental from the anchor)"),
        _ms(m["full_check_ms"], 3000, f"Full audit check of {m['audit_rows']:,} rows", "≤ 3 s"),
        _ms(m["search_ms"], 50, f"Full-text search over {m['concerns']:,} concerns (one per word)",
            "≤ 50 ms median"),
    ]
    rows += [_ms(times, 100, f"Dashboard: {name}") for name, times in m["dashboard_ms"].items()]
    rows += [_ms(times, CONNECTION_LIMITS_MS.get(name, 100), f"Connections: {name}")
             for name, times in m.get("connections_ms", {}).items()]
    cipher = m["cipher_vs_plain"]
    spread = ", ".join(f"{part} {ratio:.2f}×" for part, ratio in cipher["ratio_by_part"].items())
    rows.append(Figure("SQLCipher vs plain SQLite, same workload", "≤ 1.3×", f"{cipher['ratio_total']:.2f}×",
                       spread, cipher["ratio_total"] <= 1.3))
    rows.append(_ms(m["referral_pdf_ms"], 250, "Referral summary PDF"))
    start = m["startup"]
    bare, waymark = statistics.median(start["ms"]["bare"]), statistics.median(start["ms"]["waymark"])
    rows.append(Figure("Start to lock screen vs bare PySide6 window", "≤ 1.5×", f"{start['ratio']:.2f}×",
                       f"{waymark:.0f} ms vs {bare:.0f} ms", start["ratio"] <= 1.5 and start["waymark_page"] ==
                       ["LockScreen"]))
    rows.append(Figure("Resident memory after unlock and dashboard", "≤ 250 MB", f"{m['resident_mb']:.0f} MB",
                       f"peak {m['peak_resident_mb']:.0f} MB by the end", m["resident_mb"] <= 250))
    return rows


def table(rows: list[Figure]) -> str:
    lines = ["| Figure | Target | Measured (median) | Spread | Pass |", "|---|---|---|---|---|"]
    lines += [f"| {r.what} | {r.target} | {r.measured} | {r.spread} | {'pass' if r.passed else 'FAIL'} |"
              for r in rows]
    return "\n".join(lines)
