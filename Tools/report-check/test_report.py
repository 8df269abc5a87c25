"""Real-browser checks of the HTML bilan (`ess bilan Y --format html|pdf`).

Run through `run.sh ESS-BINARY` (see README.md). Environment:
  ESS_BIN            the ess binary to check (default: `ess` on PATH)
  ESS_REPORT_OUT     where screenshots, the PDF and its text go (default: a new temp dir)
  ESS_REPORT_HTML_FR / ESS_REPORT_HTML_EN
                     check this HTML file instead of the page ess writes (to see a
                     check fail on a tampered copy)
  ESS_AXE_SCRIPT     another axe.min.js than the one axe-selenium-python ships
  CHROMIUM_BIN / CHROMEDRIVER_BIN   default /usr/bin/chromium and /usr/bin/chromedriver

One demo journal per session (`ess demo` in a temp dir), one headless Chromium per
language (fr, en); the PDF checks need no browser session of their own (ess runs
Chromium itself).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

YEAR = 2022
LANGS = ("fr", "en")
WIDTHS = (1280, 375)
MISSING = {"fr": "n.d.", "en": "n/a"}  # the marker of a year without data in the chart tables
NULL = "\u2014"  # "—", a null figure

# The charts the page draws and how each draws its table's columns.
#   bars: one rect.bar per value > 0 (every column; several columns = stacked)
#   bars+share: rect.bar for the first columns, circle.point for the last (a share in %)
#   line: one circle.point per recorded value
KNOWN_CHARTS = {
    "chart-insertion-hours": "bars",
    "chart-contracts": "bars+share",
    "chart-okote": "bars",
    "chart-members": "line",
    "chart-books": "line",
}

# The figures that must appear in the PDF's text as they are written (French).
PDF_FIGURES = ("483 442 h", "17 950 000,00 €", "228 000,00 €")
PDF_TITLE = f"Bilan {YEAR}"
A4_PT = (595.0, 842.0)

BROWSER_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    # Scrollbars take no layout width (as on a phone), so innerWidth is the width
    # the page is laid out in and the overflow check has no 15 px of slack.
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--disable-dev-shm-usage",
)

# Defects these checks found, all fixed in the page since (a table wider than a
# phone, figures broken across lines in the headline cards, a three-line PDF
# refusal): mark a new one xfail(strict=True) with known_defect() until fixed.
# The sources' footnotes quote the events' own text: figures in them are not
# the page's, and are left out of the line-break check.


# --------------------------------------------------------------------------
# Parsing figures as the page writes them


@dataclass(frozen=True)
class Figure:
    value: Decimal
    kind: str  # "eur", "pct" or "plain"
    frac: str | None  # the decimals as written, None without a decimal separator
    unit: str | None  # a trailing word ("h", "personnes", "people"), if any


_FR = re.compile(
    r"^(?P<sign>[+-]?)(?P<int>[0-9]{1,3}(?: [0-9]{3})*)(?:,(?P<frac>[0-9]+))?"
    r"(?: (?P<unit>\S.*))?$"
)
_EN = re.compile(
    r"^(?P<sign>[+-]?)(?P<eur>€?)(?P<int>[0-9]{1,3}(?:,[0-9]{3})*)(?:\.(?P<frac>[0-9]+))?"
    r"(?P<pct>%?)(?: (?P<unit>\S.*))?$"
)


def parse_figure(text: str, lang: str) -> Figure:
    """A figure as written on the page, back to a number. Strict: French groups
    digits with U+0020 and writes '1 234,50 €' and '23 %'; English writes
    '1,234.50', '€1,234.50' and '23%'. Raises ValueError on anything else."""
    m = (_FR if lang == "fr" else _EN).match(text)
    if not m:
        raise ValueError(f"not a {lang} figure: {text!r}")
    digits = m["int"].replace(" " if lang == "fr" else ",", "")
    number = Decimal(m["sign"] + digits + ("." + m["frac"] if m["frac"] else ""))
    unit = m["unit"]
    kind = "plain"
    if lang == "fr":
        if unit == "€":
            kind, unit = "eur", None
        elif unit == "%":
            kind, unit = "pct", None
    else:
        if m["eur"] and m["pct"]:
            raise ValueError(f"both € and %: {text!r}")
        if m["eur"]:
            kind = "eur"
        elif m["pct"]:
            kind = "pct"
    return Figure(number, kind, m["frac"], unit)


def half_up(value: Decimal, exp: str = "1") -> Decimal:
    return value.quantize(Decimal(exp), rounding=ROUND_HALF_UP)


def figure_mismatch(key: str, text: str, expected, lang: str) -> str | None:
    """Why `text` (the page's figure for `key`) does not say `expected` (the JSON
    value: None, int or Decimal), or None when it does."""
    if expected is None:
        return None if text == NULL else f"JSON null but page shows {text!r}"
    if text == NULL:
        return f"page shows {NULL!r} but JSON has {expected}"
    try:
        fig = parse_figure(text, lang)
    except ValueError as e:
        return str(e)
    want = Decimal(expected)
    if key.startswith("reported."):
        # A partner's figure: the number as reported, then a free unit word.
        if fig.kind == "eur":
            return None if fig.value == half_up(want, "0.01") else f"{text!r} ≠ {want} €"
        return None if fig.value == want else f"{text!r} ≠ {want}"
    if key.endswith("_share") or fig.kind == "pct":
        if fig.kind != "pct" or fig.frac is not None or fig.unit:
            return f"a share must be a whole percent, got {text!r}"
        if not (0 <= want <= 1):
            return f"JSON share {want} is not in [0,1]"
        pct = half_up(want * 100)
        return None if fig.value == pct else f"{text!r} ≠ {pct} % (JSON {want})"
    if key.endswith("_eur") or fig.kind == "eur":
        if fig.kind != "eur" or fig.frac is None or len(fig.frac) != 2 or fig.unit:
            return f"euros must be written with cents and €, got {text!r}"
        cents = half_up(want, "0.01")
        return None if fig.value == cents else f"{text!r} ≠ {cents} € (JSON {want})"
    return None if fig.value == want else f"{text!r} ≠ {want}"


# --------------------------------------------------------------------------
# Fixtures: the binary, one demo journal, its pages, one browser per language


def _ess_bin() -> str:
    b = os.environ.get("ESS_BIN") or shutil.which("ess")
    if not b or not os.access(b, os.X_OK):
        pytest.fail(f"no ess binary: set ESS_BIN (got {b!r})", pytrace=False)
    return b


def run_ess(*args: str, timeout: float = 120, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_ess_bin(), *args], capture_output=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL
    )


@pytest.fixture(scope="session")
def out_dir() -> Path:
    d = os.environ.get("ESS_REPORT_OUT") or tempfile.mkdtemp(prefix="ess-report-check.")
    p = Path(d)
    p.mkdir(parents=True, exist_ok=True)
    return p


@pytest.fixture(scope="session")
def journal(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("demo")
    j = root / "journal"
    r = run_ess("demo", str(j))
    assert r.returncode == 0, f"ess demo failed ({r.returncode}): {r.stderr.decode()[-2000:]}"
    return j


@pytest.fixture(scope="session")
def indicators(journal) -> dict:
    r = run_ess("bilan", str(YEAR), "--format", "json", "--journal", str(journal))
    assert r.returncode == 0, r.stderr.decode()
    data = json.loads(r.stdout, parse_float=Decimal)
    assert isinstance(data.get("indicators"), dict) and data["indicators"], "no indicators in the JSON"
    return data["indicators"]


@pytest.fixture(scope="session")
def page_files(journal, out_dir) -> dict:
    files = {}
    for lang in LANGS:
        override = os.environ.get(f"ESS_REPORT_HTML_{lang.upper()}")
        if override:
            files[lang] = Path(override).resolve()
            continue
        f = journal.parent / f"bilan-{YEAR}-{lang}.html"
        r = run_ess(
            "bilan", str(YEAR), "--format", "html", "--lang", lang, "-o", str(f), "--journal", str(journal)
        )
        assert r.returncode == 0, r.stderr.decode()
        shutil.copy(f, out_dir / f.name)
        files[lang] = f
    return files


class Page:
    def __init__(self, lang: str, driver, url: str):
        self.lang, self.driver, self.url = lang, driver, url

    def load(self, width: int, height: int = 900) -> None:
        d = self.driver
        d.set_window_size(width, height)
        d.get(self.url)
        inner = d.execute_script("return window.innerWidth")
        assert inner == width, f"could not lay the page out {width} px wide (innerWidth {inner})"

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)


@pytest.fixture(scope="session", params=LANGS)
def page(request, page_files):
    """One headless Chromium per language (pytest groups the tests by language)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    lang = request.param
    opts = Options()
    for a in BROWSER_ARGS:
        opts.add_argument(a)
    opts.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    service = Service(executable_path=os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=opts, service=service)
    try:
        yield Page(lang, driver, page_files[lang].as_uri())
    finally:
        driver.quit()


