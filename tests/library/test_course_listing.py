"""The course list a view of 2,000 courses reads (ids and titles), and the summaries of chosen courses,
agree with the full read of every course's summary: same order, same counts."""

from __future__ import annotations

from pathlib import Path

from helpers.library import Library, make_course_folder
from helpers.media import MediaFactory


def test_the_listing_and_chosen_summaries_match_the_full_read(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    service = library.service
    for number, title in enumerate(["b Shoulder", "A Hips", "c Knees"]):
        folder = make_course_folder(
            tmp_path / title, ["1 - a.mp4", "2 - b.mp4"], media, first_index=1 + 2 * number
        )
        service.import_course(folder, mode="link")
    hips = service.find_course("A Hips")
    assert hips is not None
    library.progress.set_watched(service.lessons(hips.id)[1].fingerprint, True)

    everything = service.courses()
    listing = service.course_listing()
    assert [(each.id, each.title) for each in listing] == [(each.id, each.title) for each in everything]
    assert [each.title for each in listing] == ["A Hips", "b Shoulder", "c Knees"], "case-blind order"

    chosen = [listing[2].id, listing[0].id]
    summaries = service.course_summaries(chosen)
    assert summaries == [everything[0], everything[2]], "in the library's order, counts as the full read"
    assert summaries[0].watched_count == 1 and summaries[0].lesson_count == 2
    assert service.course_summaries([]) == []
    assert service.course_summaries([10_000]) == [], "a course removed meanwhile is simply absent"
