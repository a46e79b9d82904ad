"""Kitt benchmarks: figures and ratios against a baseline measured in the same run.

Runs on PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/kitt_bench;
the database is created if missing and rebuilt each run). Prints a table; copy it into
BENCHMARKS.md. Nothing here asserts a time: ratios are for reading, not for failing.

    .venv/bin/python bench/run_all.py [--entries 200000]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kitt_bench")


def _prepare_database() -> None:
    import psycopg

    name = BENCH_URL.rsplit("/", 1)[1]
    admin_url = BENCH_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def _timed(func, repeat: int) -> float:
    """Median seconds per call over ``repeat`` calls (after one warm-up)."""
    func()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=200_000, help="audit entries to preload")
    parser.add_argument("--people", type=int, default=2_000)
    args = parser.parse_args()

    _prepare_database()
    os.environ["DATABASE_URL"] = BENCH_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from bench import scenarios

    world = scenarios.build_world(people=args.people, entries=args.entries)
    rows = [scenario(world, _timed) for scenario in scenarios.ALL]

    print(f"\nKitt benchmarks on PostgreSQL — {args.people} people, {args.entries} audit entries")
    print(f"{'measure':48} {'kitt':>12} {'baseline':>12} {'ratio':>7}")
    for name, ours, base, unit in rows:
        print(f"{name:48} {ours:>10.3f}{unit:>2} {base:>10.3f}{unit:>2} {ours / base:>7.2f}")


if __name__ == "__main__":
    main()
