"""Store tests share the vault fixtures."""

from tests.fixtures_vault import created_vault, open_session, vault_dir

__all__ = ["created_vault", "open_session", "vault_dir"]
