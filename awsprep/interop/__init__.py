"""Cards in and out of other tools: Anki packages (.apkg), CSV and JSON. Adapters with file I/O, kept
out of the core; the commands in `cli/transfer.py` call them."""
