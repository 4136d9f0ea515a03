"""The data's Chinese text, which the Chinese edition shows: in the book's fixed vocabulary."""

from support.chinese import competing_renderings
from yrdbook.datapackage import paths, read


def test_chinese_columns_use_the_books_vocabulary():
    tables = read.read_tables(paths.data_dir())
    found = []
    for name, frame in tables.items():
        for column in [c for c in frame.columns if c.endswith("_zh") and not c.startswith("quote")]:
            for key, text in frame[column].dropna().items():
                found += [f"{name}.csv row {key + 2} {column}: {bad} (the book writes {good})"
                          for bad, good in competing_renderings(str(text))]
    assert not found, "\n".join(found)
