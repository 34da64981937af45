"""Views of the councils app: ``public`` pages, ``feeds`` (iCalendar, RSS), the
secretariat's work area (``staff`` for meetings, ``staff_items`` for single items).
urls.py imports the modules; nothing is re-exported here."""