per_width = pytest.mark.parametrize("width", WIDTHS)


def known_defect(request, page: Page, width: int, defects: dict) -> None:
    """Marks this (language, width) case xfail(strict=True) when `defects` lists it.
    (A mark on a parametrized case would split the per-language browser sessions.)"""
    reason = defects.get((page.lang, width))
    if reason:
        request.applymarker(pytest.mark.xfail(strict=True, reason=reason))


# --------------------------------------------------------------------------
# 1a. every chart is drawn

CHARTS_JS = r"""
return [...document.querySelectorAll('figure[id^="chart-"]')].map(f => {
  const svg = f.querySelector('svg.chart');
  const table = f.querySelector('details table');
  const box = svg ? svg.getBoundingClientRect() : null;
  const bb = e => { const b = e.getBBox(); return [b.width, b.height]; };
  return {
    id: f.id,
    svg: !!svg,
    role: svg && svg.getAttribute('role'),
    title: svg && (svg.querySelector(':scope > title') || {}).textContent,
    desc: svg && (svg.querySelector(':scope > desc') || {}).textContent,
    size: box && [box.width, box.height],
    bars: svg ? [...svg.querySelectorAll('rect.bar')].map(r => ({cls: r.getAttribute('class'), box: bb(r)})) : [],
    points: svg ? [...svg.querySelectorAll('circle.point')].map(c => ({box: bb(c)})) : [],
    years: svg ? [...svg.querySelectorAll('text.year')].map(t => [t.getAttribute('x'), t.textContent.trim()]) : [],
    missing: svg ? [...svg.querySelectorAll('text.missing')].map(t => [t.getAttribute('x'), t.textContent.trim()]) : [],
    head: table ? [...table.querySelectorAll('thead th')].map(c => c.textContent.trim()) : null,
    rows: table ? [...table.querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(c => c.textContent.trim())) : null,
  };
});
"""


