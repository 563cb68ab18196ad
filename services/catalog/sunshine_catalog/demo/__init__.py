"""The demo catalogue of 锦华区: several thousand items of its units over three years.

`python -m sunshine_catalog.demo` writes them once the gateway has sent the district's units;
the benchmarks in bench/ reuse the same generator for a million items.
"""
