"""Numbered schema migrations, applied in order when a store is opened.

Each module ``mNNNN_<name>.py`` defines ``VERSION`` (its number), ``DESCRIPTION`` and
``upgrade(conn)``. A migration owns its DDL: it never imports the current table definitions,
because those move on while an old migration must keep creating the shape it always created.
"""
