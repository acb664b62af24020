"""Quality and speed benchmark for `bilat extract` (see bench/README.md)."""
