"""The wheel installs into a clean virtualenv and ships both typed packages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests._servers import ROOT

pytestmark = pytest.mark.slow

PROBE = """
import importlib.metadata as md, json, contentgroove, contentgroove_client
print(json.dumps({
    "contentgroove": contentgroove.__file__,
    "contentgroove_client": contentgroove_client.__file__,
    "version": contentgroove.__version__,
    "distribution_version": md.version("contentgroove"),
    "files": sorted(str(f) for f in md.files("contentgroove")),
}))
"""


def _run(argv: list[str], cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, f"{argv} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)], cwd=ROOT)
    (built,) = out.glob("contentgroove-*.whl")
    return built


def test_wheel_holds_exactly_the_two_packages(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    dist_info = wheel.name.removesuffix("-py3-none-any.whl") + ".dist-info"

    assert {name.split("/")[0] for name in names} == {
        "contentgroove",
        "contentgroove_client",
        dist_info,
    }
    assert "contentgroove/py.typed" in names
    assert "contentgroove_client/py.typed" in names


def test_wheel_installs_into_a_fresh_venv_and_imports_outside_the_repo(
    wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    _run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        cwd=tmp_path,
    )

    # -I: neither the working directory nor PYTHON* variables can put the repo on sys.path.
    found = json.loads(_run([str(python), "-I", "-c", PROBE], cwd=tmp_path))

    site_packages = next((venv / "lib").glob("python3*/site-packages"))
    for package in ("contentgroove", "contentgroove_client"):
        module_file = Path(found[package]).resolve()
        assert module_file.is_relative_to(site_packages.resolve()), module_file
        assert f"{package}/py.typed" in found["files"]
        assert (module_file.parent / "py.typed").is_file()
    assert found["version"] == found["distribution_version"]
    assert f"contentgroove-{found['version']}-" in wheel.name
    assert (venv / "bin" / "contentgroove").is_file(), "the console script is installed"
