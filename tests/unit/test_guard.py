"""The data guard validates data/ once per set of inputs, not once per build."""

from types import SimpleNamespace

from yrdbook.build import guard


def test_the_same_inputs_are_validated_once(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(guard, "validate", lambda: calls.append(1))
    app = SimpleNamespace(outdir=str(tmp_path / "_build" / "html"))
    guard._validate_data(app, None)
    guard._validate_data(SimpleNamespace(outdir=str(tmp_path / "_build" / "html-zh")), None)  # the other edition
    assert calls == [1]
    (tmp_path / "_build" / guard.STAMP).write_text("inputs changed since")
    guard._validate_data(app, None)
    assert calls == [1, 1]
