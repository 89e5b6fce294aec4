"""The export-file parser under Hypothesis: whatever the bytes, ``ExportFileError`` is the only error
that escapes, and anything it accepts merges cleanly into a real database."""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from smrtplayer.models.notes import Note, with_rev
from smrtplayer.store.db import Store, utc_now
from smrtplayer.store.exchange.exportfile import ExportFileError, build_export, merge_export, parse_export
from smrtplayer.store.notes import NoteRepository

FUZZ = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


class _Rollback(Exception):
    pass


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("fuzz")
    opened = Store.open(folder / "db.sqlite3")
    now = utc_now()
    repo = NoteRepository(opened)
    for index in range(3):
        repo.save(with_rev(Note(f"note-{index}", "fp1-abc", index * 1000, None, f"body {index}", now, now)))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def valid(store: Store) -> bytes:
    data, _counts = build_export(store)
    return data


def _parse(data: bytes) -> Any:
    try:
        return parse_export(data, Path("fuzz.smrtdata"))
    except ExportFileError as error:
        assert str(error).startswith("fuzz.smrtdata")
        return None


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    assert _parse(data) is None


@FUZZ
@given(data=st.data())
def test_damaged_copies_of_a_real_export(valid: bytes, data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(["truncate", "flip", "delete", "insert"]))
    at = data.draw(st.integers(0, len(valid) - 1))
    if kind == "truncate":
        damaged = valid[:at]
    elif kind == "flip":
        damaged = valid[:at] + bytes([valid[at] ^ data.draw(st.integers(1, 255))]) + valid[at + 1 :]
    elif kind == "delete":
        damaged = valid[:at] + valid[at + 1 :]
    else:
        damaged = valid[:at] + data.draw(st.binary(min_size=1, max_size=3)) + valid[at:]
    result = _parse(damaged)
    if result is not None:
        # Only damage outside the checksummed payload (the trailing newline) may pass, unchanged.
        assert result.sections == parse_export(valid).sections


_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
# Mostly valid values, so that many payloads pass validation and reach the merge.
_stamp = st.sampled_from(
    ["2025-01-01T10:00:00.000+00:00", "2025-06-01T10:00:00Z"] * 20
    + ["2025-01-01T10:00:00", "yesterday", 5, None]
)
_note = st.fixed_dictionaries(
    {
        "uid": st.sampled_from(["note-0", "note-1", "n-new"] * 4 + ["", "bad uid!", 7]),
        "lesson_fingerprint": st.sampled_from(["fp1-abc", "fp1-other"] * 4 + ["", None]),
        "time_ms": st.sampled_from([None, 0, 1500] * 4 + [-1, 10**15, "12"]),
        "position_uid": st.sampled_from([None, "pub-1"] * 3 + [""]),
        "body": st.text(max_size=30) | st.just(3),
        "created_at": _stamp,
        "updated_at": _stamp,
    },
    optional={
        "deleted": st.booleans(),
        "history": st.lists(st.sampled_from(["0" * 16, "1" * 16]), max_size=3) | _json,
    },
)
_progress = st.fixed_dictionaries(
    {
        "lesson_fingerprint": st.sampled_from(["fp1-abc", "fp1-x", ""]),
        "position_ms": st.sampled_from([0, 500, -5]),
        "duration_ms": st.sampled_from([None, 6000, -1]),
        "watched": st.booleans(),
        "last_opened_at": _stamp,
        "updated_at": _stamp,
    }
)
_spans = st.fixed_dictionaries(
    {
        "lesson_fingerprint": st.sampled_from(["fp1-abc", "fp1-x"]),
        "spans": st.lists(st.tuples(st.integers(-5, 9000), st.integers(-5, 9000)), max_size=4),
        "updated_at": _stamp,
    }
)
_position = st.fixed_dictionaries(
    {
        "uid": st.sampled_from(["u-1", "pub-1", "u-2"]),
        "lesson_fingerprint": st.just("fp1-abc"),
        "start_ms": st.integers(-1, 5000),
        "end_ms": st.integers(-1, 5000),
        "title": st.text(max_size=10),
        "created_at": _stamp,
        "updated_at": _stamp,
    },
    optional={
        "side": st.sampled_from(["L", "R", "both", "up"]),
        "hold_ms": st.sampled_from([None, 0, 30000]),
    },
)
_sections = st.fixed_dictionaries(
    {},
    optional={
        "notes": st.lists(_note, max_size=4),
        "lesson_progress": st.lists(_progress, max_size=3),
        "played_spans": st.lists(_spans, max_size=3),
        "user_positions": st.lists(_position, max_size=3),
        "settings": st.lists(
            st.fixed_dictionaries(
                {
                    "key": st.sampled_from(["volume", "local.x", ""]),
                    "value": st.sampled_from(["0.5", "{", "[]"]),
                    "updated_at": _stamp,
                }
            ),
            max_size=2,
        ),
        "study_time": st.lists(
            st.fixed_dictionaries(
                {
                    "install_id": st.sampled_from(["abc", "a b"]),
                    "day": st.sampled_from(["2025-01-01", "2025-13-01"]),
                    "studied_ms": st.integers(-1, 10**6),
                    "updated_at": _stamp,
                }
            ),
            max_size=2,
        ),
    },
)


def _signed(payload: Any) -> bytes:
    body = json.dumps(payload).encode()
    checksum = "sha256:" + hashlib.sha256(body).hexdigest()
    head = json.dumps({"format": "smrtplayer-export", "format_version": 1, "checksum": checksum})
    return head[:-1].encode() + b', "payload": ' + body + b"}"


@settings(max_examples=1200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    sections=_sections,
    exported_at=_stamp,
    extra=st.sampled_from(
        [{}] * 5 + [{"lessons": []}, {"junk": 1}, {"lessons": [{"fingerprint": "fp1-abc"}]}]
    ),
)
def test_correctly_signed_payloads_of_any_shape(
    store: Store, sections: Any, exported_at: Any, extra: Any
) -> None:
    payload = {"app_version": "0.1.0", "exported_at": exported_at, "sections": sections, **extra}
    export = _parse(_signed(payload))
    event("accepted" if export is not None else "refused")
    if export is None:
        return
    # Whatever passed validation must merge without any error but the documented one.
    with contextlib.suppress(_Rollback), store.write():
        try:
            merge_export(store, export)
        except ExportFileError as error:
            assert "Nothing was imported" in str(error)
        raise _Rollback
