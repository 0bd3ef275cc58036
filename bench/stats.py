"""Summaries of repeated measurements."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    median: float
    low: float
    high: float
    runs: int
    values: tuple[float, ...]  # every run, in order: a slow first run shows a cache at work

    @staticmethod
    def of(values: list[float]) -> Summary:
        if not values:
            raise ValueError("no measurements")
        return Summary(
            statistics.median(values),
            min(values),
            max(values),
            len(values),
            tuple(values),
        )
