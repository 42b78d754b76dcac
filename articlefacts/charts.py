"""Charts: for each chart a pure *data* function and a *draw* function.

The data function returns a DataFrame of exactly what is drawn (the values
behind every point, bar, range and bound) with ``article_id``, ``figure_id``
and ``source`` so that every drawn number leads back to its sentence and its
article. The draw function takes that DataFrame and returns a
:class:`matplotlib.figure.Figure` drawn on the Agg canvas (no pyplot state, no
change to the session's backend). :func:`save` writes PNG and SVG whose bytes
depend only on the data.

    >>> import articlefacts as af
    >>> from articlefacts import charts
    >>> data = charts.troop_numbers_data(af.load_corpus("seeds"))
    >>> fig = charts.draw_troop_numbers(data)
    >>> charts.save(fig, "out", "troop_numbers")      # out/troop_numbers.png + .svg
"""
from __future__ import annotations

import io
import textwrap
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

# the tables behind the charts live in analysis.py; the names the notebooks call are re-exported here
from .analysis import (CHART_ROWS, DEPLOYED_UNITS, MARKS, PAY_CHART_COLUMNS, TROOP_COLUMNS, capped,  # noqa: F401
                       claim_dates, claims_by_source_data, figure_context, figures_by_source, hedged_shares,
                       pay_chart_data, select_articles, short_id, short_source, summarize_sourcing, summarize_troops,
                       troop_numbers_data, troop_timeline_data)
from .errors import OutputError


WIDTH_IN = 8.0           # 800 px at DPI: the README width
DPI = 100
STYLE = {                # applied while drawing and saving, never to the session
    "svg.hashsalt": "articlefacts",   # stable ids inside the SVG
    "svg.fonttype": "path",           # glyphs as paths: the same bytes on every machine with these fonts
    "font.family": "DejaVu Sans",     # shipped with matplotlib
    "font.size": 9.5,
    "text.parse_math": False,         # "$500 ... $3,000" is money, not mathematics
    "axes.titlesize": 12,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
}
# Okabe-Ito colours (distinguishable with colour blindness), one per source type.
SOURCE_COLORS = {
    "intelligence": "#0072B2", "government": "#D55E00", "military": "#009E73", "international_org": "#CC79A7",
    "media": "#E69F00", "expert": "#56B4E9", "author": "#666666", "other": "#999999",
}
CERTAINTY_COLORS = {"asserted": "#9db4d6", "reported": "#7fc28e", "hedged": "#f0a45c"}
CERTAINTIES = ["asserted", "reported", "hedged"]
SOURCE_TYPES = list(SOURCE_COLORS)
# --------------------------------------------------------------------------- drawing helpers

def _new_figure(height: float) -> Figure:
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def source_line(data: pd.DataFrame, width: int = 120, max_articles: int = 5) -> str:
    """'Source: outlet, “title”, published [article_id]: figures f002, f004' for each article in ``data``."""
    if data.empty:
        return "Source: no figures."
    parts = []
    ids = list(dict.fromkeys(data["article_id"]))
    for aid in ids[:max_articles]:
        rows = data[data["article_id"] == aid]
        first = rows.iloc[0]
        title = str(first.get("title", "") or "") if len(ids) <= 2 else ""
        title = title if len(title) <= 70 else title[:69].rstrip() + "…"
        meta = ", ".join(x for x in (str(first.get("outlet", "") or ""), f"“{title}”" if title else "",
                                     str(first.get("published", "") or "")) if x)
        figs = ""
        if "figure_id" in rows:
            figs = ": figures " + ", ".join(short_id(f) for f in dict.fromkeys(rows["figure_id"]))
        elif "claim_ids" in rows:
            n = sum(len(str(c).split()) for c in rows["claim_ids"])
            figs = f": {n} claims"
        parts.append(f"{meta or aid} [{aid}]{figs}")
    if len(ids) > max_articles:
        parts.append(f"and {len(ids) - max_articles} more articles (see the data table)")
    text = "Source: " + "; ".join(parts) + "."
    return "\n".join(textwrap.wrap(text, width))


