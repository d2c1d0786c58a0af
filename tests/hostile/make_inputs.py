"""Hostile and broken report files, each made from a real seed report in content/reports.

Every generator starts from a seed as it arrived and breaks it the way reports really
break, or puts an attack where a publisher's page carries a name, a heading or an FAQ
entry. `hostile_reports` gives them all with the outcome each must have, so one run of
`brief extract` over them and the five seeds shows which are refused (one line each) and
which are extracted (every good one).
"""

from __future__ import annotations

import html
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.extract.seeds import seed_path, seed_text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "site"))
from make_brief import RAW, SCRIPT, TEMPLATE  # noqa: E402  the strings pages are tested with

SEED_MARKETS = {
    "000": "United States Biopharmaceutical CMO Services Market",
    "001": "United States CMO/CDMO Market",
    "002": "Contract Manufacturing Organization Services Market",
    "003": "Contract Bio-manufacturing Organization (CMO) Market",
    "004": "North America Biopharmaceuticals Contract Manufacturing Market",
}
"""The market each seed names, as its own title or headline sentence writes it."""

IMG = "<img src=x onerror=alert(1)>"
SVG = "<svg onload=alert(1)>"
LIVE_MARK = "live-payload"
LIVE = (
    f'<script>alert("{LIVE_MARK}")</script><img src=x onerror=alert("{LIVE_MARK}")>'
    f'<svg onload=alert("{LIVE_MARK}")></svg><a href="javascript:alert({LIVE_MARK!r})">run</a>'
)
"""Live markup in a report: none of it may reach the data (nor, so, any page)."""

ESCAPING_NAMES = ("../../etc/passwd", "..", "CON", "富士フイルム市場", "x" * 600)
"""Names that try to leave the output folder, hit a reserved name, or break a file system."""

HUGE_BYTES = 20 * 1024 * 1024
NEAR_LIMIT_BYTES = 1_900_000
"""Just under the 2 MB a report may have: the longest text extraction must read in time."""
SCRIPT_NAMES = ("三菱 Chemical", "住友 Chemical", "東レ Chemical")
"""Companies told apart only by their first, non-Latin word."""
LOOK_ALIKE = "Lonz\u0430"
""""Lonza" with a Cyrillic "а": the same name to a reader, another one to a computer."""
RIGHT_TO_LEFT = "Sam\u202esung Biologics"
"""A right-to-left override inside a name: shown reversed, copied invisibly."""


def replace(text: str, old: str, new: str, count: int = -1) -> str:
    """`str.replace` that fails loudly when the seed no longer holds what it replaces."""
    assert old in text, f"the seed no longer contains {old!r}"
    return text.replace(old, new, count)


def renamed(prefix: str, name: str) -> str:
    """A seed whose market is called `name` wherever the report names it."""
    return replace(seed_text(prefix), SEED_MARKETS[prefix], name)


# --- Files that are not readable reports -----------------------------------------------


def pdf_renamed() -> bytes:
    """A PDF's header and body bytes, saved with an .html name."""
    body = seed_text("000").encode("latin-1", "replace")
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 9 >>\nstream\n" + body


def binary_noise() -> bytes:
    return random.Random(5).randbytes(8192)


def truncated_mid_tag() -> bytes:
    """Seed 002 cut off inside its first link tag, after the headline paragraphs."""
    text = seed_text("002")
    return text[
        : text.index('<a href="https://www.reliablemarketforecast.com/enquiry/') + 40
    ].encode()


def recipe() -> bytes:
    """A page that is not a market report, in a publisher's markup (seed 002's furniture)."""
    text = seed_text("002")
    head = text[: text.index("<p><strong>Get a Sample PDF")]
    body = (
        "<p><h1>Grandma's Apple Pie</h1></p>"
        "<p>This apple pie has a flaky butter crust and a cinnamon filling. It serves eight.</p>"
        "<p><strong>Ingredients</strong></p><ul><li>6 apples</li><li>1 cup sugar</li></ul>"
        "<p>Bake for 45 minutes at 425 degrees. Pick up apples at the farmers market.</p>"
    )
    return (body + text[len(head) :].split("<p><strong>Contract", 1)[0]).encode()


def huge() -> bytes:
    """Seed 003's body sections repeated until the file holds 20 MB."""
    text = seed_text("003")
    start = text.index("<p><strong>Contract Bio-manufacturing Organization (CMO) Major")
    sections = text[start:]
    repeats = HUGE_BYTES // len(sections.encode()) + 1
    return (text[:start] + sections * repeats).encode()[:HUGE_BYTES]


