"""Fuzzing (Hypothesis) of the stages that read untrusted text: the sentence segmenter,
the number parser, the glossary matcher and the file readers (.txt/.md bytes and
damaged .docx archives). None may crash: a reader either returns a Document or raises
InputError (one line naming the file); the others return sound spans.

``make test`` runs these with Hypothesis's default example count; ``make fuzz`` runs
them with ≥ 2,000 examples each (profile ``es2en-fuzz``, registered in conftest.py).
A crash found here becomes a regression test at the bottom of this file.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
#: No max_examples here: the loaded profile decides (default, or es2en-fuzz for make fuzz).
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                       HealthCheck.filter_too_much])

#: Pieces the code under test treats specially, so examples reach its branches.
_SPANISH = st.sampled_from(
    ["Sr.", "Dra.", "EE. UU.", "etc.", "p. ej.", "J. ", "1. ", "...", "…", "¿", "?", "¡", "!", "«", "»", "“", "”",
     "\"", "'", "(", ")", "[", "]", "—", "-", ",", ";", ":", ".", " ", "\n", "\n\n", "\t", "\u00a0", "\u200b",
     "www.ejemplo.es", "https://x.es/a?b=1", "`código`", "*énfasis*", "[enlace](http://a.b)", "# ", "- ", "> ",
     "El", "la", "casa", "Mañana", "año", "ñ", "É", "ﬁ", "\u0301", "İ", "ß"])
_NUMBERS = st.sampled_from(
    ["1", "2", "38", "1.000", "1,5", "38.000", "1.234,56", "1,234.56", "2025", "0", "007", "%", "€", "$", "US$",
     "millones", "mil", "billones", "millardos", "de", "dólares", "euros", "pesos", "por ciento", "un", "dos",
     "tres", "medio", "cuarto", "primer", "1.º", "2ª", "XXI", "enero", "de 2025", "el 3 de mayo", "1/2", "-",
     "–", "+", "a", "entre", "y", "hasta", "km", "°C", "1e5", "٣", "１２", "½", " ", ",", ".", "\u00a0"])


def _mix(pieces):
    return st.one_of(st.text(max_size=80), st.lists(st.one_of(pieces, st.text(max_size=4)), max_size=60).map("".join))


# ----------------------------------------------------------------- segmenter


@FUZZ
@given(_mix(_SPANISH))
@example("")
@example("Sr. . . .")
def test_segmenter_spans_cover_the_text_in_order(text):
    from pipeline.segment import sentence_spans

    spans = sentence_spans(text)
    pos = 0
    for start, end in spans:
        assert pos <= start < end <= len(text)
        assert not text[pos:start].strip()  # only whitespace between sentences
        assert text[start:end].strip() == text[start:end]
        pos = end
    assert not text[pos:].strip()


@FUZZ
@given(_mix(_SPANISH))
def test_markdown_blocks_segment_without_losing_text_or_cutting_spans(text):
    """Segmenting a Markdown block keeps every character of it and never cuts a reader
    span (code, URL, link): each span lands whole in one segment."""
    from pipeline.run import segment_block

    try:
        doc = _markdown(text)
    except InputError:
        return
    for n, block in enumerate(doc.blocks, 1):
        if not block.translatable:
            continue
        segs = segment_block(doc.id, n, block)
        assert "".join(block.text.split()) == "".join("".join(s.source for s in segs).split())
        assert sum(len(s.spans) for s in segs) == len(block.spans)
        for seg in segs:
            for span in seg.spans:
                assert seg.source[span.start:span.end] == span.text


def _markdown(text: str):
    from pipeline.ingest.markdown import read_markdown

    tmp = _TMP / "fuzz.md"
    tmp.write_text(text, encoding="utf-8", errors="surrogatepass")
    return read_markdown(tmp, "fuzz")


# ----------------------------------------------------------------- numbers


@FUZZ
@given(_mix(_NUMBERS), st.sampled_from(["auto", "es_ES", "es_MX", "es_AR"]),
       st.sampled_from(["auto", "usd", "local"]))
@example("1.000.000.000.000.000.000.000.000 de billones de dólares", "auto", "auto")
@example("$" * 50 + "1" * 400, "es_MX", "usd")
def test_number_parser_spans_are_sound(text, locale, dollar):
    from pipeline.numbers import NumberOptions, find_numbers, infer_locale

    options = NumberOptions(source_locale=locale, dollar_sign=dollar)
    guess = infer_locale(text, options)
    spans = find_numbers(text, guess, options)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert s.target is None or isinstance(s.target, str)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


@FUZZ
@given(_mix(_NUMBERS))
def test_english_number_reader_never_crashes(text):
    from pipeline.numbers import parse_english_numbers

    assert isinstance(parse_english_numbers(text), list)


# ----------------------------------------------------------------- glossary


_TERMS = st.lists(
    st.tuples(st.text(st.sampled_from("abcdeñáéIAUD+.- ()"), min_size=1, max_size=12).filter(lambda s: s.strip()),
              st.text(st.sampled_from("abcdefgh XYZ-"), min_size=1, max_size=12).filter(lambda s: s.strip())),
    min_size=1, max_size=8)


@FUZZ
@given(_TERMS, _mix(st.sampled_from(["IA", "I+D", "ñandú", "de", "la", "(", ")", "-", ".", "A", "abc", "é"])))
def test_glossary_matcher_spans_are_sound(terms, text):
    from pipeline.glossary import Entry, Glossary

    entries = []
    for es, en in terms:
        try:
            entries.append(Entry(es=es.strip(), en=en.strip()))
        except (ValueError, TypeError):
            continue
    if not entries:
        return
    matcher = Glossary.from_entries(entries).matcher()
    spans = matcher.find(text)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text and s.target
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


@FUZZ
@given(st.binary(max_size=400), st.sampled_from([".tsv", ".csv", ".tbx"]))
@example(b"es\ten\n\x00\t\x00\n", ".tsv")
@example(b'es,en\n"a,b\n', ".csv")
def test_glossary_file_readers_raise_only_input_error(data, suffix):
    from pipeline.glossary import read_glossary_file

    path = _TMP / f"fuzz{suffix}"
    path.write_bytes((b"es\ten\n" if suffix == ".tsv" else b"es,en\n" if suffix == ".csv" else b"") + data)
    try:
        gf = read_glossary_file(path)
    except InputError as err:
        assert "\n" not in str(err) and str(path) in str(err)
    else:
        assert all(e.es and e.en for e in gf.entries)


# ----------------------------------------------------------------- readers


@FUZZ
@given(st.one_of(st.binary(max_size=600), _mix(_SPANISH).map(lambda t: t.encode("utf-8", "surrogatepass")),
                 _mix(_SPANISH).map(lambda t: t.encode("utf-16")),
                 _mix(_SPANISH).map(lambda t: t.encode("cp1252", "replace"))),
       st.sampled_from([".txt", ".md"]))
@example(b"\xef\xbb\xbf\x00", ".txt")
@example(b"\xff\xfe\x00\xd8", ".md")
def test_text_readers_return_a_document_or_a_one_line_input_error(data, suffix):
    from pipeline.ingest import read_document

    path = _TMP / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except InputError as err:
        assert "\n" not in str(err) and str(err).startswith(str(path))
        return
    assert any(b.translatable for b in doc.blocks)
    for b in doc.blocks:
        for s in b.spans:
            assert b.text[s.start:s.end] == s.text


def _valid_docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_heading("Informe", level=1)
    d.add_paragraph("Mi hermano come una manzana. La casa es grande.")
    t = d.add_table(rows=2, cols=2)
    for i, cell in enumerate(t._cells):
        cell.text = f"Celda {i}"
    d.add_paragraph("Último párrafo.", style="List Bullet")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


_DOCX = None


def _docx_bytes() -> bytes:
    global _DOCX
    if _DOCX is None:
        _DOCX = _valid_docx()
    return _DOCX


def _rezip(original: bytes, member: str, mutate) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == member:
                data = mutate(data)
            dst.writestr(item.filename, data)
    return out.getvalue()


@FUZZ
@given(st.data())
def test_damaged_docx_returns_a_document_or_a_one_line_input_error(data):
    """Byte flips and truncations of the archive, and edits of the XML inside it."""
    original = _docx_bytes()
    how = data.draw(st.sampled_from(["flip", "truncate", "xml", "drop"]))
    if how == "flip":
        blob = bytearray(original)
        for pos in data.draw(st.lists(st.integers(0, len(blob) - 1), min_size=1, max_size=8)):
            blob[pos] = data.draw(st.integers(0, 255))
        blob = bytes(blob)
    elif how == "truncate":
        blob = original[: data.draw(st.integers(0, len(original)))]
    else:
        with zipfile.ZipFile(io.BytesIO(original)) as zf:
            names = zf.namelist()
        member = data.draw(st.sampled_from(names))
        if how == "drop":
            out = io.BytesIO()
            with zipfile.ZipFile(io.BytesIO(original)) as src, zipfile.ZipFile(out, "w") as dst:
                for item in src.infolist():
                    if item.filename != member:
                        dst.writestr(item.filename, src.read(item))
            blob = out.getvalue()
        else:
            cut = data.draw(st.integers(0, 4000))
            junk = data.draw(st.binary(max_size=20))
            blob = _rezip(original, member, lambda b: b[:cut] + junk + b[cut + len(junk):])
    path = _TMP / "fuzz.docx"
    path.write_bytes(blob)
    from pipeline.ingest import read_document

    try:
        doc = read_document(path)
    except InputError as err:
        assert "\n" not in str(err) and str(err).startswith(str(path))
        return
    assert any(b.translatable for b in doc.blocks)


# ----------------------------------------------------------------- plumbing

_TMP: Path


@pytest.fixture(autouse=True, scope="module")
def _fuzz_dir(tmp_path_factory):
    global _TMP
    _TMP = tmp_path_factory.mktemp("fuzz")
    yield


def test_profiles_give_at_least_2000_examples_under_make_fuzz():
    fuzz = settings.get_profile("es2en-fuzz")
    assert fuzz.max_examples >= 2000


# ----------------------------------------------------------------- regressions found by fuzzing


def test_regression_zero_width_only_text_is_no_text_to_translate(tmp_path):
    """Found by test_text_readers_*: a .txt of ZWSP/NBSP lines became a 'paragraph'
    of invisible characters sent to the engine."""
    from pipeline.ingest import read_document

    p = tmp_path / "invisible.txt"
    p.write_text("\u200b\n\u00a0\u200b\n\ufeff\u00ad\n", encoding="utf-8")
    with pytest.raises(InputError, match="no text to translate"):
        read_document(p)


def test_regression_docx_with_a_damaged_compressed_member(tmp_path):
    """Found by test_damaged_docx_*: one byte of a deflated member changed, so that
    zipfile's CRC check decompresses garbage: zlib.error escaped as a traceback."""
    from pipeline.ingest import read_document

    blob = bytearray(_valid_docx())
    blob[49] = 0
    p = tmp_path / "danado.docx"
    p.write_bytes(bytes(blob))
    with pytest.raises(InputError, match=r"corrupt \.docx: Error -3 while decompressing data"):
        read_document(p)