def _chart_problems(chart: dict, lang: str) -> list[str]:
    cid = chart["id"]
    p = []
    if not chart["svg"]:
        return [f"{cid}: no svg.chart"]
    if chart["role"] != "img" or not (chart["title"] or "").strip() or not (chart["desc"] or "").strip():
        p.append(f"{cid}: svg needs role=img, a <title> and a <desc> (role={chart['role']!r})")
    w, h = chart["size"]
    if w < 1 or h < 1:
        p.append(f"{cid}: svg not rendered (size {w}×{h})")
    head, rows = chart["head"], chart["rows"]
    if not head or rows is None:
        return p + [f"{cid}: no data table in <details>"]
    if len(head) < 2 or not rows:
        return p + [f"{cid}: data table has no series or no rows ({head}, {len(rows)} rows)"]
    nseries = len(head) - 1
    cols: list[list] = [[] for _ in range(nseries)]  # per series: None (missing) or Figure
    all_missing_years = set()
    for row in rows:
        if len(row) != len(head) or not re.fullmatch(r"[0-9]{4}", row[0]):
            p.append(f"{cid}: bad table row {row}")
            continue
        vals = []
        for i, cell in enumerate(row[1:]):
            if cell == MISSING[lang]:
                vals.append(None)
            else:
                try:
                    vals.append(parse_figure(cell, lang))
                except ValueError as e:
                    p.append(f"{cid} {row[0]} '{head[i + 1]}': {e}")
                    vals.append(None)
            cols[i].append(vals[-1])
        if all(v is None for v in vals):
            all_missing_years.add(row[0])
    kind = KNOWN_CHARTS.get(cid)
    if kind is None:  # a chart these checks do not know yet: tell its kind from its marks
        has_bars, has_points = bool(chart["bars"]), bool(chart["points"])
        kind = "bars+share" if has_bars and has_points else "line" if has_points else "bars"
    recorded = [sum(v is not None for v in c) for c in cols]
    positive = [sum(v is not None and v.value > 0 for v in c) for c in cols]
    bar_cols = list(range(nseries)) if kind == "bars" else list(range(nseries - 1)) if kind == "bars+share" else []
    want_bars = sum(positive[i] for i in bar_cols)
    want_points = (
        sum(recorded) if kind == "line" else recorded[-1] if kind == "bars+share" else 0
    )
    if len(chart["bars"]) != want_bars:
        p.append(
            f"{cid} ({kind}): {len(chart['bars'])} rect.bar but the table has {want_bars} values > 0 "
            f"(per series {[positive[i] for i in bar_cols]})"
        )
    if len(chart["points"]) != want_points:
        p.append(f"{cid} ({kind}): {len(chart['points'])} circle.point but the table has {want_points} recorded values")
    # Stacked bars say their series (class 's0', 's1', …): count per series too.
    if bar_cols and all(re.search(r"\bs[0-9]+\b", b["cls"] or "") for b in chart["bars"]):
        for i in bar_cols:
            n = sum(bool(re.search(rf"\bs{i}\b", b["cls"])) for b in chart["bars"])
            if n != positive[i]:
                p.append(f"{cid}: {n} rect.bar.s{i} for '{head[i + 1]}' but {positive[i]} values > 0")
    if kind == "bars+share":
        bad = [v for v in cols[-1] if v is not None and v.kind != "pct"]
        if bad:
            p.append(f"{cid}: the last column '{head[-1]}' must be a share in percent: {bad}")
    for what, marks in (("rect.bar", chart["bars"]), ("circle.point", chart["points"])):
        flat = [m for m in marks if m["box"][0] <= 0 or m["box"][1] <= 0]
        if flat:
            p.append(f"{cid}: {len(flat)} {what} with an empty box")
    # 'n.d.' drawn at exactly the years without any data.
    year_at = {x: y for x, y in chart["years"]}
    drawn_missing = set()
    for x, text in chart["missing"]:
        if text != MISSING[lang]:
            p.append(f"{cid}: missing-year text {text!r}, expected {MISSING[lang]!r}")
        drawn_missing.add(year_at.get(x, f"x={x}"))
    if drawn_missing != all_missing_years:
        p.append(
            f"{cid}: '{MISSING[lang]}' drawn for {sorted(drawn_missing)} but the years without data are "
            f"{sorted(all_missing_years)}"
        )
    return p


