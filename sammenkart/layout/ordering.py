"""How a band's cards are split over rows of the grid.

(The order of the cards inside the rows is ``placement.py``'s.)
"""
from __future__ import annotations

import math


def row_sizes(n: int, cols: int) -> list[int]:
    """How many cards each row of a band of ``n`` holds: as even as possible, at most ``cols``."""
    if n <= 0:
        return []
    k = math.ceil(n / cols)
    base, extra = divmod(n, k)
    return [base + (1 if i < extra else 0) for i in range(k)]
