"""Built-in courses are read from their manifest when they change, not on every launch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smrtplayer.app.context import AppContext
from smrtplayer.library import scan


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders whose manifest was read (the real reader still does the work)."""
    seen: list[Path] = []
    real = scan.course_from_manifest

    def counting(folder: Path, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(folder)
        return real(folder, **kwargs)

    monkeypatch.setattr(scan, "course_from_manifest", counting)
    return seen


def test_an_unchanged_builtin_course_is_not_read_again(
    context: AppContext, demo_course_dir: Path, tmp_path: Path, reads: list[Path]
) -> None:
    root = tmp_path / "builtin"
    shutil.copytree(demo_course_dir, root / "demo")
    context.library.refresh_builtin(root)
    assert len(reads) == 1
    context.library.refresh_builtin(root)
    assert len(reads) == 1, "nothing changed: the stored course is used as it is"

    manifest = root / "demo" / "course.toml"
    manifest.write_text(
        manifest.read_text().replace('Hips & Shoulder"', 'Hips & Shoulder, second edition"', 1)
    )
    context.library.refresh_builtin(root)
    assert len(reads) == 2
    (course,) = [c for c in context.library.courses() if c.kind == "builtin"]
    assert course.title.endswith("second edition")

    context.library.refresh_builtin(root, force=True)
    assert len(reads) == 3


def test_a_builtin_course_missing_from_the_database_is_registered_again(
    context: AppContext, demo_course_dir: Path, reads: list[Path]
) -> None:
    context.library.refresh_builtin(demo_course_dir.parent)
    assert reads == [], "the context registered it already and nothing changed since"
    (course,) = [c for c in context.library.courses() if c.kind == "builtin"]
    context.courses.remove(course.id)
    context.library.refresh_builtin(demo_course_dir.parent)
    assert reads == [demo_course_dir]
    assert [c.title for c in context.library.courses() if c.kind == "builtin"] == [course.title]


def test_two_installations_on_one_data_folder_each_register_their_own_builtin_course(
    context: AppContext, demo_course_dir: Path, tmp_path: Path, reads: list[Path]
) -> None:
    """A pip install and the frozen bundle ship the same demo course in different folders: the stored
    course must point at the running installation's files, so a change of installation reads the
    manifest again once (before the first frame), and later starts of the same one do not."""
    pip_install = tmp_path / "site-packages" / "courses"
    bundle = tmp_path / "bundle" / "_internal" / "courses"
    for root in (pip_install, bundle):
        shutil.copytree(demo_course_dir, root / "demo")

    def stored_root() -> Path:
        (course,) = [c for c in context.library.courses() if c.kind == "builtin"]
        return course.root_path

    context.library.refresh_builtin(pip_install)
    context.library.refresh_builtin(pip_install)
    assert reads == [pip_install / "demo"]
    assert stored_root() == pip_install / "demo"

    context.library.refresh_builtin(bundle)
    context.library.refresh_builtin(bundle)
    assert reads == [pip_install / "demo", bundle / "demo"]
    assert stored_root() == bundle / "demo"

    context.library.refresh_builtin(pip_install)
    assert reads == [pip_install / "demo", bundle / "demo", pip_install / "demo"]
    assert stored_root() == pip_install / "demo"
