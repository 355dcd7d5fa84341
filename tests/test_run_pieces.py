"""How a document is cut into pieces for the engine stream (run._pieces)."""

from __future__ import annotations

import pytest

from pipeline.run import _pieces
from pipeline.translate import first_batch


@pytest.mark.parametrize("n", [0, 1, 63, 64, 65, 128, 129, 511, 512, 513, 600, 3053, 10_000])
@pytest.mark.parametrize("first", [False, True])
@pytest.mark.parametrize("last", [False, True])
def test_pieces_cover_the_document_in_order_with_small_ends(n, first, last):
    cuts = _pieces(n, 512, first=first, last=last)
    assert cuts[0][0] == 0 and cuts[-1][1] == n
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))  # contiguous, in order
    sizes = [end - start for start, end in cuts]
    assert all(0 < s <= 512 for s in sizes) or n == 0
    small = first_batch(512)
    if first and n > small:
        assert sizes[0] == small
    if last and n > 2 * small:
        assert sizes[-1] == small
    if not first and not last:
        assert sizes[:-1] == [512] * (len(sizes) - 1)
