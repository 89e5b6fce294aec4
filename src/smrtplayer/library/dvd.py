"""DVD titles from a ``VIDEO_TS`` folder's IFO files: title sets, program chains, cells and chapters.

A disc stores each title set's video as one stream cut into ~1 GB ``VTS_nn_k.VOB`` parts at sector
boundaries, whatever is playing there; the title set's IFO says where each title's cells start and end
(in 2048-byte sectors from the start of that stream) and how long they play. A title is therefore one
lesson whose parts are played back to back (see ``ConcatPlan``), and its programs are its chapters.

pymediainfo reads a disc's chapter times but neither its cells' sectors nor which parts hold a title,
which is what playing a title as one stream needs; hence this small reader. Every number read is
bounded by the file's size: a damaged IFO is an ``IfoError``, and the ``.BUP`` copy is tried next.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

SECTOR = 2048
MIN_TITLE_MS = 20_000  # shorter titles are logos, warnings and menus' loops, not lessons
MAX_IFO_BYTES = 16 * 1024 * 1024
MAX_CHAPTERS = 999  # the DVD-Video limit on programs per chain
_VTS_MAGIC = b"DVDVIDEO-VTS"
_IFO_NAME = re.compile(r"^vts_(\d{2})_0\.(ifo|bup)$", re.IGNORECASE)
_VMG_NAME = re.compile(r"^video_ts\.(ifo|bup)$", re.IGNORECASE)
_VMG_MAGIC = b"DVDVIDEO-VMG"
_PART_NAME = re.compile(r"^vts_(\d{2})_([1-9])\.vob$", re.IGNORECASE)

__all__ = [
    "DiscPart",
    "DiscTitle",
    "DvdReadError",
    "IfoError",
    "read_disc",
]


class IfoError(ValueError):
    """An IFO (or BUP) file that cannot be trusted; the message says what is wrong with it."""


class DvdReadError(ValueError):
    """Neither the IFO nor its BUP copy of a title set could be read, or they do not fit its VOB parts."""


@dataclass(frozen=True)
class DiscPart:
    rel_path: str  # the VOB part, relative to the course root
    size_bytes: int


@dataclass(frozen=True)
class Cell:
    first_sector: int
    last_sector: int
    duration_ms: int


@dataclass(frozen=True)
class DiscTitle:
    """One title of a title set: what becomes one lesson."""

    title_set: int
    number_in_set: int
    #: the title's number on the disc (title sets in order, short titles counted too)
    disc_number: int
    duration_ms: int
    chapter_starts_ms: tuple[int, ...]
    first_sector: int
    last_sector: int
    #: every VOB part holding a sector of the title, in playing order
    parts: tuple[DiscPart, ...]
    #: bytes into the first part where the title starts, and into the last one where it ends
    start_offset: int
    end_offset: int
    #: the IFO the title was read from (``VTS_01_0.IFO``, or its ``.BUP`` when the IFO is damaged)
    read_from: str


@dataclass(frozen=True)
class DiscReading:
    titles: tuple[DiscTitle, ...]
    #: one sentence per title set whose IFO and BUP were both unusable (its parts stay plain lessons)
    problems: tuple[str, ...]
    #: title sets whose parts are covered by ``titles`` (the others are imported part by part)
    read_sets: frozenset[int]


def read_disc(root: Path, files: list[str], sizes: dict[str, int]) -> DiscReading:
    """The titles of every title set among ``files`` (relative POSIX paths under ``root``)."""
    ifos: dict[int, dict[str, str]] = {}
    parts: dict[int, dict[int, str]] = {}
    disc_ifos: dict[str, str] = {}
    for path in files:
        name = PurePosixPath(path).name
        if match := _VMG_NAME.match(name):
            disc_ifos[match.group(1).casefold()] = path
        elif match := _IFO_NAME.match(name):
            ifos.setdefault(int(match.group(1)), {})[match.group(2).casefold()] = path
        elif match := _PART_NAME.match(name):
            parts.setdefault(int(match.group(1)), {})[int(match.group(2))] = path
    titles: list[DiscTitle] = []
    problems: list[str] = []
    read_sets: set[int] = set()
    numbers = _disc_title_numbers(root, [disc_ifos[kind] for kind in ("ifo", "bup") if kind in disc_ifos])
    numbered = 0  # titles of the sets read so far: the numbers when the disc's own table is unreadable
    for title_set in sorted(parts):
        missing = sorted(set(range(1, max(parts[title_set]) + 1)) - set(parts[title_set]))
        if missing:
            names = ", ".join(f"VTS_{title_set:02d}_{number}.VOB" for number in missing)
            problems.append(
                f"{names} {'is' if len(missing) == 1 else 'are'} missing, so the titles of title set "
                f"{title_set} could not be put together; its VOB files were imported one by one"
            )
            continue
        candidates = [ifos.get(title_set, {}).get(kind) for kind in ("ifo", "bup")]
        reasons: list[str] = []
        for candidate in candidates:
            if candidate is None:
                continue
            try:
                found, count = _titles_of_set(root, candidate, title_set, parts[title_set], sizes)
            except (IfoError, OSError) as error:
                reasons.append(f"{PurePosixPath(candidate).name}: {_reason(error)}")
                continue
            titles.extend(
                replace(
                    title,
                    disc_number=numbers.get((title_set, title.number_in_set), numbered + title.number_in_set),
                )
                for title in found
            )
            numbered += count
            read_sets.add(title_set)
            break
        else:
            if not reasons:
                reasons.append(f"VTS_{title_set:02d}_0.IFO and its .BUP copy are missing")
            problems.append(
                f"the chapters of title set {title_set} could not be read ({'; '.join(reasons)}); "
                "its VOB files were imported one by one"
            )
    return DiscReading(titles=tuple(titles), problems=tuple(problems), read_sets=frozenset(read_sets))


def _disc_title_numbers(root: Path, candidates: list[str]) -> dict[tuple[int, int], int]:
    """The disc's title numbers by (title set, title in set), from VIDEO_TS.IFO (or its BUP)."""
    for candidate in candidates:
        try:
            data = _read_bounded(root / candidate)
            if data[:12] != _VMG_MAGIC:
                raise IfoError("not a disc's information file")
            ifo = _Ifo(data)
            table = ifo.u32(0xC4) * SECTOR
            return {
                (ifo.u8(table + 8 + index * 12 + 6), ifo.u8(table + 8 + index * 12 + 7)): index + 1
                for index in range(ifo.u16(table))
            }
        except (IfoError, OSError):
            continue
    return {}


