"""The offline Windows bundle's pure parts, on tiny fake wheels (no network here;
`make bundle-check` builds the real one)."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from scripts import windows_bundle as B


def fake_wheel(folder: Path, filename: str, requires: list[str] = ()) -> Path:
    name, version = filename.split("-")[:2]
    path = folder / filename
    meta = "\n".join(
        ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
        + [f"Requires-Dist: {r}" for r in requires]
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(f"{name}-{version}.dist-info/METADATA", meta + "\n")
    return path


@pytest.fixture
def wheels(tmp_path):
    d = tmp_path / "wheels"
    d.mkdir()
    root = fake_wheel(
        d,
        "unionxl-0.1.0-py3-none-any.whl",
        [
            "alpha>=1.0",
            'winonly>=2; platform_system == "Windows"',
            'maconly; sys_platform == "darwin"',
            'pdfkit; extra == "pdf"',
        ],
    )
    fake_wheel(d, "alpha-1.2-cp311-cp311-win_amd64.whl", ["beta"])
    fake_wheel(d, "alpha-1.2-cp312-cp312-win_amd64.whl", ["beta"])
    fake_wheel(d, "alpha-0.9-cp313-cp313-win_amd64.whl", ["beta"])  # too old for >=1.0
    fake_wheel(d, "beta-3.0-py3-none-any.whl")
    fake_wheel(d, "winonly-2.0-cp311-cp311-manylinux_2_17_x86_64.whl")  # wrong platform
    return d, root


def test_requirements_follow_windows_markers(wheels):
    _, root = wheels
    meta = B.wheel_metadata(root)
    assert [r.name for r in B.requirements_of(meta, "3.12")] == ["alpha", "winonly"]
    assert [r.name for r in B.requirements_of(meta, "3.12", ["pdf"])] == [
        "alpha",
        "winonly",
        "pdfkit",
    ]


def test_missing_walks_the_closure_per_python(wheels):
    d, root = wheels
    unmet = B.missing(d.glob("*.whl"), root, "3.11")
    assert [B.without_marker(r) for r in unmet] == ["winonly>=2"]  # pip would drop the marker
    assert [r.name for r in B.missing(d.glob("*.whl"), root, "3.13")] == ["alpha", "winonly"]
    fake_wheel(d, "winonly-2.1-cp311-abi3-win_amd64.whl")  # abi3 fits 3.11 and later
    assert B.missing(d.glob("*.whl"), root, "3.12") == []
    assert [r.name for r in B.missing(d.glob("*.whl"), root, "3.12", ["pdf"])] == ["pdfkit"]
    (d / "beta-3.0-py3-none-any.whl").unlink()
    assert [r.name for r in B.missing(d.glob("*.whl"), root, "3.12")] == ["beta"]


def test_templates_render_ascii_crlf_and_complete():
    values = B.template_values("0.1.0", "unionxl-0.1.0-py3-none-any.whl", ["3.12", "3.11", "3.13"])
    assert values["PYTHONS"] == "3.13 3.12 3.11"
    assert values["PYTUPLES"] == "(3, 11), (3, 12), (3, 13)"
    raw = (B.TEMPLATES / "install.cmd.in").read_bytes()
    B.check_batch(raw, "install.cmd.in")
    text = B.render(raw.decode("ascii"), values)
    B.check_batch(text.encode("ascii"))
    assert '"unionxl==0.1.0"' in text and "--no-index --find-links" in text
    with_extra = B.template_values("0.1.0", "u.whl", ["3.12"], ["pandas"])
    assert '"unionxl[pandas]==0.1.0"' in B.render(raw.decode("ascii"), with_extra)
    assert r"%LOCALAPPDATA%\unionxl\venv" in text
    assert "python -m unionxl.gui.install_messages done" in text.replace(
        '"%VENV%\\Scripts\\python.exe"', "python"
    )
    assert "https://www.python.org/downloads/windows/" in text
    with pytest.raises(ValueError, match="unfilled"):
        B.render("@VERSION@ @NOPE@", values)


def test_batch_checker_catches_what_cmd_would_misread():
    B.check_batch(b"@echo off\r\necho ok\r\n")
    with pytest.raises(ValueError, match="ASCII"):
        B.check_batch("echo 校验\r\n".encode("gbk"))
    with pytest.raises(ValueError, match="CRLF"):
        B.check_batch(b"@echo off\necho ok\r\n")


def test_zip_layout(wheels, tmp_path):
    d, root = wheels
    found = sorted(d.glob("*.whl"))
    entries = B.layout([*found, found[0]], "0.1.0", root.name, ["3.11", "3.12", "3.13"])
    names = [n for n, _ in entries]
    top = "unionxl-0.1.0-windows"
    assert names[:3] == [f"{top}/install.cmd", f"{top}/使用说明.txt", f"{top}/wheels/MANIFEST.txt"]
    assert names[3:] == [f"{top}/wheels/{p.name}" for p in found]  # each wheel once
    bundle = B.write_zip(tmp_path / "dist" / "b.zip", entries)
    with zipfile.ZipFile(bundle) as z:
        assert z.namelist() == names
        readme = z.read(f"{top}/使用说明.txt")
        assert readme.startswith(b"\xef\xbb\xbf")  # Notepad shows UTF-8 with a BOM
        assert b"\n" not in readme.replace(b"\r\n", b"")
        text = readme.decode("utf-8-sig")
        assert "unionxl 0.1.0 离线安装包" in text and "3.11, 3.12, 3.13" in text
        assert "@" not in text
        assert z.getinfo(f"{top}/wheels/{found[0].name}").compress_type == zipfile.ZIP_STORED
        B.check_batch(z.read(f"{top}/install.cmd"))
    assert [p.name for p in bundle.parent.iterdir()] == ["b.zip"]


def test_every_batch_file_in_the_repository_is_ascii_crlf():
    listed = subprocess.run(
        ["git", "ls-files", "*.cmd", "*.cmd.in", "*.bat"],
        cwd=B.ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert "installer/windows/install.cmd.in" in listed
    for name in listed:
        B.check_batch((B.ROOT / name).read_bytes(), name)
