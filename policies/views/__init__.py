"""Views of the policies app: ``public`` reading pages, versions and comparisons, and the
secretariat's work area (``staff`` for a policy as a whole, ``staff_parts`` for the parts
of its tree). urls.py imports the modules; nothing is re-exported."""