# --- Readable reports that must be extracted, with what an analyst must know -----------


def cp1252() -> bytes:
    """Seed 002 as an office tool saves it: real "€" and "’" stored as Windows-1252 bytes."""
    text = replace(seed_text("002"), "â‚¬", "€").replace("Patheon's", "Patheon’s")
    return text.encode("cp1252")


def latin1() -> bytes:
    """Seed 004 saved as Latin-1: accented text is single bytes, dashes plain."""
    text = seed_text("004").replace("â€“", "-").replace("ðŸ“Œ", "").replace("&nbsp;", "\xa0")
    text = replace(text, "North America", "Amérique du Nord · North America", 1)
    return text.encode("latin-1")


def without_figures() -> bytes:
    """Seed 001 without its headline figures paragraph."""
    text = seed_text("001")
    start = text.index("<p>CMO/CDMO Market size was valued")
    end = text.index("</p>", start) + len("</p>")
    return (text[:start] + text[end:]).encode()


def contradicting() -> bytes:
    """Seed 000 with a forecast its own CAGR cannot reach, and a second CAGR."""
    text = replace(seed_text("000"), "USD 18.34 Billion by 2030", "USD 48.34 Billion by 2030")
    text = replace(
        text,
        "growing at a CAGR of 7.0% from 2024 to 2030.</p>",
        "growing at a CAGR of 7.0% from 2024 to 2030. Other estimates put the CAGR at 12.5%.</p>",
    )
    return text.encode()


def injected() -> bytes:
    """Seed 002 with payloads as text in its title, a heading, a company and FAQ-like text.

    The payloads are entity-escaped, as a page that shows them as text writes them; `LIVE`
    markup is added too, and must be dropped.
    """
    text = seed_text("002")
    name = SEED_MARKETS["002"]
    text = replace(text, f"<h1>{name} Size", f"<h1>{html.escape(SCRIPT)} {TEMPLATE} {name} Size", 1)
    text = replace(
        text,
        "<strong>Contract Manufacturing Organization Services Major Market Players</strong>",
        f"<strong>Contract Manufacturing {html.escape(SVG)} {RAW} Major Market Players</strong>",
    )
    text = replace(text, "**Teva API**", f"**Teva {html.escape(IMG)} {TEMPLATE} API**")
    segmentation = "<p><strong>Market Segmentation</strong></p>"
    return replace(text, segmentation, LIVE + segmentation).encode()


def injected_faq() -> bytes:
    """Seed 001 with template syntax and escaped markup in its FAQ questions and answers."""
    text = renamed("001", "Canada CMO/CDMO Market")
    text = replace(
        text,
        "<p>What is a CMO/CDMO?</p>",
        f"<p>What is {html.escape(SCRIPT)} {TEMPLATE}?</p>",
    )
    return replace(
        text,
        "third-party companies that provide",
        f"third-party companies {RAW} {html.escape(IMG)} that provide",
    ).encode()


def front_matter(marker: Path) -> bytes:
    """Seed 004 (Markdown title) under YAML front matter that would run a command if loaded."""
    return (
        "---\n"
        "author: Research Desk\n"
        f"title: !!python/object/apply:os.system ['touch {marker}']\n"
        "---\n" + seed_text("004")
    ).encode()


def slug_alike() -> bytes:
    """Seed 001 naming its market so that it slugs like seed 001's own "CMO/CDMO" market."""
    return (
        renamed("001", "United States CMO-CDMO Market")
        .replace("CMO/CDMO Market size was valued", "CMO-CDMO Market size was valued")
        .encode()
    )


def escaping_name(name: str) -> bytes:
    """Seed 000 with its market and one of its companies called `name`."""
    text = renamed("000", f"{name} Market")
    return replace(text, "<li> AGC Biologics</li>", f"<li> {name}</li>").encode()


# --- Long runs and floods, as big as one report may be: linear time or a cap, never more ---


