"""Views of the hearings app: ``public`` pages and the citizens' form, the secretariat's
work area (``staff`` for a hearing as a whole, ``staff_responses`` for responses and
remarks) and the council's ``review``. urls.py imports the modules; nothing is re-exported."""
