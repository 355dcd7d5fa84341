"""Performance changes that must not change output: the streamed, parallel
translation of many documents (the DOCX writer's rows: tests/test_emit_docx.py)."""

from __future__ import annotations

from pipeline.model import Segment
from pipeline.translate import translate_stream


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