def dash_run(size: int) -> bytes:
    """A report that names no market, then "A-A-A-..." to `size` bytes: a run of capitalised
    words a market-name search can backtrack on."""
    head = "<p>Revenue grew and the forecast CAGR is stable.</p><p>"
    return (head + "A-" * ((size - len(head)) // 2) + "</p>").encode()


def _firm(i: int) -> str:
    """A distinct made-up company name for every `i` ("Aaatech", "Baatech", ...)."""
    return "".join(chr(65 + (i // 26**k) % 26) for k in range(4)).capitalize() + "tech"


def player_sentences(count: int) -> bytes:
    """A forecast, then `count` sentences "Key players include A, B and C.", all new names."""
    sentences = (
        f"Key players include {_firm(3 * i)}, {_firm(3 * i + 1)} and {_firm(3 * i + 2)}."
        for i in range(count)
    )
    return ("<p>The market is forecast to grow. " + " ".join(sentences) + "</p>").encode()


def initials() -> bytes:
    """Seed 000 with one paragraph of "A. A. A. ..." bringing it near the size limit."""
    text = seed_text("000")
    paragraph = "A. " * ((NEAR_LIMIT_BYTES - len(text.encode())) // 3)
    heading = "<h2>Clinical Manufacturing</h2>"
    return replace(text, heading, f"{heading}<p>{paragraph}</p>").encode()


def long_figure() -> bytes:
    """Seed 000 with its base size written as a run of 400 digits."""
    old = "USD 10.56 Billion in 2022"
    return replace(seed_text("000"), old, f"USD {'9' * 400} Billion in 2022").encode()


def script_and_look_alike_names(prefix: str) -> bytes:
    """Seed 000 or 004 listing `SCRIPT_NAMES`; 000 also writes Lonza and Samsung Biologics
    with `LOOK_ALIKE` and `RIGHT_TO_LEFT`, as 004 writes them plainly."""
    text = seed_text(prefix)
    scripts = "".join(f"<li>{name}</li>" for name in SCRIPT_NAMES)
    if prefix == "004":
        return replace(text, "<li>AGC Biologics</li>", scripts).encode()
    text = replace(text, "<li> AGC Biologics</li>", scripts)
    text = replace(text, "<li>Lonza</li>", f"<li>{LOOK_ALIKE}</li>")
    return replace(text, "<li> Samsung BioLogics</li>", f"<li>{RIGHT_TO_LEFT}</li>").encode()


def long_reports() -> dict[str, bytes]:
    """Every long-run, flood and look-alike report, by file name."""
    return {
        "050_dashes_80k.html": dash_run(80_000),
        "051_dashes_1_9m.html": dash_run(NEAR_LIMIT_BYTES),
        "052_players_4000.html": player_sentences(4_000),
        "053_players_20000.html": player_sentences(20_000),
        "054_initials.html": initials(),
        "055_long_figure.html": long_figure(),
        "056_scripts_000.html": script_and_look_alike_names("000"),
        "057_scripts_004.html": script_and_look_alike_names("004"),
    }


@dataclass(frozen=True)
class Hostile:
    name: str
    raw: bytes
    refused: str | None = None
    """What the one error line must say; None when the report must be extracted."""
    warns: str | None = None
    """The code of a warning its market must carry, when extracted."""


def hostile_reports(marker: Path) -> list[Hostile]:
    """Every hostile input, named so that sorting mixes them with the seeds."""
    reports = [
        Hostile("010_empty.html", b"", "the file is empty"),
        Hostile("011_noise.html", binary_noise(), "binary data"),
        Hostile("012_report.pdf.html", pdf_renamed(), "a PDF file"),
        Hostile("013_truncated.html", truncated_mid_tag(), warns="file-truncated"),
        Hostile("014_recipe.html", recipe(), "not a market report"),
        Hostile("015_huge.html", huge(), "MB limit for one report"),
        Hostile("016_cp1252.html", cp1252()),
        Hostile("017_latin1.md", latin1()),
        Hostile("018_no_figures.html", without_figures(), warns="no-figures"),
        Hostile("019_copy_of_000.txt", seed_path("000").read_bytes()),
        Hostile("020_contradicting.html", contradicting(), warns="figures-do-not-add-up"),
        Hostile("021_injected.html", injected()),
        Hostile("022_injected_faq.html", injected_faq()),
        Hostile("023_front_matter.md", front_matter(marker), "front matter"),
        Hostile("024_slug_alike.html", slug_alike()),
    ]
    reports += [
        Hostile(f"{30 + i:03d}_name.html", escaping_name(name))
        for i, name in enumerate(ESCAPING_NAMES)
    ]
    return reports


def write_hostile_folder(folder: Path, marker: Path) -> list[Hostile]:
    """The five seeds and every hostile report, side by side in one folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for prefix in SEED_MARKETS:
        (folder / seed_path(prefix).name).write_bytes(seed_path(prefix).read_bytes())
    reports = hostile_reports(marker)
    for report in reports:
        (folder / report.name).write_bytes(report.raw)
    return reports
