"""Benchmarks: figures are medians with ratios against a baseline measured in the same run."""
