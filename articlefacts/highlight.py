"""An article as HTML with its figures and claims highlighted, safe to show.

Every character of the article (and of its metadata) is HTML-escaped: an
article holding ``<script>``, tags or Markdown is shown as text, never run or
rendered. Claims (sentences) are coloured by certainty; figures are marked,
with their id, kind and value in a ``title`` attribute (shown on hover) and
their short id in a small label.

    >>> from articlefacts import highlight
    >>> html = highlight.article_html(text, figures, claims)   # a str of HTML
    >>> from IPython.display import HTML; HTML(html)
"""
from __future__ import annotations

import html as _html
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

import pandas as pd

from .articles import parse_layout
from .errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

CERTAINTY_BG = {"asserted": "#e9eef5", "reported": "#dcefdf", "hedged": "#fde2c0"}
CERTAINTY_HELP = {"asserted": "the article asserts it", "reported": "attributed to a source, no hedge",
                  "hedged": "presented as uncertain (may, could, expected to, suggest …)"}
KIND_COLOR = {"personnel": "#0072B2", "money": "#009E73", "count": "#CC79A7", "date": "#7a7a7a",
              "percent": "#D55E00", "measure": "#E69F00", "other": "#555555"}
# MathJax must not read "$500 ... $3,000" as mathematics
CONTAINER = ('<div class="af-article tex2jax_ignore mathjax_ignore" style="max-width:48em;line-height:1.65;'
             'font-family:Georgia,\'Times New Roman\',serif;font-size:15px;color:#1a1a1a">')


def esc(value: object) -> str:
    """HTML-escape any value (quotes too, so it is safe inside attributes)."""
    return _html.escape("" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value),
                        quote=True)


def _num(v: float) -> str:
    return "" if pd.isna(v) else (f"{v:,.0f}" if float(v) == int(v) else f"{v:,.6g}")


def figure_title(f: Mapping) -> str:
    """The hover text of a figure: 'f004 · personnel · upper_bound: at most 12,000 troops'."""
    fid = str(f["figure_id"]).rsplit("-", 1)[-1]
    if f["kind"] == "date":
        value = f"{f['date_start']}..{f['date_end']}" if f.get("date_start") else "unresolved"
    else:
        low, high, q = f["value_low"], f["value_high"], f.get("qualifier", "")
        value = {"upper_bound": f"at most {_num(high)}", "lower_bound": f"at least {_num(low)}",
                 "range": f"{_num(low)} to {_num(high)}", "approx": f"about {_num(low)}"}.get(q, _num(low))
        value += f" {f.get('unit', '')}" + (f" per {f['per']}" if f.get("per") else "")
        if f.get("subject"):
            value += f" (subject: {f['subject']})"
    qual = f" · {f['qualifier']}" if f.get("qualifier") else ""
    return f"{fid} · {f['kind']}{qual}: {value.strip()}"


def claim_title(c: Mapping) -> str:
    """The hover text of a claim: 'c008 · hedged · intelligence: Intelligence agencies (anticipate)'."""
    cid = str(c["claim_id"]).rsplit("-", 1)[-1]
    who = "the author" if c["source_type"] == "author" else f"{c['source_type']}: {c['source']}"
    cue = f" ({c['cue']})" if c.get("cue") else ""
    return f"{cid} · {c['certainty']} · {who}{cue}"


def window(items: list[dict], starts: list[int], start: int, end: int) -> list[dict]:
    """The items (sorted by start, ``starts`` their starts) that overlap [start, end), found by bisection."""
    import bisect

    hi = bisect.bisect_left(starts, end)
    lo = hi
    while lo > 0 and items[lo - 1]["end"] > start:   # walks back over the few that reach into the block
        lo -= 1
    return [it for it in items[lo:hi] if it["end"] > start]