def _finish(fig: Figure, title: str, subtitle: str, source: str) -> Figure:
    """Title on top; reading note and source line at the bottom, left-aligned."""
    with matplotlib.rc_context(STYLE):
        fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
        note = "\n".join(textwrap.wrap(subtitle, 120)) + "\n" if subtitle else ""
        fig.supxlabel(note + source, x=0.01, ha="left", fontsize=7.5, color="#444444", linespacing=1.4)
        for ax in fig.axes:   # labels beside marks must not squeeze the plot; the x limits leave room for them
            for t in ax.texts:
                t.set_in_layout(False)
    return fig


def _empty(fig: Figure, ax, message: str, title: str, source: str) -> Figure:
    """A chart with nothing to draw says so in its middle, keeping its title and source line."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return _finish(fig, title, "", source)


def _thousands(x: float, _pos: object = None) -> str:
    return f"{x:,.0f}"


def _dollars(x: float, _pos: object = None) -> str:
    if abs(x) >= 1e6:
        return f"${x / 1e6:,.1f}M".replace(".0M", "M")
    return f"${x:,.0f}"


def _legend(ax, handles: list) -> None:
    """The key, above the plot, in two columns."""
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.01), ncols=2, fontsize=7.5,
              frameon=False, borderaxespad=0.2, handlelength=2.2)


def _mark_handles(marks: set[str], noun: str, vertical: bool = False) -> list:
    handles = []
    if "point" in marks:
        handles.append(Line2D([], [], color="#333333", marker="o", linestyle="none", label=f"stated {noun}"))
    if "approx" in marks:
        handles.append(Line2D([], [], color="#333333", marker="o", markerfacecolor="white", linestyle="none",
                              label=f"approximate {noun} (‘about’)"))
    if "range" in marks:
        handles.append(Patch(facecolor="#333333", alpha=0.55, label="range (‘X to Y’)"))
    if "upper_bound" in marks:
        handles.append(Line2D([], [], color="#333333", marker="v" if vertical else "<", linestyle="-",
                              label="upper bound (‘as many as’): at most"))
    if "lower_bound" in marks:
        handles.append(Line2D([], [], color="#333333", marker="^" if vertical else ">", linestyle="-",
                              label="lower bound (‘at least’): or more"))
    return handles


def _draw_mark(ax, mark: str, approx: bool, low: float, high: float, value: float, pos: float, color: str,
               span: float, horizontal: bool = True, thickness: float = 0.34, log: bool = False) -> float:
    """Draw one figure at ``pos`` (y for horizontal charts, x for vertical ones); returns the far end."""
    def xy(a: float, b: float) -> tuple[float, float]:
        return (a, b) if horizontal else (b, a)

    arrow = dict(arrowstyle="-|>", color=color, lw=2.2, mutation_scale=14, shrinkA=0, shrinkB=0)
    if mark == "range":
        if horizontal:
            ax.barh(pos, high - low, left=low, height=thickness, color=color, alpha=0.55, edgecolor=color, lw=1.2)
        else:
            ax.bar(pos, high - low, bottom=low, width=thickness, color=color, alpha=0.55, edgecolor=color, lw=1.2)
        return high
    if mark in ("upper_bound", "lower_bound"):
        if log:
            tip = value / 2.5 if mark == "upper_bound" else value * 2.5
        else:
            length = 0.16 * span
            tip = value - length if mark == "upper_bound" else value + length
        cap = thickness / 2
        ax.plot(*zip(xy(value, pos - cap), xy(value, pos + cap)), color=color, lw=2.6, solid_capstyle="butt")
        ax.annotate("", xy=xy(max(tip, 0.0), pos), xytext=xy(value, pos), arrowprops=arrow)
        return max(value, tip)
    face = "white" if approx else color
    ax.plot(*xy(value, pos), marker="o", markersize=8, markerfacecolor=face, markeredgecolor=color,
            markeredgewidth=2, linestyle="none")
    return value


def _draw_marks_over_time(ax, x: np.ndarray, data: pd.DataFrame, colors: list[str], span: float, thickness: float,
                          sizes: np.ndarray | None = None, log: bool = False, zorder: float = 3) -> set[str]:
    """Every figure of ``data`` at its ``x`` (a date) in a few artists, whatever the number of figures
    (one call per mark would cost seconds per thousand marks): dots (hollow when approximate; marker
    size ``sizes``, default 8), bars for ranges, and for bounds a cap at the number with a shaft and
    an arrowhead towards the side the bound leaves open, as :func:`_draw_mark` draws them one by one.
    Returns the kinds of mark drawn (for the legend)."""
    from matplotlib.collections import LineCollection

    kinds = data["mark"].to_numpy(dtype=object)
    approx = (data["qualifier"] == "approx").to_numpy()
    value = data["value"].to_numpy(dtype=float)
    low, high = data["value_low"].to_numpy(dtype=float), data["value_high"].to_numpy(dtype=float)
    colors = np.asarray(colors, dtype=object)
    size = np.full(len(data), 8.0) if sizes is None else np.asarray(sizes, dtype=float)
    drawn: set[str] = set()
    dots = kinds == "point"
    if dots.any():
        face = np.where(approx[dots], "white", colors[dots])
        ax.scatter(x[dots], value[dots], s=size[dots] ** 2, c=list(face), edgecolors=list(colors[dots]),
                   linewidths=2, zorder=zorder)
        drawn |= {"approx" if a else "point" for a in approx[dots]}
    bars = kinds == "range"
    if bars.any():
        ax.bar(x[bars], high[bars] - low[bars], bottom=low[bars], width=thickness, color=list(colors[bars]),
               alpha=0.55, edgecolor=list(colors[bars]), lw=1.2, zorder=zorder)
        drawn |= {"approx" if a else "range" for a in approx[bars]}
    for kind, head in (("upper_bound", "v"), ("lower_bound", "^")):
        on = kinds == kind
        if not on.any():
            continue
        v, xs, cs = value[on], x[on], list(colors[on])
        if log:
            tip = v / 2.5 if kind == "upper_bound" else v * 2.5
        else:
            tip = v - 0.16 * span if kind == "upper_bound" else v + 0.16 * span
        tip = np.maximum(tip, 0.0)
        cap = thickness / 2
        ax.add_collection(LineCollection([[(a - cap, b), (a + cap, b)] for a, b in zip(xs, v)], colors=cs, linewidths=2.6,
                                         capstyle="butt", zorder=zorder))
        ax.add_collection(LineCollection([[(a, b), (a, t)] for a, b, t in zip(xs, v, tip)], colors=cs, linewidths=2.2,
                                         zorder=zorder))
        ax.scatter(xs, tip, marker=head, s=9 ** 2, c=cs, linewidths=0, zorder=zorder)
        drawn |= {"approx" if a else kind for a in approx[on]}
    return drawn


def _wants_log(data: pd.DataFrame) -> bool:
    values = data[["value_low", "value_high"]].to_numpy(dtype=float)
    values = values[np.isfinite(values) & (values > 0)]
    return bool(values.size) and values.max() / values.min() > 100


def _label_text(r) -> str:
    """The figure as written, with its unit when the text leaves it out (“exceeded 4,000” [casualties])."""
    unit = str(r.unit or "")
    return f"“{r.text}”" + (f" [{unit}]" if unit and unit.lower() not in str(r.text).lower() else "")


def draw_troop_numbers(data: pd.DataFrame, title: str = "Personnel figures as the articles state them",
                       limit: int = CHART_ROWS) -> Figure:
    """One row per personnel figure: a dot for a stated number (hollow when approximate), a bar for a
    range, a capped arrow for an upper or lower bound; coloured by source type. The number axis
    is logarithmic when the figures span more than a factor of 100. At most ``limit`` rows: counts
    of troops or soldiers first, attributed ones first, newest first."""
    ranked = data.assign(_troops=~data["unit"].isin(DEPLOYED_UNITS), _author=data["source_type"] == "author")
    data, note = capped(ranked, limit, [("_troops", True), ("_author", True), ("date", False)])
    data = data.drop(columns=["_troops", "_author"])
    n = max(len(data), 1)
    fig = _new_figure(2.3 + 0.55 * n + 0.15 * source_line(data).count("\n"))
    with matplotlib.rc_context(STYLE):
        ax = fig.add_subplot()
        if data.empty:
            return _empty(fig, ax, "no personnel figures", title, source_line(data))
        values = data[["value_low", "value_high"]].to_numpy(dtype=float)
        top = np.nanmax(values)
        log = _wants_log(data)
        span = top * 1.18
        labels, marks = [], set()
        for i, r in enumerate(data.itertuples()):
            y = n - 1 - i
            color = SOURCE_COLORS.get(r.source_type, "#999999")
            approx = r.qualifier == "approx"
            marks.add("approx" if approx else r.mark)
            end = _draw_mark(ax, r.mark, approx, r.value_low, r.value_high, r.value, y, color, span, log=log)
            ax.annotate(_label_text(r), xy=(end, y), xytext=(9, 0), textcoords="offset points", va="center",
                        fontsize=8.5, color="#222222")
            labels.append(f"{short_source(r.source)} · {r.certainty}\n{r.date} · {short_id(r.figure_id)}")
        ax.set_yticks(range(n), labels[::-1], fontsize=8.5)
        ax.set_ylim(-0.7, n - 0.3)
        if log:
            ax.set_xscale("log")
            ax.set_xlim(np.nanmin(values[values > 0]) / 4, top * 60)
        else:
            ax.set_xlim(0, span * 1.45)
        ax.xaxis.set_major_formatter(FuncFormatter(_thousands))
        ax.set_xlabel("people (troops, soldiers, casualties; as stated in the article)"
                      + (" — logarithmic scale" if log else ""))
        ax.grid(axis="x", color="#dddddd", lw=0.8)
        ax.set_axisbelow(True)
        types = [t for t in SOURCE_TYPES if t in set(data["source_type"])]
        handles = _mark_handles(marks, "number") + [Patch(color=SOURCE_COLORS[t], label=f"source: {t}")
                                                   for t in types]
        _legend(ax, handles)
    subtitle = "Each row is one figure in one sentence; left label: who said it, how sure, date, figure id."
    return _finish(fig, title, subtitle + (f" {note}." if note else ""), source_line(data))


def draw_troop_timeline(data: pd.DataFrame, title: str = "Troop-number estimates over time, by source") -> Figure:
    """Estimates by date (x) and number of people (y): dots for stated numbers, vertical bars for
    ranges, capped arrows for bounds (down from an upper bound, up from a lower bound)."""
    import matplotlib.dates as mdates

    fig = _new_figure(4.6 + 0.15 * source_line(data).count("\n"))
    with matplotlib.rc_context(STYLE):
        ax = fig.add_subplot()
        if data.empty:
            return _empty(fig, ax, "no dated personnel figures", title, source_line(data))
        dates = pd.to_datetime(data["date"])
        x = mdates.date2num(dates.dt.to_pydatetime())
        first, last = float(x.min()), float(x.max())
        pad = max(6.0, (last - first) * 0.08)
        values = data[["value_low", "value_high"]].to_numpy(dtype=float)
        top = np.nanmax(values)
        log = _wants_log(data)
        span = top * 1.2
        width = max((last - first + 2 * pad) * 0.012, 0.6)
        marks = set()
        # stagger figures that share a date so they do not hide each other
        offsets = data.groupby("date").cumcount().to_numpy() - (data.groupby("date")["date"].transform("size")
                                                                 .to_numpy() - 1) / 2
        step = max((last - first + 2 * pad) * 0.018, 0.8)
        positions = np.asarray(x, dtype=float) + offsets * step
        colors = [SOURCE_COLORS.get(t, "#999999") for t in data["source_type"]]
        marks |= _draw_marks_over_time(ax, positions, data, colors, span, width, log=log)
        if len(data) <= 14:
            for pos, r in zip(positions, data.itertuples()):
                y = r.value_high if r.mark == "range" else r.value
                ax.annotate(f"{short_source(r.source, 22)}\n{short_id(r.figure_id)}", xy=(pos, y),
                            xytext=(7, 2), textcoords="offset points", fontsize=7.5, color="#222222")
        ax.set_xlim(first - pad, last + pad * 1.8)
        if log:
            ax.set_yscale("log")
            ax.set_ylim(np.nanmin(values[values > 0]) / 4, top * 3)
        else:
            ax.set_ylim(0, span)
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=7))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d" if last - first < 400 else "%Y-%m"))
        ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
        ax.set_ylabel("people (troops, soldiers)" + (", log scale" if log else ""))
        ax.set_xlabel("date of the estimate (the sentence's date, else the article's publication date)")
        ax.grid(axis="y", color="#dddddd", lw=0.8)
        ax.set_axisbelow(True)
        types = [t for t in SOURCE_TYPES if t in set(data["source_type"])]
        handles = _mark_handles(marks, "number", vertical=True) + [
            Patch(color=SOURCE_COLORS[t], label=f"source: {t}") for t in types]
        _legend(ax, handles)
    subtitle = "Upper bounds point down (at most), lower bounds up (at least); labels: source and figure id."
    return _finish(fig, title, subtitle, source_line(data))


# --------------------------------------------------------------------------- estimates across articles

ESTIMATE_PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C564B", "#F0E442"]


def draw_estimates(data: pd.DataFrame, steps: pd.DataFrame, title: str, ylabel: str) -> Figure:
    """Distinct estimates (``estimates.timeline_data``) by date and number, one colour per source
    (the most mentioned ones; grey for the rest), a dot grows with the number of articles that
    repeat it; behind them, the reference record (``estimates.reference_steps``) as grey steps:
    a line for a stated number, dashed for a bound, a band for a range, each labelled with its row."""
    import matplotlib.dates as mdates

    fig = _new_figure(5.0)
    source = "\n".join(textwrap.wrap(
        "Source: the estimates table of these articles (every mention in data/estimates.csv); grey: the "
        "reference record (data/raw/reference_estimates.csv, rows as labelled).", 120))
    with matplotlib.rc_context(STYLE):
        ax = fig.add_subplot()
        if data.empty and steps.empty:
            return _empty(fig, ax, "no dated estimates of this kind", title, source)
        when = lambda col: mdates.date2num(pd.to_datetime(col).dt.to_pydatetime())   # noqa: E731
        xs = list(when(data["date"])) if len(data) else []
        if len(steps):
            xs += list(when(steps["start"])) + list(when(steps["end"]))
        first, last = min(xs), max(xs)
        pad = max(6.0, (last - first) * 0.05)
        nums = pd.concat([data[["value_low", "value_high"]], steps[["value_low", "value_high"]]]).to_numpy(float)
        top = np.nanmax(nums) if np.isfinite(nums).any() else 1.0
        span = top * 1.25
        for r in steps.itertuples():
            a, b = when(pd.Series([r.start, r.end]))
            b = max(b, a + pad / 2)   # a row that holds from the last date on is still drawn
            if r.mark == "range":
                ax.fill_between([a, b], r.value_low, r.value_high, color="#bbbbbb", alpha=0.35, lw=0, zorder=1)
            else:
                ax.plot([a, b], [r.value, r.value], color="#999999", lw=1.6, zorder=1,
                        linestyle="--" if r.mark in ("upper_bound", "lower_bound") else "-")
            y = r.value_high if r.mark == "range" else r.value
            ax.annotate(f"ref {r.reference_row}", xy=(a, y), xytext=(1, 2), textcoords="offset points",
                        fontsize=6.5, color="#777777", zorder=1)
        labels = list(dict.fromkeys(l for l in data["source_label"] if l != "other sources")) if len(data) else []
        colors = {l: ESTIMATE_PALETTE[i % len(ESTIMATE_PALETTE)] for i, l in enumerate(labels)}
        colors["other sources"] = "#999999"
        marks = set()
        width = max((last - first + 2 * pad) * 0.01, 0.6)
        if len(data):
            sizes = 6 + 2.5 * np.minimum(np.log2(np.maximum(data["articles"].to_numpy(dtype=float), 1)), 4)
            marks |= _draw_marks_over_time(ax, np.asarray(when(data["date"]), dtype=float), data,
                                           [colors[l] for l in data["source_label"]], span, width, sizes=sizes)
        ax.set_xlim(first - pad, last + pad)
        ax.set_ylim(0, span)
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=7))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d" if last - first < 400 else "%Y-%m"))
        ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
        ax.set_ylabel(ylabel)
        ax.set_xlabel("date of the estimate (first mention; the sentence's date, else the article's publication date)")
        ax.grid(axis="y", color="#eeeeee", lw=0.8)
        ax.set_axisbelow(True)
        handles = _mark_handles(marks, "number", vertical=True)
        handles += [Line2D([], [], color=colors[l], marker="o", linestyle="none", label=short_source(l, 52))
                    for l in labels + (["other sources"] if "other sources" in set(data.get("source_label", [])) else [])]
        if len(steps):
            handles.append(Line2D([], [], color="#999999", lw=1.6, label="reference record (dashed: a bound)"))
        _legend(ax, handles)
    subtitle = ("One mark per distinct estimate (the same source, measure, numbers and week); a bigger dot: "
                "more articles repeat it. Upper bounds point down (at most), lower bounds up (at least).")
    return _finish(fig, title, subtitle, source)


# --------------------------------------------------------------------------- pay

def draw_pay_comparison(data: pd.DataFrame, target_year: int,
                        title: str = "Pay per person as the articles state it, and in constant dollars",
                        limit: int = CHART_ROWS) -> Figure:
    """Per pay figure: grey = US dollars of its reference year, colour = dollars of ``target_year``;
    ranges as bars, bounds as capped arrows. Log scale when the values span more than 100x.
    At most ``limit`` figures, the newest articles first."""
    data, note = capped(data, limit, [("published", False)], group="figure_id")
    figures = list(dict.fromkeys(data["figure_id"]))
    n = max(len(figures), 1)
    fig = _new_figure(2.4 + 0.85 * n + 0.15 * source_line(data).count("\n"))
    with matplotlib.rc_context(STYLE):
        ax = fig.add_subplot()
        if data.empty:
            return _empty(fig, ax, "no pay figures in US dollars", title, source_line(data))
        values = data[["value_low", "value_high"]].to_numpy(dtype=float)
        top, bottom = np.nanmax(values), np.nanmin(values[values > 0]) if (values > 0).any() else 1.0
        log = top / bottom > 100
        span = top * 1.2
        labels, marks = [], set()
        colors = {"nominal": "#9a9a9a", "constant": "#0072B2"}
        for i, fid in enumerate(figures):
            y = n - 1 - i
            rows = data[data["figure_id"] == fid]
            for r in rows.itertuples():
                yy = y + (0.2 if r.series == "nominal" else -0.2)
                marks.add(r.mark)
                end = _draw_mark(ax, r.mark, False, r.value_low, r.value_high, r.value, yy, colors[r.series],
                                 span, thickness=0.3, log=log)
                if r.mark == "range":
                    txt = f"{_dollars(r.value_low)}–{_dollars(r.value_high)}"
                else:
                    txt = ("up to " if r.mark == "upper_bound" else "at least " if r.mark == "lower_bound"
                           else "") + _dollars(r.value)
                ax.annotate(f"{txt} in {r.currency_year} dollars", xy=(end, yy), xytext=(8, 0), textcoords="offset points",
                            va="center", fontsize=8, color=colors[r.series])
            first = rows.iloc[0]
            labels.append(f"{textwrap.shorten(str(first.subject), 30, placeholder='…')}\n"
                          f"{first.rate} · {short_id(fid)}")
        ax.set_yticks(range(n), labels[::-1], fontsize=8.5)
        ax.set_ylim(-0.7, n - 0.3)
        if log:
            ax.set_xscale("log")
            ax.set_xlim(bottom / 3, top * 60)
        else:
            ax.set_xlim(0, span * 1.35)
        ax.xaxis.set_major_formatter(FuncFormatter(_dollars))
        ax.set_xlabel("US dollars per person, at the rate in the row label" + (" (log scale)" if log else ""))
        ax.grid(axis="x", color="#dddddd", lw=0.8)
        ax.set_axisbelow(True)
        handles = [Patch(color=colors["nominal"], label="as stated (dollars of the reference year)"),
                   Patch(color=colors["constant"], label=f"in {target_year} dollars (US CPI-U)")]
        _legend(ax, handles + _mark_handles(marks - {"point"}, "amount"))
    subtitle = "Constant dollars use the US CPI-U annual averages (BLS); the reference year of each figure is a parameter."
    return _finish(fig, title, subtitle + (f" {note}." if note else ""), source_line(data))


def draw_scenarios(data: pd.DataFrame,
                   title: str = "Scenario totals: troop numbers × pay per person", limit: int = CHART_ROWS) -> Figure:
    """One bar (range) or dot per scenario from :func:`articlefacts.pay.scenario_totals`, in
    constant dollars, one panel per pay period (per person / a month / a year: totals of
    different periods are not drawn on one axis). A total that is only a bound (``total_qualifier``)
    gets a capped arrow: towards less for an upper bound, towards more for a lower bound.
    At most ``limit`` scenarios, the newest articles first."""
    data, note = capped(data, limit, [("published", False)])
    periods = [p for p in ("per person", "a month", "a year") if p in set(data["pay_rate_short"])]
    groups = [data[data["pay_rate_short"] == p] for p in periods] or [data]
    heights = [0.7 * len(g) + 1.0 for g in groups]
    fig = _new_figure(1.6 + sum(heights) + 0.15 * source_line(data).count("\n"))
    with matplotlib.rc_context(STYLE):
        axes = fig.subplots(len(groups), 1, height_ratios=heights, squeeze=False)[:, 0]
        if data.empty:
            axes[0].text(0.5, 0.5, "no scenarios (no troop and pay figures in one article)", ha="center",
                         va="center", transform=axes[0].transAxes)
            axes[0].set_axis_off()
            return _finish(fig, title, "", source_line(data))
        year = int(data["target_year"].iloc[0])
        color = "#0072B2"
        for ax, period, grp in zip(axes, periods, groups):
            n = len(grp)
            log = _wants_log(grp.rename(columns={"total_low": "value_low", "total_high": "value_high"}))
            top = float(np.nanmax(grp["total_high"].to_numpy(dtype=float)))
            span = top * 1.15
            labels = []
            for i, r in enumerate(grp.itertuples()):
                y = n - 1 - i
                low, high = r.total_low, r.total_high
                if high > low:
                    ax.barh(y, high - low, left=low, height=0.36, color=color, alpha=0.55, edgecolor=color)
                else:
                    ax.plot(low, y, marker="o", markersize=8, color=color, linestyle="none")
                if r.total_qualifier == "upper_bound":
                    _draw_mark(ax, "upper_bound", False, np.nan, low, low, y, color, span, thickness=0.36, log=log)
                elif r.total_qualifier == "lower_bound":
                    _draw_mark(ax, "lower_bound", False, high, np.nan, high, y, color, span, thickness=0.36,
                               log=log)
                amount = _dollars(low) if low == high else f"{_dollars(low)}–{_dollars(high)}"
                if r.troops_qualifier == "upper_bound":
                    note = f" if all {r.troops_high:,.0f} go"
                elif r.troops_qualifier == "lower_bound":
                    note = f" or more ({r.troops_low:,.0f} or more troops)"
                else:
                    note = {"upper_bound": " at most", "lower_bound": " at least"}.get(r.total_qualifier, "")
                ax.annotate(f"{amount}{note}", xy=(high, y), xytext=(8, 0), textcoords="offset points",
                            va="center", fontsize=8.5)
                labels.append(f"{r.troops_label} ({short_id(r.troops_figure_id)})\n× {r.pay_label} "
                              f"({short_id(r.pay_figure_id)})")
            ax.set_yticks(range(n), labels[::-1], fontsize=8)
            ax.set_ylim(-0.7, n - 0.3)
            if log:
                ax.set_xscale("log")
                positive = grp[["total_low", "total_high"]].to_numpy(dtype=float)
                ax.set_xlim(np.nanmin(positive[positive > 0]) / 4, top * 40)
            else:
                ax.set_xlim(0, span * 1.45)
            ax.xaxis.set_major_formatter(FuncFormatter(_dollars))
            what = {"per person": "one payment per person (period not stated)", "a month": "a month",
                    "a year": "a year"}[period]
            ax.set_xlabel(f"total in {year} US dollars, {what}" + (" — log scale" if log else ""))
            ax.grid(axis="x", color="#dddddd", lw=0.8)
            ax.set_axisbelow(True)
        handles = [Patch(color=color, alpha=0.55, label="range: fewest troops × lowest pay to most × highest")]
        handles += _mark_handles(set(data["total_qualifier"]) & {"upper_bound", "lower_bound"}, "total")
        _legend(axes[0], handles)
    subtitle = ("Arithmetic on the articles' figures, not a reported total; the assumptions are in the table "
                "beside this chart. An upper bound (‘as many as 12,000’) is taken at its bound: the total if all go."
                + (f" {note}." if note else ""))
    ids = pd.concat([data[["article_id", "troops_figure_id", "outlet", "title", "published"]]
                     .rename(columns={"troops_figure_id": "figure_id"}),
                     data[["article_id", "pay_figure_id", "outlet", "title", "published"]]
                     .rename(columns={"pay_figure_id": "figure_id"})]).sort_values(["article_id", "figure_id"])
    return _finish(fig, title, subtitle, source_line(ids))


def draw_claims_by_source(data: pd.DataFrame, articles: pd.DataFrame | None = None,
                          title: str = "Who says it, and how sure: claims by source type") -> Figure:
    """Stacked horizontal bars: claims per source type, split by certainty (asserted, reported, hedged)."""
    types = list(dict.fromkeys(data["source_type"])) if not data.empty else []
    n = max(len(types), 1)
    src = data
    if articles is not None and not data.empty:
        by_article: dict[str, list[str]] = {}
        for v in data["claim_ids"]:          # each claim id once: linear in the claims
            for cid in str(v).split():
                by_article.setdefault(cid.rsplit("-c", 1)[0], []).append(cid)
        chosen = articles[articles["article_id"].isin(by_article)]
        src = chosen.assign(claim_ids=[" ".join(by_article[a]) for a in chosen["article_id"]])
    fig = _new_figure(2.2 + 0.42 * n + 0.15 * source_line(src).count("\n"))
    with matplotlib.rc_context(STYLE):
        ax = fig.add_subplot()
        if data.empty:
            return _empty(fig, ax, "no claims", title, source_line(src))
        left = np.zeros(n)
        for cert in CERTAINTIES:
            counts = np.array([data.loc[(data["source_type"] == t) & (data["certainty"] == cert), "claims"].sum()
                               for t in types], dtype=float)
            ys = np.arange(n)[::-1]
            ax.barh(ys, counts, left=left, height=0.6, color=CERTAINTY_COLORS[cert], label=cert, edgecolor="white")
            for yy, lft, cnt in zip(ys, left, counts):
                if cnt:
                    ax.text(lft + cnt / 2, yy, f"{int(cnt)}", ha="center", va="center", fontsize=8)
            left += counts
        for yy, total in zip(np.arange(n)[::-1], left):
            ax.text(total, yy, f"  {int(total)}", va="center", fontsize=8.5, fontweight="bold")
        ax.set_yticks(np.arange(n)[::-1], types)
        ax.set_xlim(0, left.max() * 1.12)
        ax.set_xlabel("claims (sentences), counted")
        ax.legend(title="certainty:", loc="lower left", bbox_to_anchor=(0.0, 1.01), ncols=3, fontsize=8,
                  title_fontsize=8, frameon=False, alignment="left")
        ax.grid(axis="x", color="#dddddd", lw=0.8)
        ax.set_axisbelow(True)
    subtitle = "‘author’ = the article itself asserts it; hedged = may, could, expected to, suggest, anticipate …"
    return _finish(fig, title, subtitle, source_line(src))


# --------------------------------------------------------------------------- output

def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG, 800 px wide, with no timestamp or software version in its metadata."""
    buf = io.BytesIO()
    with matplotlib.rc_context(STYLE):
        fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def svg_bytes(fig: Figure) -> bytes:
    """The figure as SVG with fixed element ids and no date or creator in its metadata."""
    buf = io.BytesIO()
    with matplotlib.rc_context(STYLE):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return buf.getvalue()


def save(fig: Figure, folder: str | Path, name: str, png: bytes | None = None) -> list[Path]:
    """Write ``folder/name.png`` and ``folder/name.svg`` (each atomically); returns both paths.
    ``png``: the PNG bytes when already rendered."""
    from .tables import atomic_write

    out = []
    for ext, data in (("png", png if png is not None else png_bytes(fig)), ("svg", svg_bytes(fig))):
        target = Path(folder) / f"{name}.{ext}"
        atomic_write(target, lambda tmp, data=data: tmp.write_bytes(data))
        out.append(target)
    return out


def show(fig: Figure, folder: str | Path = "", name: str = "") -> None:
    """Display the figure in a notebook as PNG and, when ``folder`` is not empty, save it
    there as PNG and SVG (``name``) without a word in the output: outputs are for readers."""
    from IPython.display import Image, display

    png = png_bytes(fig)
    if folder:
        if not name:
            raise OutputError(folder, "a chart needs a name to be saved")
        save(fig, folder, name, png=png)
    display(Image(data=png, format="png"))
