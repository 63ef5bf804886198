"""``python -m wirewatch`` runs the command line."""

from wirewatch.cli import main

main()
