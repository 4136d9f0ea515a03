"""Register the book's Jupyter kernel in the virtual environment (``./tasks.sh setup`` runs it).

The kernel is ipykernel's ``python3`` in this environment, named "Python 3 (yrdbook)", with its
own log held to errors: ipykernel otherwise warns, on every start, that the kernel talks to
Jupyter over TCP on 127.0.0.1 without encryption, and a build starts a dozen kernels.
"""

import json
import sys
from pathlib import Path

SPEC = Path(sys.prefix) / "share" / "jupyter" / "kernels" / "python3" / "kernel.json"


def main() -> None:
    SPEC.parent.mkdir(parents=True, exist_ok=True)
    spec = {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                     "--IPKernelApp.log_level=ERROR"],
            "display_name": "Python 3 (yrdbook)", "language": "python", "metadata": {"debugger": True}}
    SPEC.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
