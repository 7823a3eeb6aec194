"""kg — rule-based knowledge graphs of people, places, organisations and programmes
from Chinese news.

Stages (one module each): :mod:`kg.ingest` reads articles, :mod:`kg.rules` finds
mentions, :mod:`kg.normalize` gives them canonical names, :mod:`kg.relations`
links them with evidence, :mod:`kg.rdf` writes the graph and :mod:`kg.view` draws
it; :mod:`kg.pipeline` is the only module that knows their order.
"""

__version__ = "0.1.0"
