"""Sealed staff concerns: only the vault's private key opens them; any change is refused plainly."""

from __future__ import annotations

import pytest

from desktop_app.vault import sealing
from desktop_app.vault.errors import SealedItemDamaged

CONTEXT = b"waymark inbox concern"


def test_round_trip_with_text_in_any_script() -> None:
    private, public = sealing.new_keypair()
    text = "Dawit said «they give me money» — Łucja, 李小龙, محمد".encode()
    blob = sealing.seal(public, text, CONTEXT)
    assert text not in blob
    assert sealing.open_sealed(private, blob, CONTEXT) == text
    assert sealing.public_from_private(private) == public


def test_each_seal_is_different_so_nothing_repeats_on_disk() -> None:
    _, public = sealing.new_keypair()
    assert sealing.seal(public, b"same", CONTEXT) != sealing.seal(public, b"same", CONTEXT)


def test_every_single_changed_byte_is_refused() -> None:
    private, public = sealing.new_keypair()
    blob = sealing.seal(public, b"the child's own words", CONTEXT)
    for position in range(len(blob)):
        altered = bytearray(blob)
        altered[position] ^= 0x01
        with pytest.raises(SealedItemDamaged):
            sealing.open_sealed(private, bytes(altered), CONTEXT)


@pytest.mark.parametrize("cut", [0, 10, 40, 60])
def test_truncated_blob_is_refused(cut: int) -> None:
    private, public = sealing.new_keypair()
    blob = sealing.seal(public, b"x" * 50, CONTEXT)
    with pytest.raises(SealedItemDamaged) as caught:
        sealing.open_sealed(private, blob[:cut], CONTEXT)
    assert "cannot be opened" in str(caught.value)


def test_another_vaults_key_or_another_context_cannot_open_it() -> None:
    _, public = sealing.new_keypair()
    other_private, _ = sealing.new_keypair()
    blob = sealing.seal(public, b"secret", CONTEXT)
    with pytest.raises(SealedItemDamaged) as caught:
        sealing.open_sealed(other_private, blob, CONTEXT)
    assert "another vault" in str(caught.value)


def test_wrong_context_is_refused() -> None:
    private, public = sealing.new_keypair()
    blob = sealing.seal(public, b"secret", b"draft")
    with pytest.raises(SealedItemDamaged):
        sealing.open_sealed(private, blob, b"concern")


def test_newer_format_asks_for_an_update() -> None:
    private, public = sealing.new_keypair()
    blob = sealing.seal(public, b"secret", CONTEXT)
    newer = blob[:3] + b"\x02" + blob[4:]
    with pytest.raises(SealedItemDamaged) as caught:
        sealing.open_sealed(private, newer, CONTEXT)
    assert "newer version of Waymark" in str(caught.value)