def test_every_chart_is_drawn(page):
    page.load(1280)
    charts = page.js(CHARTS_JS)
    ids = [c["id"] for c in charts]
    problems = [f"chart {k} is missing from the page" for k in KNOWN_CHARTS if k not in ids]
    for c in charts:
        problems += _chart_problems(c, page.lang)
    assert not problems, f"{page.lang}: charts not drawn as their tables say:\n  " + "\n  ".join(problems)


# --------------------------------------------------------------------------
# 1b. nothing overflows the page width

OVERFLOW_JS = r"""
const W = window.innerWidth, all = [], roots = [];
for (const el of document.querySelectorAll('body, body *')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  if (r.right + window.scrollX <= W + 1) continue;
  const sec = el.closest('figure, section, header, footer');
  const where = sec ? (sec.id ? '#' + sec.id + ' ' : '') + '"' +
      ((sec.querySelector('h1, h2, figcaption') || {}).textContent || '').trim().slice(0, 45) + '"' : '(body)';
  const item = {tag: el.tagName.toLowerCase(), cls: el.getAttribute('class') || '',
                right: Math.round(r.right + window.scrollX), where: where,
                html: el.outerHTML.replace(/\s+/g, ' ').slice(0, 150)};
  all.push(item);
  const pr = el.parentElement && el.parentElement.getBoundingClientRect();
  if (!pr || pr.right + window.scrollX <= W + 1) roots.push(item);
}
return {W: W, scrollWidth: document.documentElement.scrollWidth, all: all, roots: roots};
"""


