#!/usr/bin/env python3
"""Build a knowledge graph from Chinese news articles: ``python build.py --help``."""

import sys

from kg.cli import main

if __name__ == "__main__":
    sys.exit(main())
