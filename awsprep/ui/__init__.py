"""Terminal rendering and input: the only package (with cli) that imports rich."""
