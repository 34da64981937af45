#!/usr/bin/env python
"""Django's command-line utility for Politikspor."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from config.env import StartupError

    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(sys.argv)
    except StartupError as exc:
        # One clear line instead of a traceback wall.
        sys.stderr.write(f"Politikspor kan ikke starte: {exc}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
