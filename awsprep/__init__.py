"""awsprep: a terminal study tool for AWS certification exams."""

__version__ = "0.1.0"
