"""The offline Windows bundle: dist/unionxl-<version>-windows.zip.

    python scripts/windows_bundle.py build [--python 3.11 3.12 3.13] [--extras pdf]
    python scripts/windows_bundle.py check        # build, then prove it installs offline

The zip holds the unionxl wheel, every dependency's win_amd64 wheels for each Python,
install.cmd and 使用说明.txt (installer/windows/*.in). Dependencies come from the
built wheel's own metadata (whatever pyproject.toml or setup.cfg says at build time).

`pip download --platform win_amd64` evaluates environment markers for the machine it
runs on, not the target (so `pywin32; platform_system == "Windows"`, needed by xlwings,
would be left out on Linux). So the bundle's closure is walked here again with the
markers of 64-bit CPython on Windows, and whatever is missing is downloaded too.
"""

from __future__ import annotations

import argparse
import email.parser
import email.policy
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "installer" / "windows"
PYTHONS = ("3.11", "3.12", "3.13")
PLATFORM = "win_amd64"
README = "使用说明.txt"


# --- metadata and markers (pure) -----------------------------------------------------


def wheel_metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        text = z.read(name).decode("utf-8")
    return email.parser.Parser(policy=email.policy.compat32).parsestr(text)


def windows_env(python: str) -> dict[str, str]:
    """Marker variables of 64-bit CPython `python` (e.g. '3.12') on Windows."""
    return {
        "implementation_name": "cpython",
        "implementation_version": f"{python}.0",
        "os_name": "nt",
        "platform_machine": "AMD64",
        "platform_python_implementation": "CPython",
        "platform_release": "10",
        "platform_system": "Windows",
        "platform_version": "10.0.19045",
        "python_full_version": f"{python}.0",
        "python_version": python,
        "sys_platform": "win32",
    }


def requirements_of(
    meta: email.message.Message, python: str, extras: Iterable[str] = ()
) -> list[Requirement]:
    """Requires-Dist lines that hold on Windows for `python`, with `extras` asked for."""
    env = windows_env(python)
    wanted = ["", *extras]
    found = []
    for line in meta.get_all("Requires-Dist") or []:
        req = Requirement(line)
        if req.marker is None or any(req.marker.evaluate({**env, "extra": e}) for e in wanted):
            found.append(req)
    return found


def without_marker(req: Requirement) -> str:
    """The requirement for pip, its marker already decided for Windows (pip would decide
    it for this machine)."""
    extras = f"[{','.join(sorted(req.extras))}]" if req.extras else ""
    return f"{req.name}{extras}{req.specifier}"


def windows_tags(python: str) -> set[Tag]:
    version = tuple(int(p) for p in python.split("."))
    return {
        *cpython_tags(version, platforms=[PLATFORM]),
        *compatible_tags(version, f"cp{version[0]}{version[1]}", platforms=[PLATFORM]),
    }


@dataclass(frozen=True)
class Wheel:
    path: Path
    name: str
    version: str
    tags: frozenset[Tag]


def index(wheels: Iterable[Path]) -> dict[str, list[Wheel]]:
    found: dict[str, list[Wheel]] = {}
    for path in wheels:
        name, version, _build, tags = parse_wheel_filename(path.name)
        found.setdefault(name, []).append(Wheel(path, name, str(version), frozenset(tags)))
    return found