def segments(start: int, end: int, claims: list[dict], figures: list[dict]):
    """The pieces of [start, end) between item boundaries, each with the claim and the figure
    containing it (or None): ``(a, b, claim, figure)``. ``claims`` and ``figures`` are sorted by
    start; pointers only move forward, so a block costs time in proportion to its length and
    the items in it."""
    cuts = {start, end}
    for item in claims + figures:
        for p in (item["start"], item["end"]):
            if start < p < end:
                cuts.add(p)
    points = sorted(cuts)
    ci = fi = 0

    def containing(items: list[dict], k: int, a: int, b: int) -> tuple[dict | None, int]:
        while k < len(items) and items[k]["end"] <= a:
            k += 1
        if k < len(items) and items[k]["start"] <= a and b <= items[k]["end"]:
            return items[k], k
        return None, k

    for a, b in zip(points, points[1:]):
        claim, ci = containing(claims, ci, a, b)
        fig, fi = containing(figures, fi, a, b)
        yield a, b, claim, fig


def marked(text: str, start: int, end: int, claims: list[dict], figures: list[dict],
           open_claim_tag, open_figure_tag, close_figure_tag, close_claim_tag=lambda claim: "</span>") -> str:
    """The escaped text[start:end] with claim spans and figure marks, always well nested; the
    tags come from the three functions given (inline styles for notebooks, classes for pages)."""
    out: list[str] = []
    open_claim = open_fig = None
    for a, b, claim, fig in segments(start, end, claims, figures):
        if claim is not open_claim or (fig is not open_fig):
            if open_fig is not None:
                out.append(close_figure_tag(open_fig))
            if claim is not open_claim:
                if open_claim is not None:
                    out.append(close_claim_tag(open_claim))
                if claim is not None:
                    out.append(open_claim_tag(claim))
            if fig is not None:
                out.append(open_figure_tag(fig))
            open_claim, open_fig = claim, fig
        out.append(esc(text[a:b]))
    if open_fig is not None:
        out.append(close_figure_tag(open_fig))
    if open_claim is not None:
        out.append(close_claim_tag(open_claim))
    return "".join(out)


def _claim_tag(claim: dict) -> str:
    bg = CERTAINTY_BG.get(claim["certainty"], "#eeeeee")
    return (f'<span class="af-claim af-{esc(claim["certainty"])}" data-claim-id="{esc(claim["claim_id"])}" '
            f'title="{esc(claim_title(claim))}" style="background:{bg};border-radius:3px;padding:1px 0">')


def _figure_tag(fig: dict) -> str:
    color = KIND_COLOR.get(fig["kind"], "#555555")
    return (f'<mark class="af-figure af-{esc(fig["kind"])}" data-figure-id="{esc(fig["figure_id"])}" '
            f'title="{esc(figure_title(fig))}" style="background:transparent;color:inherit;'
            f'border-bottom:2px solid {color};font-weight:600">')


def _figure_close(fig: dict) -> str:
    return (f'<sup style="font-size:10px;color:{KIND_COLOR.get(fig["kind"], "#555")}">'
            f'{esc(str(fig["figure_id"]).rsplit("-", 1)[-1])}</sup></mark>')


def _render(text: str, start: int, end: int, claims: list[dict], figures: list[dict]) -> str:
    """:func:`marked` with inline styles (a notebook output has no stylesheet)."""
    return marked(text, start, end, claims, figures, _claim_tag, _figure_tag, _figure_close)


def legend_html() -> str:
    """The key to the colours, as HTML."""
    chips = "".join(f'<span style="background:{bg};padding:1px 6px;margin-right:8px;border-radius:3px" '
                    f'title="{esc(CERTAINTY_HELP[k])}">{esc(k)}</span>' for k, bg in CERTAINTY_BG.items())
    kinds = "".join(f'<span style="border-bottom:2px solid {c};margin-right:8px;font-weight:600">{esc(k)}</span>'
                    for k, c in KIND_COLOR.items())
    return (f'<div style="font-family:sans-serif;font-size:12px;color:#333;margin-bottom:10px">'
            f'Claims by certainty: {chips}<br>Figures (underlined, id after; hover for value): {kinds}</div>')


