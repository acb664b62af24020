"""bilat: sourced, time-aware knowledge of relations between countries.

The flow of data, one package a stage: ingest -> extract -> store -> analyse -> answer ->
report, with the command line in `bilat.cli`. See README.md and docs/glossary.md.
"""

__version__ = "0.1.0"