def _fmt_el(e: dict) -> str:
    cls = f".{e['cls'].replace(' ', '.')}" if e["cls"] else ""
    return f"<{e['tag']}{cls}> right={e['right']} in {e['where']}: {e['html']}"


@per_width
def test_nothing_overflows_the_width(request, page, width):
    page.load(width)
    failures, seen = [], None
    for state in ("details closed", "details open"):
        if state == "details open":
            page.js("document.querySelectorAll('details').forEach(d => d.open = true)")
        r = page.js(OVERFLOW_JS)
        if r["scrollWidth"] <= r["W"] and not r["all"]:
            continue
        if seen == (r["scrollWidth"], r["all"]):
            failures.append(f"[{state}] the same")
            continue
        seen = (r["scrollWidth"], r["all"])
        lines = [f"[{state}] scrollWidth {r['scrollWidth']} > innerWidth {r['W']}" if r["scrollWidth"] > r["W"]
                 else f"[{state}] scrollWidth {r['scrollWidth']} ≤ innerWidth {r['W']}",
                 f"  {len(r['all'])} elements end past {r['W'] + 1} px; outermost ones ({len(r['roots'])}):"]
        lines += ["    " + _fmt_el(e) for e in r["roots"][:8]]
        lines.append("  first offenders:")
        lines += ["    " + _fmt_el(e) for e in r["all"][:10]]
        failures.append("\n".join(lines))
    assert not failures, f"{page.lang} at {width} px:\n" + "\n".join(failures)


# A figure broken over two lines ('17 950' / '000,00 €') is misread; this is not
# in the overflow check above because wrapping is not overflowing.
SPLIT_JS = r"""
const re = new RegExp(arguments[0], 'gu');
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {acceptNode: n =>
  n.parentElement.closest('svg, script, style, .footnotes') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
const out = [];
let n;
while ((n = walker.nextNode())) {
  for (const m of n.textContent.matchAll(re)) {
    if (!/\s/.test(m[0])) continue;
    const range = document.createRange();
    range.setStart(n, m.index);
    range.setEnd(n, m.index + m[0].length);
    const rects = [...range.getClientRects()].filter(x => x.width > 0 && x.height > 0);
    if (rects.length < 2) continue;
    const maxTop = Math.max(...rects.map(x => x.top)), minBottom = Math.min(...rects.map(x => x.bottom));
    if (maxTop >= minBottom - 1) {
      const el = n.parentElement;
      out.push({figure: m[0], tag: el.tagName.toLowerCase(), cls: el.getAttribute('class') || '',
                key: el.getAttribute('data-key') || '', width: Math.round(el.getBoundingClientRect().width),
                html: el.outerHTML.replace(/\s+/g, ' ').slice(0, 150)});
    }
  }
}
return out;
"""
FIGURE_RE = {
    # a French figure with its group spaces and its unit (€, %, h)
    "fr": r"(?<![\p{L}0-9,.])[+\-]?[0-9]{1,3}(?: [0-9]{3})*(?![0-9])(?:,[0-9]+)?(?: (?:€|%|h(?!\p{L})))?",
    # an English figure followed by its unit word 'h' (the only space an English figure has)
    "en": r"(?<![\p{L}0-9,.])[+\-]?€?[0-9]{1,3}(?:,[0-9]{3})*(?![0-9])(?:\.[0-9]+)?%?(?: h(?!\p{L}))?",
}


