"""Small charts as inline SVG, for the report: no JavaScript, no network.

Every label is HTML-escaped (names come from articles, which are untrusted), long
labels are shortened with "…" and the full text is kept in a ``<title>`` tooltip.

>>> svg = bar_chart([("人物", 3, "#e15759"), ("<b>", 1, "#4e79a7")])
>>> svg.startswith("<svg") and "&lt;b&gt;" in svg and "<b>" not in svg
True
"""

from __future__ import annotations

import math
from html import escape

__all__ = ["PALETTE", "bar_chart", "line_chart", "nice_ticks", "shorten"]

#: Series colours of the line chart (Tableau 10).
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip
_AXIS, _GRID, _INK = "#888", "#e6e6e6", "#333"


def shorten(text: str, n: int = 12) -> str:
    """``text`` cut to ``n`` characters, with "…" when cut.

    >>> shorten("中国共产党中央委员会办公厅", 6)
    '中国共产党…'
    """
    return text if len(text) <= n else text[: n - 1] + "…"


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round axis ticks from 0 to at least ``top``.

    >>> nice_ticks(87)
    [0, 20, 40, 60, 80, 100]
    >>> nice_ticks(0)
    [0, 1]
    """
    if top <= 0:
        return [0, 1]
    raw = top / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(s * mag for s in (1, 2, 2.5, 5, 10) if s * mag >= raw)
    step = int(step) if step >= 1 else step
    n = math.ceil(top / step)
    return [round(i * step, 10) for i in range(n + 1)]


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def _text(x: float, y: float, s: str, anchor: str = "start", size: int = 12, **kw) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{escape(str(v))}"' for k, v in kw.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"'
        f' fill="{_INK}"{extra}>{escape(s)}</text>'
    )


def bar_chart(
    bars: list[tuple[str, float, str]],
    width: int = 560,
    bar: int = 22,
    label: int = 150,
    chars: int = 11,
) -> str:
    """Horizontal bars ``(label, value, colour)``, top to bottom, value at the bar's end."""
    gap, top, right = 8, 8, 70
    height = top * 2 + len(bars) * (bar + gap)
    vmax = max((v for _, v, _ in bars), default=0) or 1
    span = width - label - right
    parts = [_svg_open(width, height, "bar chart")]
    for i, (name, value, colour) in enumerate(bars):
        y = top + i * (bar + gap)
        w = max(1.0, span * value / vmax) if value else 0
        parts.append(
            f"<g><title>{escape(name)}: {_fmt(value)}</title>"
            + _text(label - 8, y + bar * 0.7, shorten(name, chars), "end", 13)
            + f'<rect x="{label}" y="{y}" width="{w:.1f}" height="{bar}" rx="3" fill="{escape(colour)}"/>'
            + _text(label + w + 6, y + bar * 0.7, _fmt(value), size=12)
            + "</g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def line_chart(
    series: list[tuple[str, dict[str, float]]],
    xs: list[str],
    width: int = 900,
    height: int = 320,
    legend: bool = True,
    colour: str | None = None,
) -> str:
    """One line per ``(name, {x: value})`` over the categories ``xs`` (e.g. months),
    missing values counting 0, with a y axis, x labels thinned to fit and a legend
    (without one, the chart is small: fewer ticks, and ``colour`` for its one line)."""
    left, right, top, bottom = 52, 16, 14, (64 if legend else 24)
    pw, ph = width - left - right, height - top - bottom
    vmax = max((v for _, d in series for v in d.values()), default=0)
    ticks = nice_ticks(vmax, 5 if legend else 3)
    ymax = ticks[-1]

    def x(i: int) -> float:
        return left + (pw / 2 if len(xs) == 1 else pw * i / (len(xs) - 1))

    def y(v: float) -> float:
        return top + ph - ph * v / ymax

    parts = [_svg_open(width, height, "line chart")]
    for t in ticks:
        parts.append(
            f'<line x1="{left}" x2="{left + pw}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="{_GRID}"/>'
        )
        parts.append(_text(left - 6, y(t) + 4, _fmt(t), "end", 11))
    parts.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + ph}" stroke="{_AXIS}"/>')
    every = max(1, math.ceil(len(xs) / max(1, pw // 48)))
    for i, label in enumerate(xs):
        if i % every == 0 or i == len(xs) - 1 and len(xs) < 4:
            parts.append(
                f'<line x1="{x(i):.1f}" x2="{x(i):.1f}" y1="{top + ph}" y2="{top + ph + 4}" stroke="{_AXIS}"/>'
            )
            parts.append(_text(x(i), top + ph + 16, label, "middle", 11))
    for n, (name, values) in enumerate(series):
        ink = escape(colour) if colour and not legend else PALETTE[n % len(PALETTE)]
        pts = [(x(i), y(values.get(m, 0))) for i, m in enumerate(xs)]
        line = " ".join(f"{px:.1f},{py:.1f}" for px, py in pts)
        parts.append(f"<g><title>{escape(name)}</title>")
        if len(xs) > 1 and not legend:  # one line: shade the area under it
            area = f"{pts[0][0]:.1f},{top + ph} {line} {pts[-1][0]:.1f},{top + ph}"
            parts.append(f'<polygon points="{area}" fill="{ink}" fill-opacity="0.15"/>')
        if len(xs) > 1:
            parts.append(
                f'<polyline points="{line}" fill="none" stroke="{ink}" stroke-width="2"'
                ' stroke-linejoin="round"/>'
            )
        if len(xs) <= 40:
            for px, py in pts:
                parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{ink}"/>')
        parts.append("</g>")
    lx, ly = left, height - 22
    for n, (name, _) in enumerate(series if legend else ()):
        colour = PALETTE[n % len(PALETTE)]
        parts.append(f'<rect x="{lx}" y="{ly - 9}" width="14" height="4" fill="{colour}"/>')
        label = shorten(name, 10)
        parts.append(_text(lx + 18, ly - 3, label, size=12))
        lx += 30 + 13 * len(label)
        if lx > width - 120:
            lx, ly = left, ly + 16
    parts.append("</svg>")
    return "".join(parts)


def _svg_open(width: int, height: int, label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(label)}" '
        'style="max-width:100%;height:auto">'
    )
