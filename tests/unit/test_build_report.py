"""A failed build's log, reduced to what a person needs."""

from yrdbook.build.report import messages

LOG = """Running Jupyter-Book v1.0.4.post1
[IPKernelApp] WARNING | Kernel is running over TCP without encryption.
\x1b[91mExtension error:\x1b[39;49;00m
A notebook failed, so the book was not built:
  - book/conclusion.ipynb: the cell starting "plans = ..." raised KeyError: 'boom'
Traceback (most recent call last):
  File "/x/sphinx.py", line 114, in build_sphinx
sphinx.errors.ExtensionError: A notebook failed, so the book was not built:
/repo/book/intro.ipynb:3: WARNING: undefined label: 'fig-x'
"""


def test_only_the_messages_remain():
    found = messages(LOG)
    assert found[0] == ("Extension error:\nA notebook failed, so the book was not built:\n"
                        "  - book/conclusion.ipynb: the cell starting \"plans = ...\" raised KeyError: 'boom'")
    assert "/repo/book/intro.ipynb:3: WARNING: undefined label: 'fig-x'" in found
    assert not any("Traceback" in m or "Kernel is running" in m or "\x1b[" in m for m in found)