@per_width
def test_no_figure_is_split_across_lines(request, page, width):
    page.load(width)
    page.js("document.querySelectorAll('details').forEach(d => d.open = true)")
    split = page.js(SPLIT_JS, FIGURE_RE[page.lang])
    assert not split, f"{page.lang} at {width} px: {len(split)} figures broken across lines:\n  " + "\n  ".join(
        f"{s['figure']!r} in <{s['tag']} class={s['cls']!r} data-key={s['key']!r}> ({s['width']} px wide): {s['html']}"
        for s in split
    )


# --------------------------------------------------------------------------
# 1c. the figures in the DOM are those of `ess bilan Y --format json`

FIGURES_JS = r"""
return [...document.querySelectorAll('[data-key]')].map(e => ({
  key: e.getAttribute('data-key'), tag: e.tagName.toLowerCase(), cls: e.getAttribute('class') || '',
  text: e.textContent.trim()}));
"""


@pytest.mark.parametrize(
    "key,text,expected,lang,ok",
    [
        ("procurement.insertion_hours", "483 442 h", 483442, "fr", True),
        ("procurement.insertion_hours", "483,442 h", 483442, "en", True),
        ("procurement.insertion_hours", "483 443 h", 483442, "fr", False),
        ("procurement.insertion_hours", "483\u00a0442 h", 483442, "fr", False),  # grouping is U+0020
        ("procurement.insertion_hours", "483442 h", 483442, "fr", False),
        ("procurement.ess_amount_eur", "17 950 000,00 €", Decimal("17950000"), "fr", True),
        ("procurement.ess_amount_eur", "€17,950,000.00", Decimal("17950000"), "en", True),
        ("procurement.amount_eur", "83 652 602,50 €", Decimal("83652602.5"), "fr", True),
        ("procurement.amount_eur", "83 652 602,51 €", Decimal("83652602.5"), "fr", False),
        ("procurement.amount_eur", "83 652 602 €", Decimal("83652602"), "fr", False),  # cents are written
        ("procurement.social_clause_share", "23 %", Decimal("0.23"), "fr", True),
        ("procurement.social_clause_share", "23%", Decimal("0.23"), "en", True),
        ("procurement.social_clause_share", "0,23", Decimal("0.23"), "fr", False),
        ("procurement.beneficiaries_qpv_share", "24 %", Decimal("0.24074074074074073"), "fr", True),
        ("procurement.sme_share", "24 %", Decimal("0.235"), "fr", True),  # half up
        ("procurement.sme_share", "23 %", Decimal("0.235"), "fr", False),
        ("procurement.sme_share", "—", None, "fr", True),
        ("procurement.sme_share", "0 %", None, "en", False),
        ("procurement.sme_share", "—", Decimal("0"), "en", False),
        ("reported.x.attendees.E", "1 400 personnes", 1400, "fr", True),
        ("reported.x.attendees.E", "1,400 people", 1400, "en", True),
        ("reported.x.share.E", "48 %", 48, "fr", True),
        ("reported.x.revenue.E", "€377,000", 377000, "en", True),
        ("reported.x.revenue.E", "377 001 €", 377000, "fr", False),
    ],
)
def test_figure_reading(key, text, expected, lang, ok):
    """The reading of figures that the JSON comparison below relies on."""
    why = figure_mismatch(key, text, expected, lang)
    assert (why is None) == ok, why or f"{text!r} read as {expected} but should not be"