def _reason(error: Exception) -> str:
    return (error.strerror if isinstance(error, OSError) else None) or str(error)


def _titles_of_set(
    root: Path, ifo_rel: str, title_set: int, parts: dict[int, str], sizes: dict[str, int]
) -> tuple[list[DiscTitle], int]:
    """The set's titles that are lessons, and how many titles it has in all."""
    data = _read_bounded(root / ifo_rel)
    ifo = _Ifo(data)
    if data[:12] != _VTS_MAGIC:
        raise IfoError("it is not a DVD title set's information file")
    ordered = [parts[number] for number in sorted(parts)]
    part_sizes = [sizes[path] for path in ordered]
    total_sectors = sum(size // SECTOR for size in part_sizes)
    chains = _program_chains(ifo)
    titles: list[DiscTitle] = []
    title_chains = _title_chains(ifo, len(chains))
    for number, (chain, _first_program) in enumerate(title_chains, start=1):
        cells, program_cells = chains[chain]
        if not cells:
            continue
        duration_ms = sum(cell.duration_ms for cell in cells)
        first, last = cells[0].first_sector, max(cell.last_sector for cell in cells)
        if last >= total_sectors:
            raise IfoError(
                f"title {number} ends at sector {last:,}, past the end of the VOB data "
                f"({total_sectors:,} sectors): a VOB part is missing or cut short"
            )
        starts = []
        for entry_cell in program_cells:
            starts.append(sum(cell.duration_ms for cell in cells[: entry_cell - 1]))
        if duration_ms < MIN_TITLE_MS:
            continue
        chosen, start_offset, end_offset = _parts_between(ordered, part_sizes, first, last)
        titles.append(
            DiscTitle(
                title_set=title_set,
                number_in_set=number,
                disc_number=number,
                duration_ms=duration_ms,
                chapter_starts_ms=tuple(sorted(set(starts)))[:MAX_CHAPTERS],
                first_sector=first,
                last_sector=last,
                parts=tuple(DiscPart(path, sizes[path]) for path in chosen),
                start_offset=start_offset,
                end_offset=end_offset,
                read_from=PurePosixPath(ifo_rel).name,
            )
        )
    return titles, len(title_chains)


def _parts_between(
    ordered: list[str], sizes: list[int], first_sector: int, last_sector: int
) -> tuple[list[str], int, int]:
    start_byte, end_byte = first_sector * SECTOR, (last_sector + 1) * SECTOR
    chosen: list[str] = []
    start_offset = end_offset = 0
    offset = 0
    for path, size in zip(ordered, sizes, strict=True):
        if offset < end_byte and offset + size > start_byte:
            if not chosen:
                start_offset = start_byte - offset
            chosen.append(path)
            end_offset = end_byte - offset
        offset += size
    return chosen, start_offset, end_offset


def _read_bounded(path: Path) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(MAX_IFO_BYTES + 1)
    if len(data) > MAX_IFO_BYTES:
        raise IfoError(f"it is larger than {MAX_IFO_BYTES:,} bytes")
    return data


class _Ifo:
    """Bounds-checked big-endian reads."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def u8(self, at: int) -> int:
        return self._unpack(">B", at)

    def u16(self, at: int) -> int:
        return self._unpack(">H", at)

    def u32(self, at: int) -> int:
        return self._unpack(">I", at)

    def _unpack(self, fmt: str, at: int) -> int:
        if at < 0 or at + struct.calcsize(fmt) > len(self.data):
            raise IfoError("it is cut short or its tables point outside it")
        return int(struct.unpack_from(fmt, self.data, at)[0])


def _program_chains(ifo: _Ifo) -> list[tuple[list[Cell], list[int]]]:
    """Each program chain of the title set: its cells and, per program (chapter), its entry cell."""
    table = ifo.u32(0xCC) * SECTOR
    count = ifo.u16(table)
    if count == 0:
        raise IfoError("it lists no program chain")
    chains: list[tuple[list[Cell], list[int]]] = []
    for index in range(count):
        chain = table + ifo.u32(table + 8 + index * 8 + 4)
        programs, cell_count = ifo.u8(chain + 2), ifo.u8(chain + 3)
        program_map = chain + ifo.u16(chain + 0xE6)
        playback = chain + ifo.u16(chain + 0xE8)
        cells: list[Cell] = []
        for cell_index in range(cell_count):
            at = playback + cell_index * 24
            first, last = ifo.u32(at + 8), ifo.u32(at + 20)
            if last < first:
                raise IfoError(f"cell {cell_index + 1} of program chain {index + 1} ends before it starts")
            cells.append(Cell(first_sector=first, last_sector=last, duration_ms=_bcd_ms(ifo, at + 4)))
        entries = [ifo.u8(program_map + program) for program in range(programs)]
        if any(entry < 1 or entry > cell_count for entry in entries):
            raise IfoError(f"program chain {index + 1} starts a chapter at a cell it does not have")
        chains.append((cells, entries))
    return chains


def _title_chains(ifo: _Ifo, chain_count: int) -> list[tuple[int, int]]:
    """(program chain index, first program index) of each title of the set, from its chapter table."""
    table = ifo.u32(0xC8) * SECTOR
    count = ifo.u16(table)
    found: list[tuple[int, int]] = []
    for index in range(count):
        first_entry = table + ifo.u32(table + 8 + index * 4)
        chain, program = ifo.u16(first_entry), ifo.u16(first_entry + 2)
        if not 1 <= chain <= chain_count or program < 1:
            raise IfoError(f"title {index + 1} points at program chain {chain}, which does not exist")
        found.append((chain - 1, program - 1))
    return found


def _bcd_ms(ifo: _Ifo, at: int) -> int:
    hours, minutes, seconds, frames = (ifo.u8(at + index) for index in range(4))
    rate = 25 if frames >> 6 == 1 else 30000 / 1001

    def decimal(value: int, upper: int) -> int:
        number = (value >> 4) * 10 + (value & 0x0F)
        if value >> 4 > 9 or value & 0x0F > 9 or number > upper:
            raise IfoError("a playing time in it is not a valid time")
        return number

    whole = (decimal(hours, 99) * 60 + decimal(minutes, 59)) * 60 + decimal(seconds, 59)
    return whole * 1000 + round(decimal(frames & 0x3F, 59) * 1000 / rate)
