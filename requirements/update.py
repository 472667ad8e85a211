"""Write the locks every install uses, from pyproject.toml's ranges and the pins in tested.in:

    python requirements/update.py

app.txt is what the program needs, test.txt adds the tests' tools, build.txt adds PyInstaller; each is a
whole set with exact versions and the hashes of every file the registry offers for them (Windows and
Linux alike), installed with `pip install --require-hashes -r requirements/FILE`. The three agree on
every package they share. Needs uv (`pip install uv`); installing from the locks needs only pip.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = "3.11"  # the oldest Python the program supports; the locks hold for it and every newer one


def compile_lock(target: str, *extra_args: str) -> None:
    uv = shutil.which("uv") or sys.exit("uv is needed to update the locks: python -m pip install uv")
    command = [
        uv, "pip", "compile", "pyproject.toml", "--universal", "--python-version", PYTHON,
        "--generate-hashes", "--quiet", "--constraint", "requirements/tested.in",
        "--custom-compile-command", "python requirements/update.py",
        "--output-file", f"requirements/{target}", *extra_args,
    ]  # fmt: skip
    subprocess.run(command, cwd=ROOT, check=True)


def main() -> None:
    compile_lock("app.txt", "--upgrade")
    # The extras are resolved against app.txt, so a test or a build runs what a school installs.
    compile_lock("test.txt", "--extra", "test", "--constraint", "requirements/app.txt")
    compile_lock("build.txt", "--extra", "build", "--constraint", "requirements/app.txt")


if __name__ == "__main__":
    main()
