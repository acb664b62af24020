"""bilat: sourced, time-aware knowledge of relations between countries.

The flow of data, one package a stage: ingest -> extract -> store -> analyse -> answer ->
report, with the command line in `bilat.cli`. See README.md and docs/glossary.md.
"""

from bilat.native import check_build

__version__ = "0.1.0"

check_build()  # a compiled module older than its source would run old code
