"""Bad input gets one clear BriefError naming the file; odd encodings read correctly."""

from __future__ import annotations

import random

import pytest

from builder.errors import BriefError
from builder.extract import extract_bytes, extract_file
from builder.extractor import EXTRACTOR_VERSION, MAX_REPORT_BYTES

from .seeds import seed_path, seed_text

RECIPE = """<h1>Grandma's Apple Pie</h1>
<p>This apple pie has a flaky butter crust and a cinnamon filling. It serves eight.</p>
<h2>Ingredients</h2>
<ul><li>6 apples, peeled and sliced</li><li>1 cup sugar</li><li>2 tablespoons flour</li></ul>
<h2>Method</h2>
<ol><li>Preheat the oven to 425 degrees.</li><li>Fill the crust and bake for 45 minutes.</li></ol>
<p>Pick up the apples at your local farmers market in the autumn.</p>
"""


def problem(raw: bytes, name: str = "report.txt") -> str:
    with pytest.raises(BriefError) as caught:
        extract_bytes(raw, name)
    assert str(caught.value.path) == name
    return caught.value.problem


def without_source_bytes(record):
    return record.model_dump(exclude={"source": {"sha256"}})


@pytest.mark.parametrize("raw", [b"", b"   \n\t ", b"\xef\xbb\xbf\n"])
def test_empty_file(raw):
    assert problem(raw) == "the file is empty"


def test_binary_file():
    noise = random.Random(7).randbytes(4096)
    assert problem(noise) == "the file holds binary data, not text"


def test_pdf_renamed_to_txt():
    raw = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    assert problem(raw, "005_report.txt") == "this is a PDF file, not an HTML or Markdown report"


