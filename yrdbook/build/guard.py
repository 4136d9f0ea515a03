"""Validate data/ before Sphinx reads a single page: invalid data stops the build with the
file, row, field and reason of every problem, and no notebook runs.

A build records what it validated (the data, the bibliography and the validator itself, by
digest) beside its output; the next build of the same inputs, the other edition's or a
no-change rebuild, does not validate them again."""

from pathlib import Path

from sphinx.errors import ExtensionError

from ..datapackage import paths
from ..datapackage.fingerprint import digest, files_under
from ..datapackage.problems import DataPackageError
from ..datapackage.validate import mark_validated, validate

STAMP = "yrd-validated.sha256"


def validated_inputs() -> str:
    validator = files_under(Path(__file__).resolve().parent.parent / "datapackage", {".py"})
    return digest([*files_under(paths.data_dir()), paths.bib_path(), *validator])


def _validate_data(app, config) -> None:
    stamp = Path(app.outdir).parent / STAMP
    inputs = validated_inputs()
    if not (stamp.exists() and stamp.read_text() == inputs):
        try:
            validate()
        except DataPackageError as error:
            raise ExtensionError(str(error)) from None
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(inputs)
    # Notebook kernels started by this build inherit the mark and skip validating again.
    mark_validated(paths.data_dir(), paths.bib_path())


def setup(app):
    app.connect("config-inited", _validate_data, priority=100)