def resolve(
    wheels: Iterable[Path], root: Path, python: str, extras: Iterable[str] = ()
) -> tuple[dict[str, Wheel], list[Requirement]]:
    """Walk `root`'s requirements (transitively, Windows markers) through `wheels`:
    (the wheel chosen for each name, the requirements no wheel meets)."""
    tags = windows_tags(python)
    available = index(wheels)
    todo = list(requirements_of(wheel_metadata(root), python, extras))
    seen: set[str] = set()
    chosen: dict[str, Wheel] = {}
    unmet: list[Requirement] = []
    while todo:
        req = todo.pop(0)
        key = f"{canonicalize_name(req.name)}[{','.join(sorted(req.extras))}]"
        if key in seen:
            continue
        seen.add(key)
        fits = [
            w
            for w in available.get(canonicalize_name(req.name), [])
            if w.tags & tags and req.specifier.contains(w.version, prereleases=True)
        ]
        if not fits:
            unmet.append(req)
            continue
        best = max(fits, key=lambda w: Version(w.version))
        chosen[best.name] = best
        todo.extend(requirements_of(wheel_metadata(best.path), python, req.extras))
    return chosen, unmet


def missing(
    wheels: Iterable[Path], root: Path, python: str, extras: Iterable[str] = ()
) -> list[Requirement]:
    """Requirements of `root` (transitively, Windows markers) no wheel in `wheels` meets."""
    return resolve(wheels, root, python, extras)[1]


# --- the zip (pure) -------------------------------------------------------------------


