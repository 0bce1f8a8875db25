"""Zip archives: read member by member, never unpacked; unsafe ones refused whole."""

import zipfile

import pytest

from workbench.ingest.archives import Archive, is_unsafe
from workbench.ingest.errors import UnreadableFile


def make_zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("name", ["../evil.txt", "a/../../evil.txt", "/etc/evil.txt", "C:/evil.txt", "a\\..\\b.txt"])
def test_paths_leading_outside_are_refused(tmp_path, name):
    path = make_zip(tmp_path / "a.zip", {"fine.txt": "fine", name: "evil"})
    with pytest.raises(UnreadableFile, match="leading outside the archive"):
        Archive(path)
    assert is_unsafe(name)
    assert not (tmp_path.parent / "evil.txt").exists()


def test_members_in_name_order_without_folders_and_hidden_files(tmp_path):
    path = make_zip(
        tmp_path / "a.zip",
        {"b/two.txt": "2", "a.txt": "1", "__MACOSX/._a.txt": "x", "b/.DS_Store": "x", "..notes.txt": "3"},
    )
    with Archive(path) as archive:
        members = archive.members()
        assert [m.filename for m in members] == ["a.txt", "b/two.txt"]
        assert archive.read(members[1], 100) == b"2"


def test_a_saved_pages_assets_folder_is_left_out(tmp_path):
    path = make_zip(
        tmp_path / "a.zip",
        {
            "news/Story.html": "<p>story</p>",
            "news/Story_files/ad.html": "<p>ad</p>",
            "news/Story_files/deep/frame.htm": "<p>frame</p>",
            "notes_files/kept.txt": "no page beside this folder",
        },
    )
    with Archive(path) as archive:
        assert [m.filename for m in archive.members()] == ["news/Story.html", "notes_files/kept.txt"]


def test_large_and_encrypted_members_are_refused(tmp_path):
    path = make_zip(tmp_path / "a.zip", {"big.txt": "x" * 1000})
    with Archive(path) as archive:
        with pytest.raises(UnreadableFile, match="too large"):
            archive.read(archive.members()[0], 100)
    # Python writes no encrypted zips: set the "encrypted" flag in both headers by hand.
    data = bytearray(make_zip(tmp_path / "s.zip", {"secret.txt": "ciphertext"}).read_bytes())
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        data[data.index(signature) + flag_at] |= 0x1
    (tmp_path / "s.zip").write_bytes(bytes(data))
    with Archive(tmp_path / "s.zip") as archive:
        with pytest.raises(UnreadableFile, match="encrypted"):
            archive.read(archive.members()[0], 10_000)


def test_not_a_zip(tmp_path):
    (tmp_path / "fake.zip").write_text("not a zip at all")
    with pytest.raises(UnreadableFile, match="not a valid zip archive"):
        Archive(tmp_path / "fake.zip")
