"""Views of the policies app: ``public`` reading pages, versions and comparisons, and the
secretariat's work area (``staff``). urls.py imports the modules; nothing is re-exported."""
