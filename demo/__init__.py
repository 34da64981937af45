"""The demo: Aalborg and Norddjurs from the five seed documents, as data files and loaders.

It sits on top of every app (like ``reports``), so it may import them all; no app imports it.
``data/`` holds the content, ``loaders/`` the short code that reads it, and ``lookups.py`` the
rows and pages that tests and the browser checks need.
"""
