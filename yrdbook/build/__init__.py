"""Everything that runs inside Sphinx or LaTeX, as one Sphinx extension (``_config.yml``
loads ``yrdbook.build``), split by concern:

- ``guard``: validate data/ before any page is read;
- ``execution``: myst-nb's execution cache, cleared when data or code change, filled in parallel;
- ``chart_output``: a chart's spec as HTML (a myst-nb mime renderer);
- ``assets``: the local chart library, stylesheet and favicon; no network, accessible markup;
- ``datalinks``: "Data: ..." links to the served data files;
- ``citing`` (with ``citation`` and ``bibstyle``): BibTeX, chapter boxes, meta tags, labels;
- ``apparatus``: provenance marks, the book's readings, numbered notes of the critical apparatus;
- ``pdf`` (with ``tex/``): the PDF edition's structure, title pages and tables;
- ``search``: a search index that segments Chinese (jieba, with the book's own terms);
- ``i18n``: the Chinese edition: prose from the catalogs, outputs drawn in Chinese by the code.

Static files (CSS, JavaScript, SVG) live in ``static/``, TeX in ``tex/``.
"""



def setup(app):
    # Imported here, so that ``python -m yrdbook.build.pdf`` finds its module not yet imported.
    from . import apparatus, assets, citing, datalinks, execution, guard, i18n, pdf, search

    for concern in (guard, execution, assets, datalinks, citing, apparatus, pdf, search, i18n):
        concern.setup(app)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
