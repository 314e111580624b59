"""The batched full check of a long audit chain still finds each kind of tampering, wherever in the chain it is."""

from __future__ import annotations

import hmac
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.store import audit
from desktop_app.store.database import open_database
from tests.fixtures_vault import make_vault, raw_connection

# More rows than two of the check's batches, so tampering lands inside a later batch too.
ROWS = 2 * audit._CHECK_BATCH + 500


@given(key=st.binary(min_size=0, max_size=200), message=st.binary(max_size=500))
def test_the_fast_mac_is_hmac_sha256(key: bytes, message: bytes) -> None:
    assert audit.mac_hex_function(key)(message) == hmac.digest(key, message, "sha256").hex()


@dataclass(frozen=True)
class LongChain:
    vault_dir: Path
    key: bytes
    last: int


@pytest.fixture(scope="module")
def built_chain(tmp_path_factory: pytest.TempPathFactory) -> LongChain:
    """Built once for the module (a few seconds); each test tampers with its own copy."""
    created = make_vault(tmp_path_factory.mktemp("chain") / "vault")
    session = created.session
    actor = session.actor()
    with session.uow() as uow:
        for number in range(ROWS):
            uow.audit.append(actor, "concern.viewed", number, {"page": number % 7})
        uow.commit()
    chain = LongChain(session.vault_dir, session.data_key_for_checks(), session.audit_seq())
    session.lock()
    return chain


@pytest.fixture
def long_chain(built_chain: LongChain, tmp_path: Path) -> LongChain:
    copy = tmp_path / "vault"
    shutil.copytree(built_chain.vault_dir, copy)
    return LongChain(copy, built_chain.key, built_chain.last)


def _tampered_check(chain: LongChain, *statements: str) -> tuple[audit.ChainResult, int]:
    """Edit the database with its key behind the app's back, then run the full check as ``waymark verify`` does."""
    connection = raw_connection(chain.vault_dir, chain.key)
    try:
        connection.execute("DROP TRIGGER IF EXISTS audit_no_update")
        connection.execute("DROP TRIGGER IF EXISTS audit_no_delete")
        for statement in statements:
            connection.execute(statement)
    finally:
        connection.close()
    database = open_database(chain.vault_dir, chain.key)
    try:
        return database.check_whole_chain(), chain.last
    finally:
        database.dispose()


def _found(result: audit.ChainResult) -> set[tuple[int, str]]:
    return {(p.seq, p.what) for p in result.problems}


def test_an_untouched_long_chain_passes_whole(long_chain: LongChain) -> None:
    result, last = _tampered_check(long_chain)
    assert (result.problems, result.checked, result.last_seq) == ((), last, last)


@pytest.mark.parametrize("seq", [1, audit._CHECK_BATCH, audit._CHECK_BATCH + 1, ROWS - 3, ROWS])
def test_one_edited_row_anywhere_is_found(long_chain: LongChain, seq: int) -> None:
    result, last = _tampered_check(long_chain, f"UPDATE audit SET object_ref = 'someone else' WHERE seq = {seq}")
    assert _found(result) == {(seq, "was changed after it was written")}
    assert (result.checked, result.last_seq) == (last, last)


def test_a_nul_and_text_hidden_after_the_details_are_found(long_chain: LongChain) -> None:
    # SQLite's length() stops at a NUL; the check must still see the bytes after it.
    seq = audit._CHECK_BATCH + 17
    result, _ = _tampered_check(long_chain, f"UPDATE audit SET details = details || char(0) || 'x' WHERE seq = {seq}")
    assert _found(result) == {(seq, "was changed after it was written")}


def test_a_row_deleted_deep_in_the_chain_is_found(long_chain: LongChain) -> None:
    seq = 2 * audit._CHECK_BATCH + 100
    result, _ = _tampered_check(long_chain, f"DELETE FROM audit WHERE seq = {seq}")
    assert _found(result) == {
        (seq, f"entries {seq} to {seq} are missing"),
        (seq + 1, "does not follow the entry before it"),
    }


def test_a_relinked_row_is_found(long_chain: LongChain) -> None:
    seq = audit._CHECK_BATCH + 300
    result, _ = _tampered_check(long_chain, f"UPDATE audit SET prev_mac = '{audit.GENESIS_MAC}' WHERE seq = {seq}")
    assert _found(result) == {(seq, "does not follow the entry before it"), (seq, "was changed after it was written")}


def test_the_check_stops_at_its_limit_of_problems(long_chain: LongChain) -> None:
    result, _ = _tampered_check(long_chain, "UPDATE audit SET action = 'x' WHERE seq > 3000")
    assert len(result.problems) == 20
    assert [p.seq for p in result.problems] == list(range(3001, 3021))
    assert result.checked == 3020
