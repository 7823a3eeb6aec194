"""notebooks/explore.ipynb runs from top to bottom (nbclient, a real IPython kernel)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


@pytest.fixture
def venv_kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A ``python3`` kernel spec that runs this interpreter (the venv's), found before any
    other ``python3`` spec of the machine or the user."""
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    spec.joinpath("kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "kg venv", "language": "python"})
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    return "python3"


def _outputs(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        parts.append(out.get("text", ""))
        data = out.get("data", {})
        parts.append(data.get("text/plain", "") + data.get("text/html", ""))
    return "".join(parts)


def test_notebook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, venv_kernel: str) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setenv("KG_OUT", str(work / "out"))
    before = sorted(NOTEBOOK.parent.iterdir())
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code")  # saved clean
    client = NotebookClient(
        nb, timeout=120, kernel_name=venv_kernel, resources={"metadata": {"path": str(work)}}
    )
    client.execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not any(o.output_type == "error" for o in c.outputs) for c in code)
    text = "\n".join(map(_outputs, code))
    assert (work / "out" / "store").is_dir() and (work / "out" / "report.html").is_file()
    assert "韩楚" in text and "第一书记" in text  # people-posts through SPARQL
    assert "most central: 南川区" in text  # kg.analysis
    assert "<iframe" in text and "graph.html" in text  # the network view, inline
    assert "Graph with" in text  # networkx read the GraphML export back
    assert sorted(NOTEBOOK.parent.iterdir()) == before  # nothing written into the repository
