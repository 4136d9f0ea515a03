"""What a person needs from a failed build's log: ``python -m yrdbook.build.report LOG``.

Jupyter Book prints Sphinx's progress, and on an error raised while Sphinx starts, a Python
traceback. ``./tasks.sh`` keeps the whole log in a file and, when a build fails, prints only
the messages: Sphinx's warnings and errors and the text of an "Extension error", without
colour codes and without the traceback that follows it.
"""

import re
import sys
from pathlib import Path

ANSI = re.compile(r"\x1b\[[0-9;]*m")
PROBLEM = re.compile(r"(WARNING|ERROR|CRITICAL|SEVERE):|^Extension error|^Notebook exception|Exception occurred")


def messages(log: str) -> list[str]:
    """The readable messages of a build log, in order, each once."""
    lines = [ANSI.sub("", line).rstrip() for line in log.splitlines()]
    found, block = [], None
    for line in lines:
        if block is not None:
            if not line.strip() or line.startswith(("Traceback", "The above exception", "  File ")):
                found.append("\n".join(block))
                block = None
            else:
                block.append(line)
            continue
        if line.startswith("Extension error"):
            block = [line]
        elif PROBLEM.search(line) and "Kernel is running over TCP" not in line:
            found.append(line)
    if block:
        found.append("\n".join(block))
    return list(dict.fromkeys(found))


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    found = messages(path.read_text(encoding="utf-8", errors="replace")) if path.exists() else []
    for message in found or ["(no message in the log: see it in full)"]:
        print(message, file=sys.stderr)
    print(f"The full log: {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