def test_figures_equal_the_json(page, indicators):
    page.load(1280)
    cells = page.js(FIGURES_JS)
    problems = []
    tds = [c for c in cells if c["tag"] == "td" and "num" in c["cls"].split()]
    heads = [c for c in cells if c["tag"] == "span" and "value" in c["cls"].split()]
    if len(heads) != 6:
        problems.append(f"{len(heads)} headline span.value[data-key], expected 6")
    for c in cells:
        if c["key"] not in indicators:
            problems.append(f"<{c['tag']}.{c['cls']} data-key={c['key']!r}> {c['text']!r}: no such key in the JSON")
            continue
        why = figure_mismatch(c["key"], c["text"], indicators[c["key"]], page.lang)
        if why:
            problems.append(f"<{c['tag']}.{c['cls']} data-key={c['key']!r}>: {why}")
    shown = {c["key"] for c in tds}
    absent = [k for k in indicators if k not in shown]
    if absent:
        problems.append(f"JSON indicators with no td.num[data-key] on the page: {absent}")
    assert not problems, f"{page.lang}: {len(problems)} figures differ from the JSON:\n  " + "\n  ".join(problems)


# --------------------------------------------------------------------------
# 1d. axe-core: no WCAG 2.0/2.1 A/AA violation

WCAG_TAGS = {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}


def test_axe_finds_no_wcag_violation(page):
    from axe_selenium_python import Axe

    page.load(1280)
    script = os.environ.get("ESS_AXE_SCRIPT")
    axe = Axe(page.driver, script) if script else Axe(page.driver)
    axe.inject()
    results = axe.run()
    version = page.js("return window.axe && axe.version")
    bad = [v for v in results["violations"] if WCAG_TAGS & set(v.get("tags", []))]
    assert not bad, f"{page.lang}: axe-core {version} found {len(bad)} WCAG A/AA violations:\n  " + "\n  ".join(
        f"{v['id']} ({v.get('impact')}, {len(v['nodes'])} nodes, tags {sorted(WCAG_TAGS & set(v['tags']))}): "
        f"{v.get('help', '')}; first: {v['nodes'][0]['html'][:200] if v['nodes'] else '-'}"
        for v in bad
    )


# --------------------------------------------------------------------------
# 1e. a full-page screenshot of each page


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


@per_width
def test_full_page_screenshot(page, width, out_dir):
    page.load(width)
    height = page.js("return document.documentElement.scrollHeight")
    chrome = page.js("return window.outerHeight - window.innerHeight")
    page.driver.set_window_size(width, height + chrome)
    inner = page.js("return [window.innerWidth, window.innerHeight, document.documentElement.scrollHeight]")
    assert inner == [width, height, height], (
        f"the window does not hold the whole page: innerWidth, innerHeight, scrollHeight = {inner}, "
        f"expected {[width, height, height]}"
    )
    shot = out_dir / f"bilan-{YEAR}-{page.lang}-{width}.png"
    assert page.driver.save_screenshot(str(shot)), f"no screenshot written to {shot}"
    assert _png_size(shot) == (width, height), f"{shot}: {_png_size(shot)}, expected {(width, height)}"


# --------------------------------------------------------------------------
# 2. the PDF


@pytest.fixture(scope="session")
def pdf(journal, out_dir) -> Path:
    f = out_dir / f"bilan-{YEAR}-fr.pdf"
    r = run_ess("bilan", str(YEAR), "--format", "pdf", "-o", str(f), "--journal", str(journal))
    assert r.returncode == 0, f"ess bilan --format pdf failed ({r.returncode}): {r.stderr.decode()}"
    assert f.read_bytes()[:4] == b"%PDF", f"{f} is not a PDF"
    return f


@pytest.fixture(scope="session")
def pdf_text(pdf) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    pdf.with_suffix(".txt").write_text(text)
    return text


def test_pdf_text_has_the_headline_figures(pdf_text):
    missing = [s for s in (*PDF_FIGURES, PDF_TITLE) if s not in pdf_text]
    assert not missing, f"`pdftotext page.pdf -` lacks {missing}"


