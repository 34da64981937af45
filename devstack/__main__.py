import sys

from devstack import backup, supervisor
from devstack.services import StackError, say

USAGE = "brug run, test, services, postgres, stop, backup [MAPPE] eller restore MAPPE"


def main(argv):
    command = argv[1] if len(argv) > 1 else "run"
    rest = argv[2:]
    try:
        if command == "run":
            supervisor.run()
        elif command == "test":
            return supervisor.test(rest)
        elif command == "services":
            supervisor.services()
        elif command == "postgres":
            supervisor.services(with_redis=False)
        elif command == "stop":
            supervisor.stop()
        elif command == "backup":
            backup.backup(rest[0] if rest else None)
        elif command == "restore" and rest:
            backup.restore(rest[0])
        else:
            say(f"ukendt kommando {command!r}; {USAGE}")
            return 2
    except StackError as exc:
        say(f"FEJL: {exc}")
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
