"""The report's static pages, rendered in this process: one page per article and the
article table of ``index.html``. No notebook kernel, no third-party script: a shared
stylesheet and one small script in ``assets/`` beside them, all relative links.

An article page shows what notebook 02 shows for one article: the text as read, every
claim coloured by certainty with its source on hover, every figure marked with its id
and value, the figures table and who the sources are. Everything from the article is
HTML-escaped.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import quote

import pandas as pd

from .highlight import (CERTAINTY_BG, CERTAINTY_HELP, KIND_COLOR, claim_title, esc, figure_title, layout_blocks,
                        marked, window)
from .tables import atomic_write

CSS = """body{font-family:system-ui,sans-serif;max-width:60em;margin:1.5em auto;padding:0 1em;color:#1a1a1a}
.text{font-family:Georgia,'Times New Roman',serif;font-size:15px;line-height:1.65;max-width:46em}
.text h1{font-size:1.4em}.text h4{margin:14px 0 4px}.by{font-style:italic;color:#555}
.fur{color:#999;font-size:12px}.meta{font-size:13px;color:#555}
.r,.h,.a{border-radius:3px;padding:1px 0}.r{background:%s}.h{background:%s}.a{background:%s}
mark{background:transparent;color:inherit;font-weight:600;border-bottom:2px solid #555}
""" % (CERTAINTY_BG["reported"], CERTAINTY_BG["hedged"], CERTAINTY_BG["asserted"]) + "".join(
    f"mark.{k}{{border-bottom-color:{v}}}" for k, v in KIND_COLOR.items()) + """
mark sup{font-size:10px;color:#555}
table{border-collapse:collapse;font-size:13px}td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left;
vertical-align:top}th{cursor:pointer;background:#f6f6f6;position:sticky;top:0}
.num{text-align:right;font-variant-numeric:tabular-nums}.ok{color:#1a7f37}.failed{color:#cf222e;font-weight:600}
input[type=search]{font-size:14px;padding:4px 8px;width:24em}.pager button{margin:0 4px}
"""

# the article table of index.html: rows come as JSON in the page; sorting, filtering and paging
# happen in the browser, 100 rows at a time, so 11,000 articles stay light
INDEX_JS = r"""(function(){
var data=JSON.parse(document.getElementById('af-articles').textContent);
var cols=data.columns,rows=data.rows,shown=rows,page=0,size=100,sortCol=-1,asc=true;
var body=document.getElementById('af-body'),info=document.getElementById('af-info');
function esc(s){return String(s).replace(/[&<>"']/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c];});}
function draw(){var out=[],start=page*size;
 shown.slice(start,start+size).forEach(function(r){var cells=r.map(function(v,i){
  if(i===0){return '<td><a href="'+esc(data.pages[r[0]]||'#')+'">'+esc(v)+'</a></td>';}
  if(cols[i]==='status'){return '<td class="'+esc(v)+'">'+esc(v)+'</td>';}
  return '<td'+(typeof v==='number'?' class="num"':'')+'>'+esc(v)+'</td>';});
  out.push('<tr>'+cells.join('')+'</tr>');});
 body.innerHTML=out.join('');
 info.textContent=shown.length+' of '+rows.length+' articles; rows '+(shown.length?start+1:0)+'-'+Math.min(start+size,shown.length);}
document.getElementById('af-filter').addEventListener('input',function(e){var q=e.target.value.toLowerCase();
 shown=q?rows.filter(function(r){return r.join(' ').toLowerCase().indexOf(q)>=0;}):rows;page=0;draw();});
document.querySelectorAll('#af-table th').forEach(function(th,i){th.addEventListener('click',function(){
 asc=sortCol===i?!asc:true;sortCol=i;shown=shown.slice().sort(function(a,b){var x=a[i],y=b[i];
 return (x<y?-1:x>y?1:0)*(asc?1:-1);});page=0;draw();});});
document.getElementById('af-prev').addEventListener('click',function(){if(page>0){page--;draw();}});
document.getElementById('af-next').addEventListener('click',function(){if((page+1)*size<shown.length){page++;draw();}});
draw();})();
"""

CLASS = {"asserted": "a", "reported": "r", "hedged": "h"}
NO_SOURCES = "<tr><td colspan='2'>none: every sentence is the author's</td></tr>"
INDEX_COLUMNS = ["article_id", "title", "outlet", "published", "status", "figures", "personnel", "money", "claims",
                 "attributed", "hedged"]


def page_name(article_id: str) -> str:
    """The file name of an article's page (ids are file-name safe; see inputs.safe_id)."""
    return f"{article_id}.html"


def href(path: str) -> str:
    """A relative link with every character that is not safe in a URL path percent-encoded."""
    return quote(path, safe="/")


def write_assets(folder: Path) -> list[str]:
    """The shared stylesheet and the index script, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(folder / "report.css", lambda tmp: tmp.write_text(CSS, encoding="utf-8"))
    atomic_write(folder / "index.js", lambda tmp: tmp.write_text(INDEX_JS, encoding="utf-8"))
    return ["report.css", "index.js"]


def _claim_open(c: dict) -> str:
    # asserted sentences (most of a long document) are left plain: a page stays close to its text's size
    if _plain(c):
        return ""
    return f'<span class={CLASS.get(c["certainty"], "a")} title="{esc(claim_title(c))}">'


def _plain(c: dict) -> bool:
    return c["certainty"] == "asserted" and c["source_type"] == "author"


def _claim_close(c: dict) -> str:
    return "" if _plain(c) else "</span>"


def _fig_open(f: dict) -> str:
    return f'<mark class={esc(f["kind"])} title="{esc(figure_title(f))}">'


def _fig_close(f: dict) -> str:
    return f'<sup>{esc(str(f["figure_id"]).rsplit("-", 1)[-1])}</sup></mark>'


def _value(f: dict) -> str:
    if f["kind"] == "date":
        return f"{f['date_start']}..{f['date_end']}" if f.get("date_start") else "unresolved"
    low, high = f["value_low"], f["value_high"]
    fmt = lambda v: "" if pd.isna(v) else f"{v:,.6g}"   # noqa: E731
    return fmt(low) if fmt(low) == fmt(high) else f"{fmt(low)}–{fmt(high)}"


def claim_runs(claims: list[dict], text: str) -> list[dict]:
    """Claims as the page marks them: consecutive sentences of one source with one certainty, with
    only spaces between them (a speaker's turn in a transcript), as one span whose hover names
    their ids as a range (``c003–c007``) and the source once. The claims table keeps one row per
    sentence; a page of a long transcript gets a fraction of the markup."""
    out: list[dict] = []
    for c in claims:
        prev = out[-1] if out else None
        if (prev is not None and not _plain(c) and prev["end"] <= c["start"]
                and (prev["source"], prev["source_type"], prev["certainty"], prev["cue"])
                == (c["source"], c["source_type"], c["certainty"], c["cue"])
                and not text[prev["end"]:c["start"]].strip(" \t")):
            first = prev.get("_first", prev["claim_id"])
            out[-1] = {**prev, "end": c["end"], "_first": first,
                       "claim_id": f"{first}–{str(c['claim_id']).rsplit('-', 1)[-1]}"}
        else:
            out.append(c)
    return out


def article_page(meta: dict, text: str, body_start: int | None, figures: pd.DataFrame, claims: pd.DataFrame,
                 assets: str = "../assets", index: str = "../index.html") -> str:
    """One article's page as a standalone HTML document (linking the shared stylesheet)."""
    figs = figures.sort_values("start", kind="stable").to_dict("records")
    cls = claims.sort_values("start", kind="stable").to_dict("records")
    runs = claim_runs(cls, text)
    fs, cs = [f["start"] for f in figs], [c["start"] for c in runs]
    parts = []
    for s, e, role in layout_blocks(text, body_start):
        if role in ("paragraph", "heading"):
            inner = marked(text, s, e, window(runs, cs, s, e), window(figs, fs, s, e), _claim_open, _fig_open,
                           _fig_close, _claim_close)
        else:
            inner = esc(text[s:e])
        tag = {"title": "h1", "byline": 'p class="by"', "heading": "h4", "furniture": 'p class="fur"'}.get(role, "p")
        parts.append(f"<{tag}>{inner}</{tag.split()[0]}>")
    meta_line = " · ".join(esc(meta.get(k, "")) for k in ("outlet", "author", "published", "url", "source_file")
                           if meta.get(k))
    attributed = [c for c in cls if c["source_type"] != "author"]
    sources = pd.Series([f"{c['source']} ({c['source_type']})" for c in attributed], dtype=object).value_counts()
    source_rows = "".join(f"<tr><td>{esc(k)}</td><td class='num'>{v}</td></tr>" for k, v in sources.items())
    fig_rows = "".join(
        f"<tr><td>{esc(str(f['figure_id']).rsplit('-', 1)[-1])}</td><td>{esc(f['text'])}</td><td>{esc(f['kind'])}</td>"
        f"<td class='num'>{esc(_value(f))}</td><td>{esc(f['qualifier'])}</td><td>{esc(f['unit'])}"
        f"{(' per ' + esc(f['per'])) if f['per'] else ''}</td><td>{esc(f['subject'])}</td></tr>" for f in figs)
    hedged = sum(c["certainty"] == "hedged" for c in cls)
    legend = " ".join(f'<span class={CLASS[k]}>{k}</span>' for k in CERTAINTY_HELP)   # explained in index.html
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(meta.get('title') or meta.get('article_id'))}</title>
<link rel="stylesheet" href="{href(assets)}/report.css"></head><body>
<p class="meta"><a href="{href(index)}">← report index</a> · article <code>{esc(meta.get('article_id'))}</code></p>
<p class="meta">{meta_line}</p>
<p class="meta">{len(figs)} figures, {len(cls)} claims: {len(attributed)} attributed to a source, {hedged} hedged.
Claims: {legend}; figures underlined with their id (hover for value and source).</p>
<div class="text">
{chr(10).join(parts)}
</div>
<h2>Figures</h2>
<table><tr><th>id</th><th>text</th><th>kind</th><th>value</th><th>qualifier</th><th>unit</th><th>subject</th></tr>
{fig_rows or '<tr><td colspan="7">none</td></tr>'}</table>
<h2>Sources</h2>
<table><tr><th>source (type)</th><th>claims</th></tr>
{source_rows or NO_SOURCES}</table>
</body></html>
"""


def write_article_pages(articles: pd.DataFrame, figures: pd.DataFrame, claims: pd.DataFrame,
                        texts: pd.DataFrame | Callable[[list[str]], pd.DataFrame],
                        folder: Path, tick: Callable[[], None] | None = None, keys: dict[str, str] | None = None,
                        previous: Path | None = None, previous_keys: dict[str, str] | None = None
                        ) -> tuple[dict[str, str], int]:
    """A page for every article that was extracted, into ``folder``; returns ({article_id: file name},
    how many were linked unchanged). A page whose key (``keys``) is the one it had in the previous
    report (``previous`` folder, ``previous_keys``) is hard-linked from there instead of rendered.
    ``texts`` is the texts table, or a function giving it for a list of article ids (then only the
    texts of pages to render are read). Only the rows of pages to render are grouped, so the cost is
    linear in what changed (plus a link per unchanged page)."""
    import os
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    keys, previous_keys = keys or {}, previous_keys or {}
    pages, reused, todo = {}, 0, []
    ok = articles[articles["status"] == "ok"]
    for aid in ok["article_id"]:
        name = page_name(aid)
        old = previous / name if previous is not None else None
        if old is not None and aid in keys and previous_keys.get(aid) == keys[aid] and old.is_file():
            try:
                os.link(old, folder / name)
            except OSError:
                shutil.copyfile(old, folder / name)
            reused += 1
            pages[aid] = name
            if tick:
                tick()
        else:
            todo.append(aid)
    table = texts(todo) if callable(texts) else texts[texts["article_id"].isin(todo)]
    text_of = {a: (t, b) for a, t, b in zip(table["article_id"], table["text"], table["body_start"])}
    wanted = set(todo)
    figs = figures[figures["article_id"].isin(wanted)] if len(figures) else figures
    cls = claims[claims["article_id"].isin(wanted)] if len(claims) else claims
    by_fig = dict(tuple(figs.groupby("article_id", sort=False))) if len(figs) else {}
    by_claim = dict(tuple(cls.groupby("article_id", sort=False))) if len(cls) else {}
    empty_f, empty_c = figures.iloc[0:0], claims.iloc[0:0]
    for meta in ok[ok["article_id"].isin(wanted)].to_dict("records"):
        aid = meta["article_id"]
        if aid in text_of:
            text, start = text_of[aid]
            html = article_page(meta, text, None if pd.isna(start) else int(start), by_fig.get(aid, empty_f),
                                by_claim.get(aid, empty_c))
            (folder / page_name(aid)).write_text(html, encoding="utf-8")
            pages[aid] = page_name(aid)
        if tick:
            tick()
    if tick:
        for _ in range(len(articles) - len(ok)):
            tick()
    order = {a: i for i, a in enumerate(articles["article_id"])}
    return dict(sorted(pages.items(), key=lambda kv: order[kv[0]])), reused   # in the articles' order


def index_table_html(summary: pd.DataFrame, pages: dict[str, str], prefix: str = "articles/") -> str:
    """The article table of index.html: a filter box, sortable headers and 100 rows a page, drawn by
    ``assets/index.js`` from JSON embedded in the page (escaped for a script element)."""
    cols = [c for c in INDEX_COLUMNS if c in summary.columns]
    rows = []
    for r in summary[cols].itertuples(index=False):
        rows.append([v if isinstance(v, (int, float)) and not pd.isna(v) else ("" if pd.isna(v) else str(v))
                     for v in (x.item() if hasattr(x, "item") else x for x in r)])
    payload = json.dumps({"columns": cols, "rows": rows, "pages": {a: href(prefix + p) for a, p in pages.items()}},
                         ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    head = "".join(f"<th>{esc(c)}</th>" for c in cols)
    return f"""<p><input type="search" id="af-filter" placeholder="filter: words in any column"> <span id="af-info"></span>
<span class="pager"><button id="af-prev">‹ previous</button><button id="af-next">next ›</button></span></p>
<table id="af-table"><thead><tr>{head}</tr></thead><tbody id="af-body"></tbody></table>
<noscript><p>The table needs JavaScript (it runs locally, nothing is fetched); the same rows are in
data/summary.csv.</p></noscript>
<script type="application/json" id="af-articles">{payload}</script>"""


def total_bytes(paths: Iterable[Path]) -> int:
    """The size of the files given, in bytes."""
    return sum(p.stat().st_size for p in paths if p.is_file())
