"""How many runs each figure gets. Every figure behind a target is a median of at least
`ratio_runs` (default 5) runs; the rest follow --runs / --quick. `notes()` says which are fewer."""

from __future__ import annotations

from dataclasses import dataclass

from targets import HANDWRITTEN, MIN_RUNS, PLAIN_HTTPX

PARSE_RUNS = 7  # parsing takes seconds and this kind of machine scatters by +-20 %
FIRST_CALL_REPEATS = 9  # start-up times on a shared VM scatter by +-20 %
QUICK_GROWTH_GENERATE_RUNS = 3
# Tools whose figures enter a target: they get ratio_runs runs even in --quick.
TARGET_TOOLS = ("sdkgen", "openapi-python-client", PLAIN_HTTPX, HANDWRITTEN)


@dataclass(frozen=True)
class Counts:
    quick: bool
    runs: int  # generation runs (and timed-call runs) of tools outside every target
    ratio_runs: int
    calls: int

    @property
    def parse_runs(self) -> int:
        return max(self.ratio_runs, PARSE_RUNS) if self.ratio_runs >= MIN_RUNS else self.ratio_runs

    @property
    def first_call_repeats(self) -> int:
        return max(self.ratio_runs, FIRST_CALL_REPEATS) if self.ratio_runs >= MIN_RUNS else self.ratio_runs

    @property
    def import_repeats(self) -> int:
        return 3 if self.quick else 7

    @property
    def growth_parse_runs(self) -> int:
        return self.ratio_runs

    @property
    def growth_generate_runs(self) -> int:
        return min(self.ratio_runs, QUICK_GROWTH_GENERATE_RUNS) if self.quick else self.ratio_runs

    def generation_runs(self, tool: str) -> int:
        return max(self.runs, self.ratio_runs) if tool in TARGET_TOOLS else self.runs

    def call_runs(self, tool: str) -> int:
        return max(self.runs, self.ratio_runs) if tool in TARGET_TOOLS else self.runs

    def notes(self, tools: list[str], *, growth: bool = True) -> list[str]:
        notes: list[str] = []
        if self.ratio_runs < MIN_RUNS:
            notes.append(
                f"every figure behind a target is a median of {self.ratio_runs} runs (--ratio-runs): "
                "a smoke run, not figures to compare"
            )
        others = [t for t in tools if t not in TARGET_TOOLS]
        if others and self.runs < MIN_RUNS:
            notes.append(
                f"{', '.join(others)}: {self.runs} generation and timed-call run(s), outside every target "
                "(one generation and one cold import of its package take tens of seconds each)"
            )
        if growth and self.growth_generate_runs < min(self.ratio_runs, MIN_RUNS):
            notes.append(
                f"cost growth: generate is a median of {self.growth_generate_runs} runs per size in --quick "
                "(one 4x generation takes over a minute); parse has "
                f"{self.growth_parse_runs}"
            )
        return notes