def layout_blocks(text: str, body_start: int | None = None) -> list[tuple[int, int, str]]:
    """The article's lines in order as (start, end, role): title, byline, heading, paragraph, furniture."""
    layout = parse_layout(text, body_start)
    blocks: list[tuple[int, int, str]] = []
    if layout.title:
        blocks.append((*layout.title, "title"))
    if layout.byline:
        blocks.append((*layout.byline, "byline"))
    blocks += [(*s, "heading") for s in layout.headings]
    blocks += [(*s, "paragraph") for s in layout.paragraphs]
    blocks += [(*s, "furniture") for s in layout.furniture]
    return sorted(blocks)


def article_html(text: str, figures: pd.DataFrame, claims: pd.DataFrame,
                 meta: Mapping[str, object] | None = None, body_start: int | None = None) -> str:
    """The article as escaped HTML: title, byline, headings, paragraphs, with claims coloured
    by certainty and figures marked. ``figures``/``claims`` are the article's rows of the
    extraction tables; ``meta`` (title, outlet, author, published, url) is shown escaped above."""
    figs = figures.sort_values("start", kind="stable").to_dict("records")
    cls = claims.sort_values("start", kind="stable").to_dict("records")
    fig_starts, claim_starts = [f["start"] for f in figs], [c["start"] for c in cls]
    blocks = layout_blocks(text, body_start)
    parts = [CONTAINER, legend_html()]
    if meta:
        fields = [esc(meta.get(k, "")) for k in ("outlet", "author", "published") if meta.get(k)]
        line = " · ".join(fields)
        if meta.get("url"):
            line += f' · <span style="color:#555">{esc(meta["url"])}</span>'
        if line:
            parts.append(f'<div style="font-family:sans-serif;font-size:12px;color:#555">{line}</div>')
    for s, e, what in blocks:
        inner = (_render(text, s, e, window(cls, claim_starts, s, e), window(figs, fig_starts, s, e))
                 if what in ("paragraph", "heading") else esc(text[s:e]))
        if what == "title":
            parts.append(f'<h3 style="margin:6px 0">{inner}</h3>')
        elif what == "byline":
            parts.append(f'<p style="font-style:italic;color:#555;margin:0 0 10px">{inner}</p>')
        elif what == "heading":
            parts.append(f'<h4 style="margin:14px 0 4px">{inner}</h4>')
        elif what == "furniture":
            parts.append(f'<p style="color:#999;font-size:12px" title="page furniture: not analysed">{inner}</p>')
        else:
            parts.append(f'<p style="margin:0 0 10px">{inner}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def require_article(corpus: "Corpus", folder: str | Path, article_id: str) -> dict:
    """The metadata row of ``article_id``; InputError (one line, naming the folder) when the
    article is not in the corpus or its extraction failed."""
    arts = corpus.articles
    row = arts[arts["article_id"] == article_id]
    if row.empty:
        ids = list(arts["article_id"][:5])
        known = f" (articles: {', '.join(ids)}{', …' if len(arts) > 5 else ''})" if ids else ""
        raise InputError(folder, f"no article {article_id!r} in this folder{known}")
    meta = row.iloc[0].to_dict()
    if meta["status"] != "ok":
        raise InputError(folder, f"article {article_id!r} could not be extracted: {meta['error']}")
    return meta


def corpus_article_html(corpus: "Corpus", folder: str | Path, article_id: str) -> str:
    """:func:`article_html` for one article of a corpus loaded from ``folder``.

    Raises InputError (one line, naming the folder or file) when the article is not in
    the corpus or its extraction failed.
    """
    meta = require_article(corpus, folder, article_id)
    text, body_start = corpus.text(article_id)
    figs = corpus.figures[corpus.figures["article_id"] == article_id]
    cls = corpus.claims[corpus.claims["article_id"] == article_id]
    return article_html(text, figs, cls, meta, body_start)


def notebook_display_defaults() -> None:
    """pandas display options for the notebooks: no MathJax on '$' in tables, whole rows shown."""
    pd.set_option("display.html.use_mathjax", False)
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.max_columns", 40)
    pd.set_option("display.max_colwidth", 400)   # a sentence or an assumption is never cut short
    pd.set_option("display.width", 160)
