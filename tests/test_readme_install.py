"""The README's Chromium line, run against stand-ins for id, sudo and apt-get."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import REPO


def install_block() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    after = readme[readme.index("Only the browser tests need a system package") :]
    return re.search(r"```sh\n(.*?)```", after, re.S).group(1)


def stub(folder, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


@pytest.mark.parametrize(
    ("uid", "expected"),
    [
        ("0", ["apt-get update", "apt-get install -y chromium"]),
        ("1000", ["sudo apt-get update", "sudo apt-get install -y chromium"]),
    ],
)
def test_the_chromium_line_works_as_root_and_as_a_user(tmp_path, uid, expected):
    log = tmp_path / "log"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stub(bin_dir, "id", f"echo {uid}")
    stub(bin_dir, "apt-get", f'echo "apt-get $*" >> {log}')
    if uid != "0":  # root may have no sudo at all; a user has one
        stub(bin_dir, "sudo", f'printf "sudo " >> {log}; exec "$@"')
    done = subprocess.run(
        ["/bin/sh", "-e", "-c", install_block()],
        env={"PATH": str(bin_dir)},  # only the stand-ins: nothing real is installed
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert log.read_text().splitlines() == expected
