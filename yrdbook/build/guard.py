"""Validate data/ before Sphinx reads a single page: invalid data stops the build with the
file, row, field and reason of every problem, and no notebook runs."""

from sphinx.errors import ExtensionError

from ..datapackage import paths
from ..datapackage.problems import DataPackageError
from ..datapackage.validate import mark_validated, validate


def _validate_data(app, config) -> None:
    try:
        validate()
    except DataPackageError as error:
        raise ExtensionError(str(error)) from None
    # Notebook kernels started by this build inherit the mark and skip validating again.
    mark_validated(paths.data_dir(), paths.bib_path())


def setup(app):
    app.connect("config-inited", _validate_data, priority=100)