def test_pdf_pages_are_a4(pdf):
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, check=True
    ).stdout.decode()
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])
    sizes = re.findall(r"^Page\s+(\d+) size:\s+([0-9.]+) x ([0-9.]+) pts", info, re.M)
    assert pages >= 1 and len(sizes) == pages, info
    off = [(n, w, h) for n, w, h in sizes if abs(float(w) - A4_PT[0]) > 1 or abs(float(h) - A4_PT[1]) > 1]
    assert not off, f"pages not A4 (595 x 842 pt ± 1): {off}"


# --------------------------------------------------------------------------
# 3. refusals


@pytest.fixture(scope="session")
def pdf_without_output(journal):
    return run_ess("bilan", str(YEAR), "--format", "pdf", "--journal", str(journal))


def test_pdf_without_output_exits_2(pdf_without_output):
    r = pdf_without_output
    err = r.stderr.decode()
    assert r.returncode == 2, f"exit {r.returncode}, expected 2; stderr: {err!r}"
    assert r.stdout == b"", f"wrote {len(r.stdout)} bytes to stdout"
    first = err.strip().splitlines()[0] if err.strip() else ""
    assert "-o" in first, f"the message does not ask for -o: {err!r}"


def test_pdf_without_output_says_one_line(pdf_without_output):
    lines = pdf_without_output.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].strip(), f"stderr is {len(lines)} lines, expected one: {lines}"


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")  # as ess looks for them
BROWSER_DIRS = ("/usr/bin", "/usr/local/bin", "/bin", "/usr/sbin", "/usr/local/sbin", "/sbin")


def test_pdf_without_chromium_says_how_to_install_it(journal, tmp_path):
    """ess looks for Chromium on PATH and also in /usr/bin and /usr/local/bin, so an
    installed Chromium cannot be hidden with PATH alone. When one is installed, ess
    runs in a private mount namespace (`unshare -m`, as root) where each browser
    file is covered by /dev/null (not executable): ess itself finds no browser.
    Where that is not possible the check is skipped, never faked."""
    empty = tmp_path / "empty-path"
    empty.mkdir()
    out = tmp_path / "none.pdf"
    cmd = [_ess_bin(), "bilan", str(YEAR), "--format", "pdf", "-o", str(out), "--journal", str(journal)]
    installed = sorted(
        {os.path.realpath(os.path.join(d, b)) for d in BROWSER_DIRS for b in BROWSERS if os.path.exists(os.path.join(d, b))}
    )
    if installed:
        unshare, mount = shutil.which("unshare"), shutil.which("mount") or "/bin/mount"
        if not unshare:
            pytest.skip(f"Chromium is installed ({installed}) and there is no unshare(1) to hide it")
        ns = [unshare, "-m", "--propagation", "private", "/bin/sh", "-c"]
        probe = subprocess.run([*ns, f"{mount} --bind /dev/null /dev/null"], capture_output=True)
        if probe.returncode != 0:
            pytest.skip(
                f"Chromium is installed ({installed}) and it cannot be hidden here (no private mount "
                f"namespace: {probe.stderr.decode().strip()})"
            )
        script = "\n".join(
            [f"{mount} --bind /dev/null {shlex.quote(p)} || exit 96" for p in installed]
            + [f"[ ! -x {shlex.quote(p)} ] || exit 97" for p in installed]
            + ['exec "$@"']
        )
        cmd = [*ns, script, "sh", *cmd]
    r = subprocess.run(
        cmd, capture_output=True, env={**os.environ, "PATH": str(empty)}, stdin=subprocess.DEVNULL, timeout=60
    )
    err = r.stderr.decode()
    assert r.returncode not in (96, 97), f"could not hide the installed Chromium: {err!r}"
    lines = err.strip().splitlines()
    assert r.returncode == 2, f"exit {r.returncode}, expected 2; stderr: {err!r}"
    assert len(lines) == 1, f"expected a one-line message, got {lines}"
    assert "chromium" in err.lower() and "install" in err.lower(), f"the message does not say to install Chromium: {err!r}"
    assert r.stdout == b"", f"wrote {len(r.stdout)} bytes to stdout"
    assert not out.exists(), f"{out} was written without a browser"
