#!/usr/bin/env python3
"""Build a knowledge graph from Chinese news articles: ``python build.py --help``."""

import sys

from kg.cli import main

if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into `head` and closed: not an error
        sys.stderr.close()
        sys.exit(0)