@pytest.mark.parametrize(
    ("raw", "what"),
    [(b"PK\x03\x04\x14\x00\x06\x00", "ZIP"), (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG")],
)
def test_other_binary_formats_say_what_they_are(raw, what):
    assert what in problem(raw)


def test_recipe_is_not_a_market_report():
    assert problem(RECIPE.encode()).startswith("not a market report")


def test_truncated_mid_tag_with_nothing_usable():
    text = seed_text("000")
    cut = text[: text.index('" target="_blank">United States')]  # inside the title's <a> tag
    message = problem(cut.encode())
    assert "truncated" in message


def test_truncated_late_keeps_what_is_there_and_warns():
    text = seed_text("000")
    cut = text[: text.index('<a href="https://www.verifiedmarketreports.com/product/') + 30]
    record = extract_bytes(cut.encode(), "000.txt")
    assert record.name == "United States Biopharmaceutical CMO Services Market"
    assert [c.name for c in record.companies][:2] == ["Lonza", "Boehringer Ingelheim"]
    assert record.warnings[0].code == "file-truncated"
    assert record.warnings[0].text == "the file ends inside an HTML tag: it may be truncated"


def test_report_without_figures_is_kept_with_a_warning():
    text = seed_text("001")
    start = text.index("<p>CMO/CDMO Market size was valued")
    end = text.index("</p>", start) + len("</p>")
    record = extract_bytes((text[:start] + text[end:]).encode(), "001.txt")
    assert record.name == "United States CMO/CDMO Market"
    assert record.size == [] and record.cagr is None
    assert "no-figures" in [w.code for w in record.warnings]


def test_cp1252_file_reads_like_its_utf8_original():
    # Seed 002 as an office tool would save it: real "€" and "’" stored as cp1252 bytes.
    text = seed_text("002").replace("â‚¬", "€").replace("Patheon's", "Patheon’s")
    utf8 = extract_bytes(text.encode("utf-8"), "002.txt")
    cp1252 = extract_bytes(text.encode("cp1252"), "002.txt")
    assert without_source_bytes(cp1252) == without_source_bytes(utf8)
    (revenue,) = next(c for c in cp1252.companies if c.name == "Recipharm").revenues
    assert revenue.money.currency == "EUR"
    assert (
        "Patheon’s strong focus"
        in next(c for c in cp1252.companies if c.name == "Patheon").description
    )


def test_latin1_file_reads_like_its_utf8_original():
    text = seed_text("004").replace("â€“", "-").replace("ðŸ“Œ", "").replace("&nbsp;", "\xa0")
    text = text.replace("&rsquo;", "'").replace("&mdash;", "-").replace("&ndash;", "-")
    utf8 = extract_bytes(text.encode("utf-8"), "004.txt")
    latin1 = extract_bytes(text.encode("latin-1"), "004.txt")
    assert without_source_bytes(latin1) == without_source_bytes(utf8)
    assert latin1.size[0].money.amount == 5483.81


def test_utf16_with_bom_reads_like_utf8():
    text = seed_text("003")
    utf8 = extract_bytes(text.encode("utf-8"), "003.txt")
    utf16 = extract_bytes(text.encode("utf-16"), "003.txt")
    assert without_source_bytes(utf16) == without_source_bytes(utf8)


def test_utf8_with_a_stray_cp1252_byte():
    text = seed_text("000")
    raw = text.encode("utf-8").replace(
        b"CMO Services Market size", b"CMO Services Market\x92s size"
    )
    record = extract_bytes(raw, "000.txt")
    assert record.size[0].quote.startswith("Biopharmaceutical CMO Services Market’s size")


def test_unreadable_path_names_the_file(tmp_path):
    missing = tmp_path / "missing.txt"
    with pytest.raises(BriefError) as caught:
        extract_file(missing)
    assert caught.value.path == missing
    assert caught.value.problem.startswith("cannot read the file")


def test_directory_instead_of_file(tmp_path):
    with pytest.raises(BriefError):
        extract_file(tmp_path)


def test_extract_file_names_the_record_after_the_file(tmp_path):
    path = tmp_path / "renamed-report.html"
    path.write_bytes(seed_path("004").read_bytes())
    record = extract_file(path)
    assert record.source.file == "renamed-report.html"
    assert record.publisher == "Credence Research"  # from the text, not from the file name


def test_publisher_is_not_taken_from_the_file_name():
    raw = seed_path("003").read_bytes()
    assert extract_bytes(raw, "verifiedmarketreports.txt").publisher == "Markets CAGR"


def test_version_is_a_string():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


def test_a_file_over_the_size_limit_is_refused_without_being_read(tmp_path):
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:  # sparse: the size is there, the bytes are not
        handle.truncate(MAX_REPORT_BYTES + 1)
    with pytest.raises(BriefError) as caught:
        extract_file(path)
    assert caught.value.path == path
    assert "MB limit for one report" in caught.value.problem


def test_text_over_the_size_limit_is_refused_with_its_size():
    section = seed_text("003").encode()
    raw = section * (MAX_REPORT_BYTES // len(section) + 1)
    assert problem(raw).startswith(f"the file is {len(raw) / 1e6:.1f} MB, over the")
    extract_bytes(raw[:MAX_REPORT_BYTES], "003.txt")  # at the limit it is still read


def with_front_matter(yaml_text: str) -> bytes:
    return f"---\n{yaml_text}---\n{seed_text('004')}".encode()


def test_front_matter_is_metadata_not_report_text():
    plain = extract_bytes(seed_path("004").read_bytes(), "004.md")
    fronted = extract_bytes(with_front_matter("title: Biopharma CMO\ntags: [cmo, usa]\n"), "004.md")
    assert without_source_bytes(fronted) == without_source_bytes(plain)


def test_front_matter_with_a_python_tag_is_refused_and_never_runs(tmp_path):
    marker = tmp_path / "command-ran"
    raw = with_front_matter(
        f"author: Desk\nrun: !!python/object/apply:os.system ['touch {marker}']\n"
    )
    with pytest.raises(BriefError) as caught:
        extract_bytes(raw, "004.md")
    assert caught.value.line == 3  # the file's line, counting the opening "---"
    assert caught.value.problem.startswith("front matter: invalid YAML: could not determine")
    assert not marker.exists()


def test_broken_front_matter_names_its_line():
    with pytest.raises(BriefError) as caught:
        extract_bytes(with_front_matter("title: Biopharma\nsubtitle: CMO: a report\n"), "004.md")
    assert (caught.value.line, caught.value.problem[:26]) == (3, "front matter: invalid YAML")


def test_a_rule_at_the_top_is_not_front_matter():
    raw = f"---\n\n{seed_text('004')}\n---\n".encode()
    assert (
        extract_bytes(raw, "004.md").name == extract_bytes(seed_path("004").read_bytes(), "x").name
    )


def test_names_in_a_script_without_capitals_are_found():
    text = seed_text("000").replace(
        "United States Biopharmaceutical CMO Services Market", "富士フイルム市場 Market"
    )
    record = extract_bytes(
        text.replace("<li> AGC Biologics</li>", "<li> 三星バイオロジクス</li>").encode(), "000.txt"
    )
    assert record.name == "富士フイルム市場 Market"
    assert "三星バイオロジクス" in [c.name for c in record.companies]


@pytest.mark.parametrize("tag", ["svg onload=alert(1)", "math", "template"])
def test_an_unclosed_foreign_element_does_not_swallow_the_rest(tag):
    text = seed_text("000")
    first_paragraph_end = text.index("</p>") + len("</p>")
    hostile = text[:first_paragraph_end] + f"<{tag}><circle/>" + text[first_paragraph_end:]
    clean = extract_bytes(text.encode("utf-8"), "000.txt")
    record = extract_bytes(hostile.encode("utf-8"), "000.txt")
    assert [c.name for c in record.companies] == [c.name for c in clean.companies]
    assert len(record.companies) == 14
    assert record.faq == clean.faq and len(record.faq) == 10


def test_a_bold_company_lead_keeps_its_abbreviation_dot():
    # A bold company paragraph as the Reliable Market Forecast seed (002) writes them.
    text = seed_text("002").replace("**Teva API** operates", "**Teva Pharmaceutical Industries Ltd.** operates")
    names = [c.name for c in extract_bytes(text.encode("utf-8"), "002.txt").companies]
    assert "Teva Pharmaceutical Industries Ltd." in names
