"""Performance changes that must not change output: the DOCX writer's row spooling
(large documents) and the streamed, parallel translation of many documents."""

from __future__ import annotations

import zipfile

from lxml import etree

import pipeline.emit.docx_bilingual as docx_bilingual
from pipeline.model import Segment
from pipeline.translate import translate_stream
from test_emit import RUN, mixed_document


def _parts(path) -> dict[str, bytes]:
    out = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name)
            if name.endswith((".xml", ".rels")) and name != "docProps/core.xml":  # core.xml: timestamps
                data = etree.tostring(etree.fromstring(data), method="c14n")
            out[name] = data
    return out


def test_spooled_docx_rows_are_the_same_document(tmp_path, monkeypatch):
    doc = mixed_document()
    plain = tmp_path / "plain.docx"
    docx_bilingual.write_bilingual_docx(doc, plain, RUN)
    monkeypatch.setattr(docx_bilingual, "SPOOL_ROWS", 1)
    spooled = tmp_path / "spooled.docx"
    docx_bilingual.write_bilingual_docx(doc, spooled, RUN)
    a, b = _parts(plain), _parts(spooled)
    assert a.keys() == b.keys()
    assert a == {k: b[k] if k != "docProps/core.xml" else a[k] for k in b}


class _Echo:
    """An engine that upper-cases, recording the batches it gets."""

    name, version, max_input_tokens, markup = "echo", "1", None, False
    parallel_batches = 2

    def __init__(self):
        self.batches = []

    def translate_batch(self, texts):
        self.batches.append(len(texts))
        return [t.upper() for t in texts]

    def count_tokens(self, text):
        return len(text.split())

    def close(self):
        pass


def test_translate_stream_finishes_items_in_order_with_every_segment():
    engine = _Echo()
    docs = {f"d{i}": [Segment(f"d{i}/1/{j}", f"frase {i} {j}") for j in range(i * 7)] for i in range(6)}
    docs["d3"][0].target = "from memory"
    events = list(translate_stream(docs.items(), engine, chunk=10))
    items = [key for kind, key, _ in events if kind == "item"]
    assert items == list(docs)
    batched = [s for kind, _, segs in events if kind == "batch" for s in segs]
    assert len(batched) == sum(len(v) for v in docs.values()) - 1
    for key, segs in docs.items():
        for s in segs:
            assert s.target == ("from memory" if s.id == "d3/1/0" else s.source.upper())
    # Each batch event comes before its item's "item" event.
    seen = set()
    for kind, key, _ in events:
        if kind == "item":
            seen.add(key)
        else:
            assert key not in seen
