"""The lines the start-up probes print when ready, read by ``bench.common.time_process``."""

import os
import sys
import time


def peak_kib() -> int:
    """Return this process's peak resident memory since it started (Linux's VmHWM).

    ``ru_maxrss`` would include the parent's memory at fork time, which
    for the storage benchmark is gigabytes.
    """
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def report_ready_and_exit(*, list_modules: bool = False) -> None:
    """Print the optional MODULES line, PEAK_KIB and READY, then leave at once.

    Leaving with ``os._exit`` skips waiting for background work, so the
    parent measures start-up and not shutdown.
    """
    now = time.time()
    if list_modules:
        loaded = sorted({name.split(".")[0] for name in sys.modules})
        print("MODULES " + ",".join(loaded))
    print(f"PEAK_KIB {peak_kib()}")
    print(f"READY {now:.6f}", flush=True)
    os._exit(0)
