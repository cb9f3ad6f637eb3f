"""Benchmarks: dataset loaders, metrics and reports that print figures."""
