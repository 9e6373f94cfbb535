#!/usr/bin/env python3
"""Reads a weighted-events file the way MadMiner's loader does (h5py, fixed-length ASCII names
decoded, the setup groups and the samples read in batches) and prints what it found as JSON.

MadMinerWrittenByUsTest runs it on files infera writes and on MadMiner's own fixture: a file that
h5py cannot open, or in which a name is not an ASCII byte string, a dataset MadMiner's loader needs
is missing or a shape is off, makes it fail with a traceback and a non-zero exit.
"""
import json
import sys

import h5py
import numpy as np


def names(f, path):
    # MadMiner: f[path][()] then .decode("ascii") on each element
    return [n.decode("ascii") for n in f[path][()]]


def load(filename, batch_size=1000):
    with h5py.File(filename, "r") as f:
        parameter_names = names(f, "parameters/names")
        lha_blocks = names(f, "parameters/lha_blocks")
        lha_ids = [int(i) for i in f["parameters/lha_ids"][()]]
        ranges_path = "parameters/val_ranges" if "parameters/val_ranges" in f else "parameters/ranges"
        ranges = np.asarray(f[ranges_path][()], dtype=float)
        max_power = np.array(f["parameters/max_power"][()]).reshape((len(parameter_names), -1))
        transforms = [t or None for t in names(f, "parameters/transforms")]
        assert ranges.shape == (len(parameter_names), 2), ranges.shape

        benchmark_names = names(f, "benchmarks/names")
        values = np.asarray(f["benchmarks/values"][()], dtype=float)
        assert values.shape == (len(benchmark_names), len(parameter_names)), values.shape
        is_nuisance = [bool(v) for v in f["benchmarks/is_nuisance"][()]]
        reference = [b for b, r in zip(benchmark_names, f["benchmarks/is_reference"][()]) if r]

        components = np.asarray(f["morphing/components"][()], dtype=int) if "morphing/components" in f else None
        matrix = np.asarray(f["morphing/morphing_matrix"][()]) if "morphing/morphing_matrix" in f else None

        observable_names = names(f, "observables/names")
        definitions = names(f, "observables/definitions")

        observations, weights = f["samples/observations"], f["samples/weights"]
        n = observations.shape[0]
        assert weights.shape == (n, len(benchmark_names)), weights.shape
        assert observations.shape == (n, len(observable_names)), observations.shape
        # MadMiner's event loader: batches of rows
        weight_sums = np.zeros(len(benchmark_names))
        for start in range(0, n, batch_size):
            weight_sums += np.array(weights[start:start + batch_size]).sum(axis=0)
        first = list(np.array(observations[0], dtype=float)) if n else None
        sampling = [int(b) for b in f["samples/sampling_benchmarks"][()]] if "samples/sampling_benchmarks" in f else None
        background = int(f["sample_summary/background_events"][()])
        signal = [int(v) for v in f["sample_summary/signal_events"][()]]

    return {
        "parameters": {p: {"lha_block": b, "lha_id": i, "max_power": [int(m) for m in mp], "range": list(r), "transform": t}
                       for p, b, i, mp, r, t in zip(parameter_names, lha_blocks, lha_ids, max_power, ranges, transforms)},
        "parameter_order": parameter_names,
        "benchmarks": {b: list(v) for b, v in zip(benchmark_names, values)},
        "benchmark_order": benchmark_names,
        "is_nuisance": is_nuisance,
        "reference": reference,
        "morphing_components": None if components is None else components.tolist(),
        "morphing_matrix": None if matrix is None else matrix.tolist(),
        "observables": dict(zip(observable_names, definitions)),
        "observable_order": observable_names,
        "events": n,
        "first_observation": first,
        "weight_sums": weight_sums.tolist(),
        "sampling_benchmarks_count": None if sampling is None else len(sampling),
        "background_events": background,
        "signal_events": signal,
    }


if __name__ == "__main__":
    json.dump(load(sys.argv[1]), sys.stdout, indent=1)