def render(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace(f"@{key}@", value)
    leftover = re.findall(r"@[A-Z]+@", template)
    if leftover:
        raise ValueError(f"unfilled placeholders: {leftover}")
    return template


def requirement(version: str, extras: Sequence[str] = ()) -> str:
    """What install.cmd asks pip for: this version exactly, with the bundled extras."""
    return f"unionxl[{','.join(extras)}]=={version}" if extras else f"unionxl=={version}"


def template_values(
    version: str, wheel: str, pythons: Sequence[str], extras: Sequence[str] = ()
) -> dict[str, str]:
    ordered = sorted(pythons, key=lambda v: tuple(map(int, v.split("."))))
    return {
        "VERSION": version,
        "REQUIREMENT": requirement(version, extras),
        "WHEEL": wheel,
        "PYTHONS": " ".join(reversed(ordered)),  # newest first
        "PYTUPLES": ", ".join(f"({v.replace('.', ', ')})" for v in ordered),
        "PYLIST": ", ".join(ordered),
        "NEWEST": ordered[-1],
    }


def check_batch(data: bytes, name: str = "install.cmd") -> None:
    """cmd.exe on a Chinese Windows reads .cmd files as GBK: ASCII only, CRLF only."""
    try:
        data.decode("ascii")
    except UnicodeDecodeError as e:
        raise ValueError(f"{name} is not pure ASCII at byte {e.start}") from e
    if b"\n" in data.replace(b"\r\n", b"") or not data.endswith(b"\r\n"):
        raise ValueError(f"{name} must use CRLF line ends throughout")


def layout(
    wheels: Iterable[Path],
    version: str,
    wheel: str,
    pythons: Sequence[str],
    extras: Sequence[str] = (),
) -> list[tuple[str, bytes | Path]]:
    """(name in the zip, content or file), all under one top folder."""
    top = f"unionxl-{version}-windows"
    values = template_values(version, wheel, pythons, extras)
    install = render((TEMPLATES / "install.cmd.in").read_bytes().decode("ascii"), values)
    install_bytes = install.encode("ascii")
    check_batch(install_bytes)
    readme = render((TEMPLATES / f"{README}.in").read_text(encoding="utf-8-sig"), values)
    readme_bytes = ("\ufeff" + readme.replace("\r\n", "\n").replace("\n", "\r\n")).encode("utf-8")
    files = sorted({p.name: p for p in wheels}.values(), key=lambda p: p.name.lower())
    manifest = "\r\n".join(
        [f"unionxl {version} for CPython {', '.join(pythons)} on {PLATFORM}", ""]
        + [p.name for p in files]
        + [""]
    )
    return [
        (f"{top}/install.cmd", install_bytes),
        (f"{top}/{README}", readme_bytes),
        (f"{top}/wheels/MANIFEST.txt", manifest.encode("ascii")),
        *[(f"{top}/wheels/{p.name}", p) for p in files],
    ]


def write_zip(target: Path, entries: list[tuple[str, bytes | Path]]) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_suffix(".tmp")
    with zipfile.ZipFile(temp, "w") as z:
        for name, content in entries:
            if isinstance(content, Path):
                # Wheels are zips already: storing them is as small and much faster.
                z.write(content, name, compress_type=zipfile.ZIP_STORED)
            else:
                z.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    temp.replace(target)
    return target


# --- pip (network) --------------------------------------------------------------------


def pip(*args: str, capture: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pip", *args]
    print("+", " ".join(command), flush=True)
    return subprocess.run(command, check=not capture, capture_output=capture, text=True)


def build_wheel(out: Path) -> Path:
    pip("wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(ROOT))
    return next(out.glob("unionxl-*.whl"))


NOT_FOUND = re.compile(r"No matching distribution found for (\S+)")


def download(dest: Path, python: str, requirements: Sequence[str]) -> None:
    """Windows wheels of `requirements` into dest. A dependency published only as a source
    archive is built here into a wheel once, and accepted only if it is pure Python."""
    for _attempt in range(10):
        done = pip(
            "download",
            "--quiet",
            "--disable-pip-version-check",
            "--only-binary=:all:",
            "--platform",
            PLATFORM,
            "--python-version",
            python,
            "--implementation",
            "cp",
            "--find-links",
            str(dest),
            "--dest",
            str(dest),
            *requirements,
            capture=True,
        )
        if done.returncode == 0:
            return
        found = NOT_FOUND.search(done.stderr)
        if not found:
            raise SystemExit(done.stderr)
        spec = found.group(1)
        print(f"  {spec}: no Windows wheel on the index; building one from its source")
        before = set(dest.glob("*.whl"))
        pip("wheel", "--no-deps", "--quiet", "--wheel-dir", str(dest), spec)
        for made in set(dest.glob("*.whl")) - before:
            if not made.name.endswith("-none-any.whl"):
                made.unlink()
                raise SystemExit(f"{spec} is not pure Python: it needs a Windows wheel")
    raise SystemExit(f"Python {python}: gave up downloading {requirements}")


def collect(wheel_dir: Path, root: Path, pythons: Sequence[str], extras: Sequence[str]) -> None:
    """Download until every Python's Windows closure is met by the wheels in wheel_dir."""
    for python in pythons:
        roots = [str(root)]
        if extras:  # pip is given the wheel alone, so the extras' requirements are named
            roots += [
                without_marker(r) for r in requirements_of(wheel_metadata(root), python, extras)
            ]
        download(wheel_dir, python, roots)
        for _round in range(5):
            unmet = missing(wheel_dir.glob("*.whl"), root, python, extras)
            if not unmet:
                break
            print(f"  Python {python}: pip left out {', '.join(map(str, unmet))}")
            download(wheel_dir, python, [without_marker(r) for r in unmet])
        else:
            raise SystemExit(f"Python {python}: still missing {unmet}")


def build(pythons: Sequence[str], extras: Sequence[str], dist: Path, work: Path) -> Path:
    wheel_dir = work / "wheels"
    wheel_dir.mkdir(parents=True, exist_ok=True)
    root = build_wheel(wheel_dir)
    version = str(wheel_metadata(root)["Version"])
    collect(wheel_dir, root, pythons, extras)
    entries = layout(wheel_dir.glob("*.whl"), version, root.name, pythons, extras)
    return write_zip(dist / f"unionxl-{version}-windows.zip", entries)


def check(bundle: Path, pythons: Sequence[str], extras: Sequence[str]) -> list[str]:
    """Unpack the zip and install from it alone, as each Python on Windows would."""
    lines = [f"{bundle.name}: {bundle.stat().st_size / 1e6:.1f} MB"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with zipfile.ZipFile(bundle) as z:
            z.extractall(tmp)
            count = sum(1 for n in z.namelist() if n.endswith(".whl"))
        top = next(tmp.iterdir())
        wheels = top / "wheels"
        check_batch((top / "install.cmd").read_bytes())
        assert (top / README).read_bytes().startswith(b"\xef\xbb\xbf")
        root = next(wheels.glob("unionxl-*.whl"))
        version = str(wheel_metadata(root)["Version"])
        for python in pythons:
            command = [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--dry-run",
                "--quiet",
                "--report",
                str(tmp / f"report-{python}.json"),
                "--no-index",
                "--find-links",
                str(wheels),
                "--platform",
                PLATFORM,
                "--python-version",
                python,
                "--implementation",
                "cp",
                "--only-binary=:all:",
                "--target",
                str(tmp / f"target-{python}"),
                requirement(version, extras),
            ]
            done = subprocess.run(command, capture_output=True, text=True)
            chosen, unmet = resolve(wheels.glob("*.whl"), root, python, extras)
            closure = {canonicalize_name(root.name.split("-")[0]), *chosen}
            ok = done.returncode == 0 and not unmet
            if done.returncode == 0:
                report = json.loads((tmp / f"report-{python}.json").read_text())
                by_pip = {canonicalize_name(i["metadata"]["name"]) for i in report["install"]}
                pip_text = f"pip --dry-run --no-index resolved {len(by_pip)} packages"
                if by_pip - closure:
                    pip_text += f" (not needed on Windows: {', '.join(sorted(by_pip - closure))})"
                if closure - by_pip:
                    pip_text += (
                        f" (plus {', '.join(sorted(closure - by_pip))}, which pip on Linux"
                        " skips by its Windows-only marker)"
                    )
            else:
                pip_text = "pip --dry-run --no-index FAILED"
            closure_text = (
                f"Windows closure {len(closure)} packages complete"
                if not unmet
                else f"Windows closure MISSING {', '.join(map(str, unmet))}"
            )
            lines.append(
                f"  CPython {python} win_amd64: {pip_text}; {closure_text} -> "
                + ("OK" if ok else "FAILED")
            )
            if done.returncode != 0:
                lines.append("    " + done.stderr.strip().replace("\n", "\n    "))
        lines.append(f"  {count} wheels in the bundle")
        lines.append("  " + wine_check(top, tmp))
    return lines


def wine_check(top: Path, tmp: Path) -> str:
    """If Wine is here, let its cmd.exe run install.cmd on a computer without Python: the
    batch file must parse and end with the python.org advice (Wine's cmd is close to,
    not the same as, Windows' own)."""
    import os
    import shutil

    wine = shutil.which("wine64") or shutil.which("wine") or "/usr/lib/wine/wine64"
    if not Path(wine).exists():
        return "install.cmd under Wine: skipped (Wine is not installed)"
    env = {**os.environ, "WINEPREFIX": str(tmp / "wine"), "WINEDEBUG": "-all"}
    env.pop("DISPLAY", None)  # Notepad would open; not wanted here
    done = subprocess.run(
        [wine, "cmd", "/c", "install.cmd"],
        cwd=top,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=300,
    )
    out = done.stdout.decode("ascii", "replace")
    ok = done.returncode == 1 and "No suitable Python" in out and "python.org" in out
    return "install.cmd under Wine without Python: " + (
        "OK (python.org advice, exit 1)" if ok else f"FAILED (exit {done.returncode}): {out!r}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["build", "check"])
    parser.add_argument("--python", nargs="+", default=list(PYTHONS), metavar="3.X")
    parser.add_argument("--extras", nargs="*", default=[], help="optional extras to include")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        bundle = build(args.python, args.extras, args.dist, Path(work))
    print(f"built {bundle} ({bundle.stat().st_size / 1e6:.1f} MB)")
    if args.what == "check":
        lines = check(bundle, args.python, args.extras)
        print("\n".join(lines))
        if any("FAILED" in line for line in lines):
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
