"""The report's charts, drawn by matplotlib as inline SVG: no script, no font or file to fetch when opened.

Text stays text (``svg.fonttype: none``) so the charts are small and searchable, and the ids are salted with
a constant so the same tally draws the same bytes.
"""

from __future__ import annotations

import io

__all__ = ["heatmap_svg", "trend_svg"]

_STYLE = {"svg.fonttype": "none", "svg.hashsalt": "coach-audit", "font.size": 9, "axes.spines.top": False,
          "axes.spines.right": False}


def _svg(figure) -> str:
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg"):]  # inline: without the XML declaration and doctype


def heatmap_svg(rows: list[str], columns: list[str], shares: list[list[float]], title: str) -> str:
    """A rows x columns grid of shares (0..1), each cell labelled with its percentage."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with plt.rc_context(_STYLE):
        figure, axes = plt.subplots(figsize=(1.1 + 0.9 * len(columns), 0.8 + 0.32 * len(rows)))
        top = max((v for row in shares for v in row), default=0) or 1
        image = axes.imshow(shares, cmap="Oranges", vmin=0, vmax=top, aspect="auto")
        axes.set_xticks(range(len(columns)), labels=columns, rotation=35, ha="right")
        axes.set_yticks(range(len(rows)), labels=rows)
        for y, row in enumerate(shares):
            for x, value in enumerate(row):
                axes.text(x, y, f"{value:.0%}" if value else "–", ha="center", va="center", fontsize=8,
                          color="white" if value > top * 0.6 else "black")
        axes.set_title(title, loc="left")
        figure.colorbar(image, ax=axes, format=matplotlib.ticker.PercentFormatter(1.0), shrink=0.8)
        return _svg(figure)


def trend_svg(weeks: list[str], series: dict[str, list[float | None]], title: str) -> str:
    """One line a series (share of the week's assessed replies), weeks along the bottom."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with plt.rc_context(_STYLE):
        figure, axes = plt.subplots(figsize=(8, 3.2))
        for name, values in series.items():
            axes.plot(range(len(weeks)), [float("nan") if v is None else v for v in values], marker="o",
                      markersize=3, label=name, linewidth=2.2 if name == "any warning or error" else 1.2)
        step = max(1, len(weeks) // 12)
        axes.set_xticks(range(0, len(weeks), step), labels=weeks[::step], rotation=35, ha="right")
        axes.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        axes.set_ylim(bottom=0)
        axes.set_title(title, loc="left")
        axes.grid(axis="y", alpha=0.3)
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        return _svg(figure)
