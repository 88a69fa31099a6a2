"""Timing and memory helpers shared by the benchmark scripts.

Each benchmark runs our path and its floor in the same process run, several
repetitions each, and reports median, min and max wall time plus peak
memory, so the ratio to the floor is measured under the same machine load.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"


@dataclass
class Timing:
    """Wall-clock seconds of several repetitions of one operation."""

    name: str
    samples: list[float] = field(default_factory=list)
    peak_rss_mib: float | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def minimum(self) -> float:
        return min(self.samples)

    @property
    def maximum(self) -> float:
        return max(self.samples)

    def row(self, floor: Timing | None = None) -> str:
        """Render a Markdown table row in milliseconds, with the ratio to ``floor``."""
        ratio = f"{self.median / floor.median:.2f}×" if floor and floor.median > 0 else "1.00×"
        memory = f"{self.peak_rss_mib:.0f}" if self.peak_rss_mib is not None else "–"
        return (
            f"| {self.name} | {self.median * 1000:.1f} | {self.minimum * 1000:.1f}–"
            f"{self.maximum * 1000:.1f} | {memory} | {ratio} |"
        )


TABLE_HEADER = (
    "| what | median ms | min–max ms | peak RSS MiB | ratio to floor |\n"
    "| --- | --- | --- | --- | --- |"
)


def time_call(name: str, call: Callable[[], object], repeat: int = 5, warmup: int = 1) -> Timing:
    """Time ``call`` in this process ``repeat`` times after ``warmup`` untimed runs."""
    for _ in range(warmup):
        call()
    timing = Timing(name)
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        timing.samples.append(time.perf_counter() - start)
    timing.peak_rss_mib = peak_rss_mib()
    return timing


def time_process(
    name: str, argv: list[str], repeat: int = 5, warmup: int = 1, env: dict | None = None
) -> Timing:
    """Time a child process from its launch and record its peak resident memory.

    A child that prints ``READY <time.time()>`` is timed up to that moment
    (the start-up probes print it once their screen is painted); any other
    child is timed until it exits. A child that prints ``PEAK_KIB <n>``
    reports its own peak; otherwise the peak is that of every child so far.
    """
    full_env = dict(os.environ) if env is None else env
    for _ in range(warmup):
        subprocess.run(argv, check=True, env=full_env, capture_output=True)
    timing = Timing(name)
    peaks = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        launched = time.time()
        start = time.perf_counter()
        result = subprocess.run(argv, check=True, env=full_env, capture_output=True, text=True)
        ended = time.perf_counter() - start
        ready = _marker(result.stdout, "READY")
        timing.samples.append(ended if ready is None else ready - launched)
        own_peak = _marker(result.stdout, "PEAK_KIB")
        children_peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
        peaks.append(children_peak if own_peak is None else own_peak)
    timing.peak_rss_mib = max(peaks) / 1024
    return timing


def _marker(output: str, name: str) -> float | None:
    """Return the number printed after ``name`` on a line of ``output``, if any."""
    for line in output.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    return None


def peak_rss_mib() -> float:
    """Return this process's peak resident memory so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mib() -> float:
    """Return this process's resident memory now, in MiB, from /proc."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def machine_summary() -> str:
    """Describe the machine and Python the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, {platform.platform()}"


def save_results(bench: str, timings: list[Timing], extra: dict | None = None) -> Path:
    """Write the raw samples as JSON under bench/results/ for later comparison."""
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"{bench}.json"
    payload = {
        "machine": machine_summary(),
        "measured_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        "timings": [asdict(t) | {"median": t.median} for t in timings],
        **(extra or {}),
    }
    path.write_text(json.dumps(payload, indent=2))
    return path
