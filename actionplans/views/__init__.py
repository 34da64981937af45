"""Views of action plans: ``public`` dashboards and status reports for citizens, and the
secretariat's work area (``staff`` for plans and actions, ``staff_rounds`` for follow-up
rounds, ``staff_indicators`` for indicators and imports). urls.py imports the modules;
nothing is re-exported here."""
