"""Re-budgeting the rest of a meeting when a phase runs over (shrink) or under (grow).

The remaining phases keep their proportions, get whole minutes that add up to the time available, and
never drop below a minimum. Arithmetic is exact (fractions), so the same input always gives the same
proposal. Like every largest-remainder method it is not monotone in the total: one more minute overall
can move a rounding minute from one phase to another.
"""

from __future__ import annotations

import math
from fractions import Fraction

from lerend_tui.common.datatypes import datatype


@datatype
class Rebudget:
    minutes: list[int]
    fits: bool
    """False when even the minimums exceed the time available: every phase then gets the minimum."""
    total: int
    available: int

    @property
    def over(self) -> int:
        """Minutes the proposal runs past the time available (0 when it fits)."""
        return max(self.total - self.available, 0)


def propose(remaining_planned: list[int], minutes_available: float, minimum: int = 3) -> Rebudget:
    """Scale the remaining phases' minutes to `minutes_available`, rounded down to whole minutes.

    A longer planned phase never gets fewer minutes than a shorter one. Phases whose share would fall
    below `minimum` get the minimum and the rest is shared by the others; rounding goes to the largest
    remainders (ties: the longer phase, then the earlier one).
    """
    if minimum < 0 or any(minutes < 0 for minutes in remaining_planned):
        raise ValueError("minutes cannot be negative")
    available = math.floor(minutes_available)
    count = len(remaining_planned)
    if not count:
        return Rebudget([], fits=True, total=0, available=available)
    if count * minimum > available:
        return Rebudget([minimum] * count, fits=False, total=count * minimum, available=available)
    weights = remaining_planned if sum(remaining_planned) else [1] * count
    # Fix at the minimum every phase whose proportional share is below it, until the shares of the rest
    # all reach it; fixing one lowers the others' shares, hence the loop.
    fixed: set[int] = set()
    while True:
        free = [i for i in range(count) if i not in fixed]
        budget = available - minimum * len(fixed)
        weight = sum(weights[i] for i in free)
        shares = {i: Fraction(budget * weights[i], weight) if weight else Fraction(budget, len(free)) for i in free}
        low = {i for i, share in shares.items() if share < minimum}
        if not low:
            break
        fixed |= low
    minutes = [minimum] * count
    for i, share in shares.items():
        minutes[i] = math.floor(share)
    leftover = available - sum(minutes)
    by_remainder = sorted(shares, key=lambda i: (-(shares[i] - minutes[i]), -weights[i], i))
    for i in by_remainder[:leftover]:
        minutes[i] += 1
    return Rebudget(minutes, fits=True, total=available, available=available)


__all__ = ["Rebudget", "propose"]
